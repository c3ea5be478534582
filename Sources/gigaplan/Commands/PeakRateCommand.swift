import ArgumentParser
import Foundation
import GeoCore
import Radio

struct PeakRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peak-rate",
        abstract: "NR peak rate by TS 38.306 §4.1.2 (Mbit/s), or the catalogue's carriers with --catalogue.",
        discussion:
            "N_PRB from TS 38.101-1 Table 5.3.2-1; R_max 948/1024; overhead 0.14/0.18 (FR1/FR2 DL), 0.08/0.10 (UL).")

    @Flag(help: "List the technology catalogue with peak rates.") var catalogue = false

    @Option(parsing: .unconditional, help: "Channel bandwidth in MHz.") var bandwidthMhz: Int = 100

    @Option(parsing: .unconditional, help: "Subcarrier spacing in kHz (15, 30, 60).") var scsKhz: Int = 30

    @Option(parsing: .unconditional, help: "MIMO layers.") var layers: Int = 4

    @Option(help: "qpsk, 16qam, 64qam or 256qam.") var modulation: String = "256qam"

    @Option(parsing: .unconditional, help: "Scaling factor f (1, 0.8, 0.75, 0.4).") var scaling: Double = 1

    @Option(help: "downlink or uplink.") var direction: Direction = .downlink

    @Option(parsing: .unconditional, help: "Share of the TDD frame in this direction (1 for FDD).") var tddShare:
        Double = 1

    @Flag(help: "Frequency range 2 (mmWave) overhead.") var fr2 = false

    @Option(help: "text or json.") var format: PrintFormat = .text

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
                print(
                    JSONWriter.serialize(
                        .array(
                            rows.map { c in
                                .object(
                                    JSONObject([
                                        ("name", .string(c.name)), ("label", .string(c.label)),
                                        ("technology", .string(c.technology.rawValue)),
                                        ("frequency_mhz", .number(c.frequencyMHz)),
                                        ("bandwidth_mhz", .number(c.bandwidthMHz)),
                                        ("peak_downlink_mbps", .number(c.peakDownlinkMbps)),
                                        ("notes", .string(c.notes)),
                                    ]))
                            }), pretty: true))
            case .text:
                for c in rows {
                    print(
                        "\(c.name.padding(toLength: 11, withPad: " ", startingAt: 0)) "
                            + "\(c.label.padding(toLength: 22, withPad: " ", startingAt: 0)) "
                            + "\(String(format: "%9.2f", c.peakDownlinkMbps)) Mbit/s  \(c.notes)")
                }
                for col in TechnologyCatalogue.tableColumns {
                    print(
                        "\(col.name.padding(toLength: 11, withPad: " ", startingAt: 0)) "
                            + "\(col.labelEN.padding(toLength: 22, withPad: " ", startingAt: 0)) "
                            + "\(String(format: "%9.3f", col.rateMbps)) Mbit/s  column of the city's download-time "
                            + "table")
                }
            }
            return
        }
        guard let bits = NRPeakRate.modulationOrder(named: modulation) else {
            throw ValidationError("--modulation must be qpsk, 16qam, 64qam or 256qam")
        }
        let configuration = NRPeakRate.Configuration(
            bandwidthMHz: bandwidthMhz, subcarrierSpacingKHz: scsKhz, layers: layers, modulationOrder: bits,
            scaling: scaling, direction: direction == .downlink ? .downlink : .uplink, frequencyRange2: fr2,
            tddShare: tddShare)
        let rate: Double
        let prb: Int
        do {
            rate = try NRPeakRate.rateMbps(configuration)
            prb = try NRPeakRate.resourceBlocks(bandwidthMHz: bandwidthMhz, subcarrierSpacingKHz: scsKhz)
        } catch { throw ValidationError("\(error)") }
        switch format {
        case .json:
            print(
                JSONWriter.serialize(
                    .object(
                        JSONObject([
                            ("peak_rate_mbps", .number(rate)), ("n_prb", .number(Double(prb))),
                            ("layers", .number(Double(layers))), ("modulation_order", .number(Double(bits))),
                            ("scaling", .number(scaling)), ("overhead", .number(NRPeakRate.overhead(configuration))),
                            ("tdd_share", .number(tddShare)), ("source", .string(NRPeakRate.source)),
                        ])), pretty: true))
        case .text:
            print(
                "N_PRB \(prb) (\(bandwidthMhz) MHz at \(scsKhz) kHz), \(layers) layers, Q_m \(bits), f \(scaling), OH "
                    + "\(NRPeakRate.overhead(configuration)), share \(tddShare)")
            print("peak rate: \(String(format: "%.2f", rate)) Mbit/s")
            print("source: \(NRPeakRate.source)")
        }
    }
}
