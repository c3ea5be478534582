import ArgumentParser
import Foundation
import GeoCore
import Radio

struct RadioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radio",
        abstract: "The radio models: path loss, throughput, peak rates and whole links.",
        subcommands: [PathLossCommand.self, ThroughputCommand.self, PeakRateCommand.self, LinkCommand.self]
    )
}

extension PathLossModel: ExpressibleByArgument {}

/// The geometry options shared by `pathloss` and `link`.
struct PathOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Carrier frequency in MHz.")
    var frequencyMhz: Double?

    @Option(parsing: .unconditional, help: "2D ground distance in metres.")
    var distanceM: Double

    @Option(parsing: .unconditional, help: "Base-station antenna height in metres.")
    var bsHeightM: Double = 25

    @Option(parsing: .unconditional, help: "Terminal height in metres.")
    var ueHeightM: Double = 1.5

    @Option(parsing: .unconditional, help: "Street width W in metres (RMa NLOS).")
    var streetWidthM: Double = 20

    @Option(parsing: .unconditional, help: "Average building height h in metres (RMa).")
    var buildingHeightM: Double = 5

    @Option(parsing: .unconditional, help: "Floors between the terminals (P.1238, TGax residential).")
    var floors: Int = 0

    @Option(parsing: .unconditional, help: "Walls between the terminals (TGax).")
    var walls: Int = 0

    @Option(parsing: .unconditional, help: "Elevation of the path at the façade in degrees (P.2109).")
    var elevationDeg: Double = 0

    @Option(parsing: .unconditional, help: "Probability that the loss is not exceeded, 0 < P < 1 (P.2109).")
    var probability: Double = 0.5

    @Flag(help: "Throw instead of flagging results outside a model's validity range.")
    var strict = false

    func validate() throws {
        try checkNumber("--frequency-mhz", frequencyMhz, 0...1_000_000, aboveLower: true, unit: "MHz")
        try checkNumber("--distance-m", distanceM, 0...100_000_000, aboveLower: true, unit: "m")
        try checkNumber("--bs-height-m", bsHeightM, 0...10_000, aboveLower: true, unit: "m")
        try checkNumber("--ue-height-m", ueHeightM, 0...10_000, aboveLower: true, unit: "m")
        try checkNumber("--street-width-m", streetWidthM, 0...1000, aboveLower: true, unit: "m")
        try checkNumber("--building-height-m", buildingHeightM, 0...1000, unit: "m")
        try checkNumber("--floors", floors, 0...200)
        try checkNumber("--walls", walls, 0...200)
        try checkNumber("--elevation-deg", elevationDeg, -90...90, unit: "degrees")
        try checkNumber("--probability", probability, 0...1, aboveLower: true)
        if probability == 1 { throw ValidationError("--probability: 1 is not accepted; give more than 0 and less than 1") }
    }

    func parameters(frequencyMHz: Double) -> PathLossModel.Parameters {
        .init(frequencyMHz: frequencyMHz, distanceM: distanceM, baseHeightM: bsHeightM, userHeightM: ueHeightM, streetWidthM: streetWidthM,
              buildingHeightM: buildingHeightM, floors: floors, walls: walls, elevationDeg: elevationDeg, probability: probability)
    }
}

func modelJSON(_ r: ModelResult, key: String) -> JSONObject {
    JSONObject([
        ("model", .string(r.model)), (key, .number(r.value)), ("in_validity_range", .bool(r.inValidityRange)),
        ("violations", .array(r.violations.map { .string($0) })), ("source", .string(r.source)),
        ("assumptions", .array(r.assumptions.map { .string($0) })),
    ])
}

func evaluate(_ model: PathLossModel, _ p: PathLossModel.Parameters, strict: Bool) throws -> ModelResult {
    do {
        return try model.evaluate(p, policy: strict ? .strict : .extrapolate)
    } catch let e as OutsideValidityRange {
        throw ValidationError(e.description)
    }
}

