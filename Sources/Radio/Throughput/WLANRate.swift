import Foundation

/// IEEE 802.11 PHY data rates and the MCS a link supports.
///
/// rate = N_SS · N_SD · N_BPSCS · R / (T_DFT + T_GI), with
/// - 802.11n (HT, IEEE 802.11-2020 §19.5) and 802.11ac (VHT, §21.5): T_DFT = 3.2 µs, GI 0.8 or 0.4 µs,
///   N_SD = 52/108/234/468 data subcarriers for 20/40/80/160 MHz (n: 20/40 MHz only, MCS 0–7 per stream;
///   ac: MCS 0–9);
/// - 802.11ax (HE, IEEE 802.11ax-2021 §27.5): T_DFT = 12.8 µs, GI 0.8/1.6/3.2 µs,
///   N_SD = 234/468/980/1960, MCS 0–11.
/// MCS from SNR: the highest MCS whose minimum input sensitivity (IEEE 802.11-2020 Table 21-25,
/// 802.11ax-2021 Table 27-51; 20 MHz: −82, −79, −77, −74, −70, −66, −65, −64, −59, −57, −54, −52 dBm,
/// +3 dB per doubling of bandwidth) is met, expressed as SNR over kTB with the 10 dB noise figure those
/// tables assume.
public enum WLANRate {
    public enum Standard: String, Sendable, CaseIterable, Codable { case n, ac, ax }

    public static let source = "IEEE 802.11-2020 §19.5, §21.5; IEEE 802.11ax-2021 §27.5"

    /// (bits per subcarrier per stream, coding rate) per MCS index.
    static let mcs: [(bits: Double, rate: Double)] = [
        (1, 1.0 / 2), (2, 1.0 / 2), (2, 3.0 / 4), (4, 1.0 / 2), (4, 3.0 / 4), (6, 2.0 / 3), (6, 3.0 / 4), (6, 5.0 / 6),
        (8, 3.0 / 4), (8, 5.0 / 6), (10, 3.0 / 4), (10, 5.0 / 6),
    ]

    static let sensitivity20MHz: [Double] = [-82, -79, -77, -74, -70, -66, -65, -64, -59, -57, -54, -52]

    public static func maximumMCS(_ standard: Standard) -> Int {
        switch standard {
        case .n: 7
        case .ac: 9
        case .ax: 11
        }
    }

    static func dataSubcarriers(_ standard: Standard, bandwidthMHz: Int) throws -> Double {
        let table: [Int: Double] =
            standard == .ax ? [20: 234, 40: 468, 80: 980, 160: 1960] : [20: 52, 40: 108, 80: 234, 160: 468]
        guard let n = table[bandwidthMHz], standard != .n || bandwidthMHz <= 40 else {
            throw RateError(description: "802.11\(standard.rawValue) has no \(bandwidthMHz) MHz channel")
        }
        return n
    }

    /// PHY rate in Mbit/s.
    /// - Parameter guardIntervalUs: 0.8 or 0.4 (n/ac), 0.8, 1.6 or 3.2 (ax).
    public static func phyRateMbps(
        _ standard: Standard, mcs index: Int, bandwidthMHz: Int, spatialStreams: Int, guardIntervalUs: Double = 0.8
    ) throws -> Double {
        guard (0...maximumMCS(standard)).contains(index) else {
            throw RateError(description: "802.11\(standard.rawValue) has MCS 0–\(maximumMCS(standard)), not \(index)")
        }
        guard (1...8).contains(spatialStreams), standard != .n || spatialStreams <= 4 else {
            throw RateError(
                description: "\(spatialStreams) spatial streams not supported by 802.11\(standard.rawValue)")
        }
        let validGI: [Double] = standard == .ax ? [0.8, 1.6, 3.2] : [0.8, 0.4]
        guard validGI.contains(guardIntervalUs) else {
            throw RateError(
                description: "guard interval \(guardIntervalUs) µs not defined for 802.11\(standard.rawValue)")
        }
        let nsd = try dataSubcarriers(standard, bandwidthMHz: bandwidthMHz)
        let tdft = standard == .ax ? 12.8 : 3.2
        let m = mcs[index]
        return Double(spatialStreams) * nsd * m.bits * m.rate / (tdft + guardIntervalUs)
    }

    /// The SNR (dB) an MCS needs at a bandwidth.
    public static func requiredSNR(mcs index: Int, bandwidthMHz: Int) -> Double {
        let bandwidthHz = Double(bandwidthMHz) * 1e6
        let sensitivity = sensitivity20MHz[index] + 10 * log10(Double(bandwidthMHz) / 20)
        return sensitivity - Noise.powerDBm(bandwidthHz: bandwidthHz, noiseFigureDB: 10)
    }

    /// The highest MCS the SNR supports, or nil when not even MCS 0.
    public static func mcs(forSNR snr: Double, standard: Standard, bandwidthMHz: Int) -> Int? {
        (0...maximumMCS(standard)).last { requiredSNR(mcs: $0, bandwidthMHz: bandwidthMHz) <= snr }
    }

    /// Legal maximum EIRP in Germany (BNetzA Vfg. 10/2013 and 2021/…, EN 300 328 / EN 301 893 / EN 303 687), dBm:
    /// 2.4 GHz 20 dBm; 5 GHz 23 dBm (5150–5350 MHz, indoor) or 30 dBm (5470–5725 MHz, with TPC/DFS, outdoor allowed);
    /// 6 GHz 23 dBm (low-power indoor).
    public static func legalEIRP(bandMHz: Double, indoor: Bool) -> Double {
        switch bandMHz {
        case ..<3000: 20
        case ..<5900: indoor ? 23 : 30
        default: 23
        }
    }
}
