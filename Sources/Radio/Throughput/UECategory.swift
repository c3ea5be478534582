/// Peak rates of LTE and HSDPA terminals by UE category.
public enum UECategory {
    /// LTE downlink: maximum DL-SCH transport block bits received within a 1 ms TTI,
    /// 3GPP TS 36.306 Table 4.1-1, categories 1–12.
    public static let lteDownlinkBitsPerTTI: [Int: Int] = [
        1: 10_296, 2: 51_024, 3: 102_048, 4: 150_752, 5: 299_552, 6: 301_504, 7: 301_504, 8: 2_998_560, 9: 452_256,
        10: 452_256, 11: 603_008, 12: 603_008,
    ]

    /// HSDPA: maximum HS-DSCH transport block bits per 2 ms TTI summed over MIMO streams and carriers,
    /// 3GPP TS 25.306 Table 5.1a (category 6: 3.6, 8: 7.2, 10: 14.0, 14: 21.1, 20 and 24: 42.2,
    /// 28: 84.4 Mbit/s).
    public static let hsdpaBitsPerTTI: [Int: Int] = [
        6: 7_298, 8: 14_411, 10: 27_952, 14: 42_192, 20: 84_384, 24: 84_384, 28: 168_768,
    ]

    /// UMTS Release 99 dedicated-channel bearer, kbit/s (TS 34.108 §6.10, the 384 kbit/s RAB).
    public static let umtsR99Kbps = 384.0

    public static func lteDownlinkMbps(category: Int) -> Double? {
        lteDownlinkBitsPerTTI[category].map { Double($0) / 1e-3 / 1e6 }
    }

    public static func hsdpaMbps(category: Int) -> Double? { hsdpaBitsPerTTI[category].map { Double($0) / 2e-3 / 1e6 } }
}
