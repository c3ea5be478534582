import ArgumentParser
import Foundation
import GeoCore
import Radio

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract:
            "A whole downlink budget: EIRP, antenna, path loss, entry loss, noise → RSRP, SINR, Mbit/s and download "
            + "times.",
        discussion: "Powers in dBm, gains in dBi, losses in dB, angles in degrees (bearing clockwise from north).")

    @Option(help: "Catalogue carrier: \(TechnologyCatalogue.carriers.map(\.name).joined(separator: ", ")).")
    var carrier: String = "lte1800"

    @Option(help: "Path-loss model.") var model: PathLossModel = .umaNLOS

    @OptionGroup var path: PathOptions

    @Option(parsing: .unconditional, help: "EIRP at the antenna's maximum gain, dBm.") var eirpDbm: Double = 63

    @Option(parsing: .unconditional, help: "Antenna maximum gain, dBi.") var antennaGainDbi: Double = 17

    @Option(parsing: .unconditional, help: "Sector azimuth in degrees; omit for an omnidirectional antenna.")
    var azimuthDeg: Double?

    @Option(parsing: .unconditional, help: "Bearing from the site to the receiver in degrees.") var bearingDeg: Double =
        0

    @Option(parsing: .unconditional, help: "Electrical downtilt in degrees.") var tiltDeg: Double = 6

    @Option(help: "Building entry loss model: none, p2109-traditional, p2109-thermally-efficient, o2i-low, o2i-high.")
    var entryLoss: EntryLossModel = .none

    @Option(parsing: .unconditional, help: "Receiver noise figure in dB.") var noiseFigureDb: Double = 7

    @Option(parsing: .unconditionalSingleValue, help: "A co-channel interferer's received power in dBm (repeatable).")
    var interferenceDbm: [Double] = []

    @Option(parsing: .unconditional, help: "Load of the interfering cells, 0…1.") var load: Double = 1

    @Option(help: "text or json.") var format: PrintFormat = .text

    func validate() throws {
        guard path.distanceM != nil else { throw ValidationError("--distance-m is required") }
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
        guard let profile = TechnologyCatalogue.carrier(named: carrier) else {
            throw ValidationError("unknown carrier \(carrier)")
        }
        let f = path.frequencyMhz ?? profile.frequencyMHz
        let pl = try evaluate(model, path.parameters(frequencyMHz: f), strict: path.strict)
        let antenna = SectorAntenna(maxGainDBi: antennaGainDbi, azimuthDeg: azimuthDeg, downtiltDeg: tiltDeg)
        let gain = antenna.gain(
            bearingDeg: bearingDeg, distanceM: path.distance, heightDifferenceM: path.bsHeightM - path.ueHeightM)
        let entry = try entryLoss.loss(frequencyMHz: f, probability: path.probability, elevationDeg: path.elevationDeg)
        var carrierProfile = profile
        carrierProfile.frequencyMHz = f
        let budget = LinkBudget(
            carrier: carrierProfile, eirpDBm: eirpDbm, antennaDiscriminationDB: antennaGainDbi - gain,
            pathLossDB: pl.value, entryLossDB: entry?.value ?? 0, noiseFigureDB: noiseFigureDb,
            interferenceDBm: interferenceDbm, load: load)
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
            o["download_seconds"] = .array(
                sizes.map { s in
                    .object(
                        JSONObject([
                            ("size", .string(s.labelEN)), ("size_bytes", .number(s.bytes)),
                            (
                                "seconds",
                                r.downlinkMbps > 0
                                    ? .number(DownloadTimeTable.seconds(bytes: s.bytes, rateMbps: r.downlinkMbps))
                                    : .null
                            ),
                        ]))
                })
            print(JSONWriter.serialize(.object(o), pretty: true))
        case .text:
            func db(_ v: Double) -> String { String(format: "%.2f", v) }
            print(
                "carrier: \(profile.label), \(f) MHz, occupied bandwidth \(db(profile.transmissionBandwidthHz / 1e6)) "
                    + "MHz")
            print("EIRP (max gain):        \(db(eirpDbm)) dBm")
            print("antenna towards UE:     \(db(gain)) dBi (max \(db(antennaGainDbi)))")
            let range = pl.inValidityRange ? "" : "  [outside validity range: \(pl.violations.joined(separator: "; "))]"
            print("path loss \(pl.model):  \(db(pl.value)) dB\(range)")
            if let entry { print("entry loss \(entry.model): \(db(entry.value)) dB") }
            print("received power:         \(db(r.receivedPowerDBm)) dBm")
            if let rsrp = r.rsrpDBm { print("RSRP:                   \(db(rsrp)) dBm") }
            print("noise (kTB + NF):       \(db(r.noiseDBm)) dBm")
            print("SINR:                   \(db(r.sinrDB)) dB")
            print("throughput:             \(db(r.downlinkMbps)) Mbit/s")
            for s in sizes {
                let t =
                    r.downlinkMbps > 0
                    ? String(format: "%.1f s", DownloadTimeTable.seconds(bytes: s.bytes, rateMbps: r.downlinkMbps))
                    : "no service"
                print("  \(s.labelEN.padding(toLength: 16, withPad: " ", startingAt: 0)) \(t)")
            }
        }
    }
}