struct PathLossCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathloss",
        abstract: "Path loss (or building entry loss) of one model, in dB.",
        discussion: "Models: \(PathLossModel.allCases.map(\.rawValue).joined(separator: ", ")). Units: MHz, m, degrees. Defaults: bs height 25 m, ue height 1.5 m, W 20 m, h 5 m, P 0.5."
    )

    @Option(help: "The model.")
    var model: PathLossModel

    @OptionGroup var path: PathOptions

    @Option(help: "text or json.")
    var format: PrintFormat = .text

    func run() throws {
        guard let f = path.frequencyMhz else { throw ValidationError("--frequency-mhz is required") }
        let p = path.parameters(frequencyMHz: f)
        let r = try evaluate(model, p, strict: path.strict)
        switch format {
        case .json:
            var o = modelJSON(r, key: "path_loss_db")
            o["frequency_mhz"] = .number(f)
            o["distance_m"] = .number(p.distanceM)
            print(JSONWriter.serialize(.object(o), pretty: true))
        case .text:
            print("model: \(r.model)")
            print("path loss: \(String(format: "%.2f", r.value)) dB")
            print("in validity range: \(r.inValidityRange ? "yes" : "no")")
            for v in r.violations { print("  outside: \(v)") }
            for a in r.assumptions { print("assumption: \(a)") }
            print("source: \(r.source)")
        }
    }
}

enum Direction: String, ExpressibleByArgument { case downlink, uplink }

struct ThroughputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "throughput",
        abstract: "SINR → spectral efficiency (TR 36.942 truncated Shannon) and Mbit/s for a technology and bandwidth.",
        discussion: "Mbit/s = layers × efficiency × occupied bandwidth (N_RB · 12 · SCS) × TDD downlink share, capped at the carrier's peak rate."
    )

    @Option(parsing: .unconditional, help: "SINR in dB.")
    var sinrDb: Double

    @Option(help: "Catalogue carrier (lte800, lte1800, lte2600, nr-n78, nr-n28, umts2100, hsdpa2100); or give --technology.")
    var carrier: String?

    @Option(help: "umts, hsdpa, lte or nr (with --frequency-mhz, default 1800).")
    var technology: Technology?

    @Option(parsing: .unconditional, help: "Carrier frequency in MHz.")
    var frequencyMhz: Double = 1800

    @Option(parsing: .unconditional, help: "Channel bandwidth in MHz.")
    var bandwidthMhz: Double?

    @Option(parsing: .unconditional, help: "MIMO layers.")
    var layers: Int?

    @Option(help: "downlink or uplink.")
    var direction: Direction = .downlink

    @Option(help: "text or json.")
    var format: PrintFormat = .text

    func validate() throws {
        try checkNumber("--sinr-db", sinrDb, -200...200, unit: "dB")
        try checkNumber("--frequency-mhz", frequencyMhz, 0...1_000_000, aboveLower: true, unit: "MHz")
        try checkNumber("--bandwidth-mhz", bandwidthMhz, 0...1000, aboveLower: true, unit: "MHz")
        try checkNumber("--layers", layers, 1...16)
    }

    func run() throws {
        var profile: CarrierProfile
        if let carrier {
            guard let c = TechnologyCatalogue.carrier(named: carrier) else { throw ValidationError("unknown carrier \(carrier)") }
            profile = c
            if let bandwidthMhz, let c2 = TechnologyCatalogue.carrier(technology: c.technology, frequencyMHz: c.frequencyMHz, bandwidthMHz: bandwidthMhz) { profile = c2 }
        } else {
            let t = technology ?? .lte
            guard let c = TechnologyCatalogue.carrier(technology: t, frequencyMHz: frequencyMhz, bandwidthMHz: bandwidthMhz) else {
                throw ValidationError("no catalogue carrier for \(t.rawValue)")
            }
            profile = c
        }
        if let bandwidthMhz, profile.bandwidthMHz != bandwidthMhz {
            throw ValidationError("--bandwidth-mhz: \(profile.technology.rawValue) has no \(bandwidthMhz) MHz channel of \(profile.subcarrierSpacingKHz > 0 ? "\(profile.subcarrierSpacingKHz) kHz subcarriers" : "its kind") (LTE: 1.4, 3, 5, 10, 15, 20 MHz by TS 36.101; NR by the TS 38.101-1 resource-block table)")
        }
        if let layers { profile.layers = layers }
        if direction == .uplink {
            profile.shannon = profile.technology == .nr ? .nrUplink : .lteUplink
            profile.downlinkShare = 1 - (profile.downlinkShare < 1 ? profile.downlinkShare : 0)
            profile.layers = layers ?? 1
            profile.peakDownlinkMbps = .infinity
        }
        let efficiency = profile.shannon.efficiency(sinrDB: sinrDb)
        let mbps = profile.downlinkMbps(sinrDB: sinrDb)
        switch format {
        case .json:
            print(JSONWriter.serialize(.object(JSONObject([
                ("carrier", .string(profile.name)), ("technology", .string(profile.technology.rawValue)), ("direction", .string(direction.rawValue)),
                ("sinr_db", .number(sinrDb)), ("spectral_efficiency", .number(efficiency)), ("bandwidth_hz", .number(profile.transmissionBandwidthHz)),
                ("layers", .number(Double(profile.layers))), ("mbps", .number(mbps)), ("alpha", .number(profile.shannon.alpha)),
                ("sinr_min_db", .number(profile.shannon.minimumSINRDB)), ("thr_max", .number(profile.shannon.maximumEfficiency)),
                ("source", .string(profile.shannon.source)),
            ])), pretty: true))
        case .text:
            print("carrier: \(profile.label) (\(profile.name)), \(direction.rawValue)")
            print("SINR \(sinrDb) dB → \(String(format: "%.4f", efficiency)) bit/s/Hz (α \(profile.shannon.alpha), SINRmin \(profile.shannon.minimumSINRDB) dB, Thrmax \(profile.shannon.maximumEfficiency))")
            print("occupied bandwidth: \(String(format: "%.3f", profile.transmissionBandwidthHz / 1e6)) MHz, layers: \(profile.layers)")
            print("throughput: \(String(format: "%.2f", mbps)) Mbit/s")
            print("source: \(profile.shannon.source)")
        }
    }
}

