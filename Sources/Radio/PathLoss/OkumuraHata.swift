import Foundation

/// Okumura-Hata median path loss (Hata 1980; ITU-R P.529-3 Annex 1), for macro cells.
///
/// L_urban = 69.55 + 26.16 log f − 13.82 log h_b − a(h_m) + (44.9 − 6.55 log h_b) log d, with
/// f in MHz, heights in m, d in km, and the mobile-height correction
/// - small/medium city: a(h_m) = (1.1 log f − 0.7) h_m − (1.56 log f − 0.8);
/// - large city: a(h_m) = 8.29 (log 1.54 h_m)² − 1.1 for f ≤ 200 MHz, 3.2 (log 11.75 h_m)² − 4.97 for f ≥ 400 MHz.
/// Suburban: L_urban − 2 (log(f/28))² − 5.4. Open: L_urban − 4.78 (log f)² + 18.33 log f − 40.94.
///
/// Validity: f 150–1500 MHz, h_b 30–200 m, h_m 1–10 m, d 1–20 km. For the large city between 200 and
/// 400 MHz, where Hata gives no correction, the f ≥ 400 MHz form is used and the result flagged.
public enum OkumuraHata {
    public enum Environment: String, Sendable, CaseIterable {
        case urbanSmallMediumCity = "hata-urban"
        case urbanLargeCity = "hata-urban-large"
        case suburban = "hata-suburban"
        case open = "hata-open"
    }

    public static let source = "Hata (1980), ITU-R P.529-3 Annex 1"

    /// Mobile antenna height correction a(h_m) for a small/medium city.
    public static func mobileCorrectionMediumCity(frequencyMHz f: Double, mobileHeightM hm: Double) -> Double {
        (1.1 * log10(f) - 0.7) * hm - (1.56 * log10(f) - 0.8)
    }

    /// Mobile antenna height correction a(h_m) for a large city.
    public static func mobileCorrectionLargeCity(frequencyMHz f: Double, mobileHeightM hm: Double) -> Double {
        f <= 200 ? 8.29 * pow(log10(1.54 * hm), 2) - 1.1 : 3.2 * pow(log10(11.75 * hm), 2) - 4.97
    }

    public static func pathLoss(
        _ environment: Environment, frequencyMHz f: Double, distanceM: Double, baseHeightM hb: Double,
        mobileHeightM hm: Double, policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck(environment.rawValue)
        check.require("frequency", f, 150...1500, "MHz")
        check.require("base station height", hb, 30...200, "m")
        check.require("mobile height", hm, 1...10, "m")
        check.require("distance", distanceM, 1000...20000, "m")
        let d = distanceM / 1000
        let a =
            environment == .urbanLargeCity
            ? mobileCorrectionLargeCity(frequencyMHz: f, mobileHeightM: hm)
            : mobileCorrectionMediumCity(frequencyMHz: f, mobileHeightM: hm)
        if environment == .urbanLargeCity && f > 200 && f < 400 {
            check.fail("large-city correction undefined for 200 < f < 400 MHz (f ≥ 400 MHz form used)")
        }
        let urban = 69.55 + 26.16 * log10(f) - 13.82 * log10(hb) - a + (44.9 - 6.55 * log10(hb)) * log10(d)
        let loss: Double
        switch environment {
        case .urbanSmallMediumCity, .urbanLargeCity: loss = urban
        case .suburban: loss = urban - 2 * pow(log10(f / 28), 2) - 5.4
        case .open: loss = urban - 4.78 * pow(log10(f), 2) + 18.33 * log10(f) - 40.94
        }
        return try check.result(loss, source: source, policy: policy)
    }
}
