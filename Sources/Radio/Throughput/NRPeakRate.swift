import Foundation

/// Approximate maximum NR data rate of 3GPP TS 38.306 V17 §4.1.2, for one carrier:
/// rate = 10⁻⁶ · v_layers · Q_m · f · R_max · (N_PRB^(BW,μ) · 12 / T_s^μ) · (1 − OH) Mbit/s,
/// R_max = 948/1024, T_s^μ = 10⁻³ / (14 · 2^μ) s, OH = 0.14 (FR1 DL), 0.18 (FR2 DL), 0.08 (FR1 UL),
/// 0.10 (FR2 UL), N_PRB from TS 38.101-1 Table 5.3.2-1. For TDD the result is multiplied by the
/// downlink (or uplink) share of the frame, which TS 38.306 leaves to the operator's pattern.
public enum NRPeakRate {
    public static let source = "3GPP TS 38.306 §4.1.2; N_PRB from TS 38.101-1 Table 5.3.2-1"
    public static let maximumCodeRate = 948.0 / 1024.0

    /// N_RB for FR1 by subcarrier spacing (kHz) and channel bandwidth (MHz), TS 38.101-1 Table 5.3.2-1.
    public static let resourceBlocksFR1: [Int: [Int: Int]] = [
        15: [5: 25, 10: 52, 15: 79, 20: 106, 25: 133, 30: 160, 35: 188, 40: 216, 45: 242, 50: 270],
        30: [
            5: 11, 10: 24, 15: 38, 20: 51, 25: 65, 30: 78, 35: 92, 40: 106, 45: 119, 50: 133, 60: 162, 70: 189, 80: 217,
            90: 245, 100: 273,
        ],
        60: [
            10: 11, 15: 18, 20: 24, 25: 31, 30: 38, 35: 44, 40: 51, 45: 58, 50: 65, 60: 79, 70: 93, 80: 107, 90: 121,
            100: 135,
        ],
    ]

    public enum Direction: String, Sendable, Codable { case downlink, uplink }

    /// Modulation order Q_m by name: qpsk 2, 16qam 4, 64qam 6, 256qam 8 (nil for another name).
    public static func modulationOrder(named name: String) -> Int? {
        ["qpsk": 2, "16qam": 4, "64qam": 6, "256qam": 8][name.lowercased()]
    }

    public struct Configuration: Sendable, Hashable {
        public var bandwidthMHz: Int
        public var subcarrierSpacingKHz: Int
        public var layers: Int
        /// Modulation order Q_m: 2 QPSK, 4 16QAM, 6 64QAM, 8 256QAM.
        public var modulationOrder: Int
        /// Scaling factor f: 1, 0.8, 0.75 or 0.4.
        public var scaling: Double
        public var direction: Direction
        public var frequencyRange2: Bool
        /// Share of the TDD frame in this direction (1 for FDD).
        public var tddShare: Double

        public init(
            bandwidthMHz: Int, subcarrierSpacingKHz: Int, layers: Int = 4, modulationOrder: Int = 8,
            scaling: Double = 1, direction: Direction = .downlink, frequencyRange2: Bool = false, tddShare: Double = 1
        ) {
            self.bandwidthMHz = bandwidthMHz
            self.subcarrierSpacingKHz = subcarrierSpacingKHz
            self.layers = layers
            self.modulationOrder = modulationOrder
            self.scaling = scaling
            self.direction = direction
            self.frequencyRange2 = frequencyRange2
            self.tddShare = tddShare
        }
    }

    public static func resourceBlocks(bandwidthMHz: Int, subcarrierSpacingKHz: Int) throws -> Int {
        guard let table = resourceBlocksFR1[subcarrierSpacingKHz] else {
            throw RateError(
                description: "subcarrier spacing \(subcarrierSpacingKHz) kHz is not an FR1 numerology (15, 30, 60)")
        }
        guard let n = table[bandwidthMHz] else {
            throw RateError(
                description:
                    "TS 38.101-1 Table 5.3.2-1 has no \(bandwidthMHz) MHz channel at \(subcarrierSpacingKHz) kHz "
                    + "(valid: \(table.keys.sorted().map(String.init).joined(separator: ", ")) MHz)")
        }
        return n
    }

    public static func overhead(_ c: Configuration) -> Double {
        switch (c.direction, c.frequencyRange2) {
        case (.downlink, false): 0.14
        case (.downlink, true): 0.18
        case (.uplink, false): 0.08
        case (.uplink, true): 0.10
        }
    }

    /// The peak rate in Mbit/s.
    public static func rateMbps(_ c: Configuration) throws -> Double {
        guard [2, 4, 6, 8].contains(c.modulationOrder) else {
            throw RateError(description: "modulation order must be 2, 4, 6 or 8")
        }
        guard [1, 0.8, 0.75, 0.4].contains(c.scaling) else {
            throw RateError(description: "scaling factor must be 1, 0.8, 0.75 or 0.4")
        }
        guard (1...8).contains(c.layers) else { throw RateError(description: "layers must be 1…8") }
        guard c.tddShare > 0 && c.tddShare <= 1 else { throw RateError(description: "TDD share must lie in (0, 1]") }
        let nPRB = try resourceBlocks(bandwidthMHz: c.bandwidthMHz, subcarrierSpacingKHz: c.subcarrierSpacingKHz)
        let mu = Double(Int(log2(Double(c.subcarrierSpacingKHz) / 15)))
        let symbolDuration = 1e-3 / (14 * pow(2, mu))
        return 1e-6 * Double(c.layers) * Double(c.modulationOrder) * c.scaling * maximumCodeRate
            * (Double(nPRB) * 12 / symbolDuration) * (1 - overhead(c)) * c.tddShare
    }
}