extension Technology: ExpressibleByArgument {}

struct PeakRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peak-rate",
        abstract: "NR peak rate by TS 38.306 §4.1.2 (Mbit/s), or the catalogue's carriers with --catalogue.",
        discussion: "N_PRB from TS 38.101-1 Table 5.3.2-1; R_max 948/1024; overhead 0.14/0.18 (FR1/FR2 DL), 0.08/0.10 (UL)."
    )

    @Flag(help: "List the technology catalogue with peak rates.")
    var catalogue = false

    @Option(parsing: .unconditional, help: "Channel bandwidth in MHz.")
    var bandwidthMhz: Int = 100

    @Option(parsing: .unconditional, help: "Subcarrier spacing in kHz (15, 30, 60).")
    var scsKhz: Int = 30

    @Option(parsing: .unconditional, help: "MIMO layers.")
    var layers: Int = 4

    @Option(help: "qpsk, 16qam, 64qam or 256qam.")
    var modulation: String = "256qam"

    @Option(parsing: .unconditional, help: "Scaling factor f (1, 0.8, 0.75, 0.4).")
    var scaling: Double = 1

    @Option(help: "downlink or uplink.")
    var direction: Direction = .downlink

    @Option(parsing: .unconditional, help: "Share of the TDD frame in this direction (1 for FDD).")
    var tddShare: Double = 1

    @Flag(help: "Frequency range 2 (mmWave) overhead.")
    var fr2 = false

    @Option(help: "text or json.")
    var format: PrintFormat = .text

    func validate() throws {
        try checkNumber("--bandwidth-mhz", bandwidthMhz, 1...2000, unit: "MHz")
        try checkNumber("--scs-khz", scsKhz, 15...960, unit: "kHz")
        try checkNumber("--layers", layers, 1...16)
        try checkNumber("--scaling", scaling, 0...1, aboveLower: true)
        try checkNumber("--tdd-share", tddShare, 0...1, aboveLower: true)
    }

    func run() throws {
        if catalogue {
            let rows = TechnologyCatalogue.carriers
            switch format {
            case .json:
                print(JSONWriter.serialize(.array(rows.map { c in
                    .object(JSONObject([("name", .string(c.name)), ("label", .string(c.label)), ("technology", .string(c.technology.rawValue)),
                                        ("frequency_mhz", .number(c.frequencyMHz)), ("bandwidth_mhz", .number(c.bandwidthMHz)),
                                        ("peak_downlink_mbps", .number(c.peakDownlinkMbps)), ("notes", .string(c.notes))]))
                }), pretty: true))
            case .text:
                for c in rows {
                    print("\(c.name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(c.label.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%9.2f", c.peakDownlinkMbps)) Mbit/s  \(c.notes)")
                }
                for col in TechnologyCatalogue.tableColumns {
                    print("\(col.name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(col.labelEN.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%9.3f", col.rateMbps)) Mbit/s  column of the city's download-time table")
                }
            }
            return
        }
        let bits = ["qpsk": 2, "16qam": 4, "64qam": 6, "256qam": 8][modulation.lowercased()]
        guard let bits else { throw ValidationError("--modulation must be qpsk, 16qam, 64qam or 256qam") }
        let configuration = NRPeakRate.Configuration(bandwidthMHz: bandwidthMhz, subcarrierSpacingKHz: scsKhz, layers: layers, modulationOrder: bits,
                                                     scaling: scaling, direction: direction == .downlink ? .downlink : .uplink,
                                                     frequencyRange2: fr2, tddShare: tddShare)
        let rate: Double
        let prb: Int
        do {
            rate = try NRPeakRate.rateMbps(configuration)
            prb = try NRPeakRate.resourceBlocks(bandwidthMHz: bandwidthMhz, subcarrierSpacingKHz: scsKhz)
        } catch {
            throw ValidationError("\(error)")
        }
        switch format {
        case .json:
            print(JSONWriter.serialize(.object(JSONObject([
                ("peak_rate_mbps", .number(rate)), ("n_prb", .number(Double(prb))), ("layers", .number(Double(layers))),
                ("modulation_order", .number(Double(bits))), ("scaling", .number(scaling)), ("overhead", .number(NRPeakRate.overhead(configuration))),
                ("tdd_share", .number(tddShare)), ("source", .string(NRPeakRate.source)),
            ])), pretty: true))
        case .text:
            print("N_PRB \(prb) (\(bandwidthMhz) MHz at \(scsKhz) kHz), \(layers) layers, Q_m \(bits), f \(scaling), OH \(NRPeakRate.overhead(configuration)), share \(tddShare)")
            print("peak rate: \(String(format: "%.2f", rate)) Mbit/s")
            print("source: \(NRPeakRate.source)")
        }
    }
}

