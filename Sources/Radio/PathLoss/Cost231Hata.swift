import Foundation

/// COST-231 Hata model (COST Action 231 final report, 1999, §4.4.3), the extension of Hata to 1500–2000 MHz.
///
/// L = 46.3 + 33.9 log f − 13.82 log h_b − a(h_m) + (44.9 − 6.55 log h_b) log d + C_m,
/// f in MHz, d in km, a(h_m) the small/medium-city correction of Hata, C_m = 0 dB for medium-sized
/// cities and suburban centres, 3 dB for metropolitan centres.
///
/// Validity: f 1500–2000 MHz, h_b 30–200 m, h_m 1–10 m, d 1–20 km.
public enum Cost231Hata {
    public enum Environment: String, Sendable, CaseIterable {
        case mediumCity = "cost231"
        case metropolitan = "cost231-metropolitan"

        var cm: Double { self == .metropolitan ? 3 : 0 }
    }

    public static let source = "COST 231 final report (1999) §4.4.3"

    public static func pathLoss(
        _ environment: Environment, frequencyMHz f: Double, distanceM: Double, baseHeightM hb: Double,
        mobileHeightM hm: Double, policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck(environment.rawValue)
        check.require("frequency", f, 1500...2000, "MHz")
        check.require("base station height", hb, 30...200, "m")
        check.require("mobile height", hm, 1...10, "m")
        check.require("distance", distanceM, 1000...20000, "m")
        let a = OkumuraHata.mobileCorrectionMediumCity(frequencyMHz: f, mobileHeightM: hm)
        let loss =
            46.3 + 33.9 * log10(f) - 13.82 * log10(hb) - a + (44.9 - 6.55 * log10(hb)) * log10(distanceM / 1000)
            + environment.cm
        return try check.result(loss, source: source, policy: policy)
    }
}
