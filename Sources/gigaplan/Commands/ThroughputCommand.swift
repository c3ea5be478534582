import ArgumentParser
import Foundation
import GeoCore
import Radio

/// The link direction of `throughput` and `peak-rate`.
enum Direction: String, ExpressibleByArgument { case downlink, uplink }

struct ThroughputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "throughput",
        abstract: "SINR → spectral efficiency (TR 36.942 truncated Shannon) and Mbit/s for a technology and bandwidth.",
        discussion:
            "Mbit/s = layers × efficiency × occupied bandwidth (N_RB · 12 · SCS) × TDD downlink share, capped at the "
            + "carrier's peak rate.")

    @Option(parsing: .unconditional, help: "SINR in dB.") var sinrDb: Double

    @Option(
        help: "Catalogue carrier (lte800, lte1800, lte2600, nr-n78, nr-n28, umts2100, hsdpa2100); or give --technology."
    ) var carrier: String?

    @Option(help: "umts, hsdpa, lte or nr (with --frequency-mhz, default 1800).") var technology: Technology?

    @Option(parsing: .unconditional, help: "Carrier frequency in MHz.") var frequencyMhz: Double = 1800

    @Option(parsing: .unconditional, help: "Channel bandwidth in MHz.") var bandwidthMhz: Double?

    @Option(parsing: .unconditional, help: "MIMO layers.") var layers: Int?

    @Option(help: "downlink or uplink.") var direction: Direction = .downlink

    @Option(help: "text or json.") var format: PrintFormat = .text

    func validate() throws {
        try checkNumber("--sinr-db", sinrDb, -200...200, unit: "dB")
        try checkNumber("--frequency-mhz", frequencyMhz, 0...1_000_000, aboveLower: true, unit: "MHz")
        try checkNumber("--bandwidth-mhz", bandwidthMhz, 0...1000, aboveLower: true, unit: "MHz")
        try checkNumber("--layers", layers, 1...16)
    }

    func run() throws {
        var profile: CarrierProfile
        do {
            profile = try TechnologyCatalogue.choose(
                name: carrier, technology: technology ?? .lte, frequencyMHz: frequencyMhz, bandwidthMHz: bandwidthMhz)
        } catch let e as CarrierChoiceError { throw ValidationError(e.description) }
        if let layers { profile.layers = layers }
        if direction == .uplink { profile = profile.uplink(layers: layers) }
        let efficiency = profile.shannon.efficiency(sinrDB: sinrDb)
        let mbps = profile.downlinkMbps(sinrDB: sinrDb)
        switch format {
        case .json:
            print(
                JSONWriter.serialize(
                    .object(
                        JSONObject([
                            ("carrier", .string(profile.name)), ("technology", .string(profile.technology.rawValue)),
                            ("direction", .string(direction.rawValue)), ("sinr_db", .number(sinrDb)),
                            ("spectral_efficiency", .number(efficiency)),
                            ("bandwidth_hz", .number(profile.transmissionBandwidthHz)),
                            ("layers", .number(Double(profile.layers))), ("mbps", .number(mbps)),
                            ("alpha", .number(profile.shannon.alpha)),
                            ("sinr_min_db", .number(profile.shannon.minimumSINRDB)),
                            ("thr_max", .number(profile.shannon.maximumEfficiency)),
                            ("source", .string(profile.shannon.source)),
                        ])), pretty: true))
        case .text:
            print("carrier: \(profile.label) (\(profile.name)), \(direction.rawValue)")
            print(
                "SINR \(sinrDb) dB → \(String(format: "%.4f", efficiency)) bit/s/Hz (α \(profile.shannon.alpha), "
                    + "SINRmin \(profile.shannon.minimumSINRDB) dB, Thrmax \(profile.shannon.maximumEfficiency))")
            print(
                "occupied bandwidth: \(String(format: "%.3f", profile.transmissionBandwidthHz / 1e6)) MHz, layers: "
                    + "\(profile.layers)")
            print("throughput: \(String(format: "%.2f", mbps)) Mbit/s")
            print("source: \(profile.shannon.source)")
        }
    }
}