enum EntryLossModel: String, ExpressibleByArgument, CaseIterable {
    case none, p2109Traditional = "p2109-traditional", p2109ThermallyEfficient = "p2109-thermally-efficient", o2iLow = "o2i-low", o2iHigh = "o2i-high"
}

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "A whole downlink budget: EIRP, antenna, path loss, entry loss, noise → RSRP, SINR, Mbit/s and download times.",
        discussion: "Powers in dBm, gains in dBi, losses in dB, angles in degrees (bearing clockwise from north)."
    )

    @Option(help: "Catalogue carrier: \(TechnologyCatalogue.carriers.map(\.name).joined(separator: ", ")).")
    var carrier: String = "lte1800"

    @Option(help: "Path-loss model.")
    var model: PathLossModel = .umaNLOS

    @OptionGroup var path: PathOptions

    @Option(parsing: .unconditional, help: "EIRP at the antenna's maximum gain, dBm.")
    var eirpDbm: Double = 63

    @Option(parsing: .unconditional, help: "Antenna maximum gain, dBi.")
    var antennaGainDbi: Double = 17

    @Option(parsing: .unconditional, help: "Sector azimuth in degrees; omit for an omnidirectional antenna.")
    var azimuthDeg: Double?

    @Option(parsing: .unconditional, help: "Bearing from the site to the receiver in degrees.")
    var bearingDeg: Double = 0

    @Option(parsing: .unconditional, help: "Electrical downtilt in degrees.")
    var tiltDeg: Double = 6

    @Option(help: "Building entry loss model: none, p2109-traditional, p2109-thermally-efficient, o2i-low, o2i-high.")
    var entryLoss: EntryLossModel = .none

    @Option(parsing: .unconditional, help: "Receiver noise figure in dB.")
    var noiseFigureDb: Double = 7

    @Option(parsing: .unconditionalSingleValue, help: "A co-channel interferer's received power in dBm (repeatable).")
    var interferenceDbm: [Double] = []

    @Option(parsing: .unconditional, help: "Load of the interfering cells, 0…1.")
    var load: Double = 1

    @Option(help: "text or json.")
    var format: PrintFormat = .text

    func validate() throws {
        try checkNumber("--eirp-dbm", eirpDbm, -100...120, unit: "dBm")
        try checkNumber("--antenna-gain-dbi", antennaGainDbi, -50...60, unit: "dBi")
        try checkNumber("--azimuth-deg", azimuthDeg, -360...360, unit: "degrees")
        try checkNumber("--bearing-deg", bearingDeg, -360...360, unit: "degrees")
        try checkNumber("--tilt-deg", tiltDeg, -90...90, unit: "degrees")
        try checkNumber("--noise-figure-db", noiseFigureDb, 0...50, unit: "dB")
        for i in interferenceDbm { try checkNumber("--interference-dbm", i, -300...100, unit: "dBm") }
        try checkNumber("--load", load, 0...1)
    }

    func run() throws {
        guard let profile = TechnologyCatalogue.carrier(named: carrier) else { throw ValidationError("unknown carrier \(carrier)") }
        let f = path.frequencyMhz ?? profile.frequencyMHz
        let pl = try evaluate(model, path.parameters(frequencyMHz: f), strict: path.strict)
        let antenna = SectorAntenna(maxGainDBi: antennaGainDbi, azimuthDeg: azimuthDeg, downtiltDeg: tiltDeg)
        let gain = antenna.gain(bearingDeg: bearingDeg, distanceM: path.distanceM, heightDifferenceM: path.bsHeightM - path.ueHeightM)
        var entry: ModelResult?
        switch entryLoss {
        case .none: entry = nil
        case .p2109Traditional: entry = try P2109.entryLoss(.traditional, frequencyMHz: f, probability: path.probability, elevationDeg: path.elevationDeg)
        case .p2109ThermallyEfficient: entry = try P2109.entryLoss(.thermallyEfficient, frequencyMHz: f, probability: path.probability, elevationDeg: path.elevationDeg)
        case .o2iLow: entry = try O2IPenetration.loss(.lowLoss, frequencyGHz: f / 1000)
        case .o2iHigh: entry = try O2IPenetration.loss(.highLoss, frequencyGHz: f / 1000)
        }
        var carrierProfile = profile
        carrierProfile.frequencyMHz = f
        let budget = LinkBudget(carrier: carrierProfile, eirpDBm: eirpDbm, antennaDiscriminationDB: antennaGainDbi - gain, pathLossDB: pl.value,
                                entryLossDB: entry?.value ?? 0, noiseFigureDB: noiseFigureDb, interferenceDBm: interferenceDbm, load: load)
        let r = budget.result
        let sizes = DownloadSize.defaults
        switch format {
        case .json:
            var o = JSONObject()
            o["carrier"] = .string(profile.name)
            o["eirp_dbm"] = .number(eirpDbm)
            o["antenna_gain_towards_receiver_dbi"] = .number(gain)
            o["path_loss"] = .object(modelJSON(pl, key: "path_loss_db"))
            o["entry_loss"] = entry.map { .object(modelJSON($0, key: "entry_loss_db")) } ?? .null
            o["received_power_dbm"] = .number(r.receivedPowerDBm)
            o["rsrp_dbm"] = r.rsrpDBm.map { .number($0) } ?? .null
            o["noise_dbm"] = .number(r.noiseDBm)
            o["sinr_db"] = .number(r.sinrDB)
            o["spectral_efficiency"] = .number(r.spectralEfficiency)
            o["downlink_mbps"] = .number(r.downlinkMbps)
            o["download_seconds"] = .array(sizes.map { s in
                .object(JSONObject([("size", .string(s.labelEN)), ("size_bytes", .number(s.bytes)),
                                    ("seconds", r.downlinkMbps > 0 ? .number(DownloadTimeTable.seconds(bytes: s.bytes, rateMbps: r.downlinkMbps)) : .null)]))
            })
            print(JSONWriter.serialize(.object(o), pretty: true))
        case .text:
            func db(_ v: Double) -> String { String(format: "%.2f", v) }
            print("carrier: \(profile.label), \(f) MHz, occupied bandwidth \(db(profile.transmissionBandwidthHz / 1e6)) MHz")
            print("EIRP (max gain):        \(db(eirpDbm)) dBm")
            print("antenna towards UE:     \(db(gain)) dBi (max \(db(antennaGainDbi)))")
            print("path loss \(pl.model):  \(db(pl.value)) dB\(pl.inValidityRange ? "" : "  [outside validity range: \(pl.violations.joined(separator: "; "))]")")
            if let entry { print("entry loss \(entry.model): \(db(entry.value)) dB") }
            print("received power:         \(db(r.receivedPowerDBm)) dBm")
            if let rsrp = r.rsrpDBm { print("RSRP:                   \(db(rsrp)) dBm") }
            print("noise (kTB + NF):       \(db(r.noiseDBm)) dBm")
            print("SINR:                   \(db(r.sinrDB)) dB")
            print("throughput:             \(db(r.downlinkMbps)) Mbit/s")
            for s in sizes {
                let t = r.downlinkMbps > 0 ? String(format: "%.1f s", DownloadTimeTable.seconds(bytes: s.bytes, rateMbps: r.downlinkMbps)) : "no service"
                print("  \(s.labelEN.padding(toLength: 16, withPad: " ", startingAt: 0)) \(t)")
            }
        }
    }
}
