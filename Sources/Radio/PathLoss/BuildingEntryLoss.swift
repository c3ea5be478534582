import Foundation

/// Building entry loss of ITU-R P.2109-1 (08/2019) §3:
/// L_BEL(P) = 10 log10(10^(0.1 A(P)) + 10^(0.1 B(P)) + 10^(0.1 C)) dB, with
/// A(P) = F⁻¹(P) σ1 + μ1, B(P) = F⁻¹(P) σ2 + μ2, C = −3.0,
/// μ1 = L_h + L_e, L_h = r + s log10 f + t (log10 f)², L_e = 0.212 |θ|, μ2 = w + x log10 f,
/// σ1 = u + v log10 f, σ2 = y + z log10 f, f in GHz, θ the elevation of the path at the façade in degrees,
/// F⁻¹ the inverse standard normal distribution, P the probability that the loss is not exceeded.
/// Table 1 coefficients for traditional and thermally-efficient buildings.
/// Validity: 80 MHz–100 GHz, 0 < P < 1, −90° ≤ θ ≤ 90°.
public enum P2109 {
    public enum BuildingClass: String, Sendable, CaseIterable {
        case traditional = "p2109-traditional"
        case thermallyEfficient = "p2109-thermally-efficient"

        var coefficients:
            (r: Double, s: Double, t: Double, u: Double, v: Double, w: Double, x: Double, y: Double, z: Double)
        {
            switch self {
            case .traditional: (12.64, 3.72, 0.96, 9.6, 2.0, 9.1, -3.0, 4.5, -2.0)
            case .thermallyEfficient: (28.19, -3.00, 8.48, 13.5, 3.8, 27.8, -2.9, 9.4, -2.1)
            }
        }
    }

    public static let source = "ITU-R P.2109-1 §3, Eqs. (1)–(9), Table 1"

    public static func entryLoss(
        _ building: BuildingClass, frequencyMHz: Double, probability p: Double = 0.5, elevationDeg: Double = 0,
        policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck(building.rawValue)
        check.require("frequency", frequencyMHz, 80...100_000, "MHz")
        check.require("elevation", elevationDeg, -90...90, "°")
        guard p > 0 && p < 1 else {
            throw OutsideValidityRange(model: check.model, violations: ["probability \(p) outside 0 < P < 1"])
        }
        let k = building.coefficients
        let lf = log10(frequencyMHz / 1000)
        let lh = k.r + k.s * lf + k.t * lf * lf
        let le = 0.212 * abs(elevationDeg)
        let mu1 = lh + le
        let mu2 = k.w + k.x * lf
        let sigma1 = k.u + k.v * lf
        let sigma2 = k.y + k.z * lf
        let q = NormalDistribution.inverseCDF(p)
        let a = q * sigma1 + mu1
        let b = q * sigma2 + mu2
        let c = -3.0
        let loss = 10 * log10(pow(10, 0.1 * a) + pow(10, 0.1 * b) + pow(10, 0.1 * c))
        return try check.result(
            loss, source: source, assumptions: ["P = \(p), elevation \(elevationDeg)°"], policy: policy)
    }
}

/// Outdoor-to-indoor penetration loss of 3GPP TR 38.901 V17.0.0 §7.4.3.1, Tables 7.4.3-1 and 7.4.3-2:
/// PL_O2I = PL_tw + PL_in (the median; the normal term N(0, σP²) is not added).
/// - Low-loss: PL_tw = 5 − 10 log10(0.3 · 10^(−L_glass/10) + 0.7 · 10^(−L_concrete/10))
/// - High-loss: PL_tw = 5 − 10 log10(0.7 · 10^(−L_IIRglass/10) + 0.3 · 10^(−L_concrete/10))
/// - L_glass = 2 + 0.2 fc, L_IIRglass = 23 + 0.3 fc, L_concrete = 5 + 4 fc (fc in GHz)
/// - PL_in = 0.5 d2D-in
/// The TR draws d2D-in as the minimum of two uniform values on 0–25 m (UMa, UMi) or 0–10 m (RMa);
/// the default here is its mean, 25/3 m. Validity: 0.5–100 GHz.
public enum O2IPenetration {
    public enum Model: String, Sendable, CaseIterable {
        case lowLoss = "o2i-low"
        case highLoss = "o2i-high"
    }

    public static let source = "3GPP TR 38.901 V17.0.0 §7.4.3.1, Tables 7.4.3-1/-2"
    /// Mean of min(U(0,25), U(0,25)), m.
    public static let meanIndoorDistanceM = 25.0 / 3.0

    public static func loss(
        _ model: Model, frequencyMHz: Double, indoorDistanceM: Double = meanIndoorDistanceM,
        policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck(model.rawValue)
        let fc = frequencyMHz / 1000
        check.require("frequency", fc, 0.5...100, "GHz")
        check.require("indoor distance", indoorDistanceM, 0...25, "m")
        let glass = 2 + 0.2 * fc
        let irr = 23 + 0.3 * fc
        let concrete = 5 + 4 * fc
        let tw: Double
        switch model {
        case .lowLoss: tw = 5 - 10 * log10(0.3 * pow(10, -glass / 10) + 0.7 * pow(10, -concrete / 10))
        case .highLoss: tw = 5 - 10 * log10(0.7 * pow(10, -irr / 10) + 0.3 * pow(10, -concrete / 10))
        }
        return try check.result(
            tw + 0.5 * indoorDistanceM, source: source,
            assumptions: ["d2D-in = \(RangeCheck.format(indoorDistanceM)) m"], policy: policy)
    }
}
