import Foundation

/// The truncated Shannon bound of 3GPP TR 36.942 V17.0.0 Annex A.2:
/// Thr(SINR) = 0 for SINR < SINR_min; α · log2(1 + 10^(SINR/10)) for SINR_min ≤ SINR < SINR_max;
/// Thr_max for SINR ≥ SINR_max, in bit/s/Hz, where SINR_max is where α · log2(1 + SINR) reaches Thr_max.
public struct TruncatedShannon: Sendable, Hashable, Codable {
    /// Attenuation factor for implementation losses.
    public var alpha: Double
    public var minimumSINRDB: Double
    /// Maximum spectral efficiency, bit/s/Hz.
    public var maximumEfficiency: Double
    public var source: String

    public init(alpha: Double, minimumSINRDB: Double, maximumEfficiency: Double, source: String) {
        self.alpha = alpha
        self.minimumSINRDB = minimumSINRDB
        self.maximumEfficiency = maximumEfficiency
        self.source = source
    }

    /// LTE downlink, TR 36.942 Table A.2-1: α = 0.6, SINR_min = −10 dB, Thr_max = 4.4 bit/s/Hz.
    public static let lteDownlink = TruncatedShannon(
        alpha: 0.6, minimumSINRDB: -10, maximumEfficiency: 4.4, source: "3GPP TR 36.942 Table A.2-1 (DL)")
    /// LTE uplink, TR 36.942 Table A.2-1: α = 0.4, SINR_min = −10 dB, Thr_max = 2.0 bit/s/Hz.
    public static let lteUplink = TruncatedShannon(
        alpha: 0.4, minimumSINRDB: -10, maximumEfficiency: 2.0, source: "3GPP TR 36.942 Table A.2-1 (UL)")
    /// NR downlink: the LTE α and SINR_min with Thr_max = 7.4063 bit/s/Hz, the highest efficiency of the
    /// 256QAM CQI table (TS 38.214 Table 5.2.2.1-3, CQI 15).
    public static let nrDownlink = TruncatedShannon(
        alpha: 0.6, minimumSINRDB: -10, maximumEfficiency: 7.4063,
        source: "3GPP TR 36.942 Annex A.2 form; Thr_max from TS 38.214 Table 5.2.2.1-3")
    /// NR uplink: the LTE α and SINR_min with Thr_max = 5.5547 bit/s/Hz (64QAM, TS 38.214 Table 5.2.2.1-2, CQI 15).
    public static let nrUplink = TruncatedShannon(
        alpha: 0.4, minimumSINRDB: -10, maximumEfficiency: 5.5547,
        source: "3GPP TR 36.942 Annex A.2 form; Thr_max from TS 38.214 Table 5.2.2.1-2")

    /// The SINR in dB above which the efficiency is capped.
    public var maximumSINRDB: Double { 10 * log10(pow(2, maximumEfficiency / alpha) - 1) }

    /// Spectral efficiency in bit/s/Hz for a SINR in dB.
    public func efficiency(sinrDB: Double) -> Double {
        Self.efficiency(
            sinrDB: sinrDB, alpha: alpha, minimumSINRDB: minimumSINRDB, maximumEfficiency: maximumEfficiency)
    }

    /// `efficiency(sinrDB:)` of a curve given by its three figures.
    @inlinable public static func efficiency(
        sinrDB: Double, alpha: Double, minimumSINRDB: Double, maximumEfficiency: Double
    ) -> Double {
        guard sinrDB >= minimumSINRDB else { return 0 }
        return min(alpha * log2(1 + pow(10, sinrDB / 10)), maximumEfficiency)
    }
}
