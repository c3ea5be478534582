import Foundation

/// Free-space basic transmission loss, ITU-R P.525-4 §2.1, Eq. (1): L_bf = 20 log10(4π d / λ) dB.
///
/// Computed with the exact speed of light; P.525's rounded Eq. (4) (32.4 + 20 log f_MHz + 20 log d_km)
/// differs by +0.048 dB. Valid for any frequency and for distances in the far field (here d ≥ 1 m).
public enum FreeSpace {
    public static let source = "ITU-R P.525-4 §2.1 Eq. (1)"

    /// - Parameters:
    ///   - frequencyMHz: carrier frequency in MHz.
    ///   - distanceM: path length in metres.
    public static func pathLoss(
        frequencyMHz: Double, distanceM: Double, policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck("fspl")
        check.require("frequency", frequencyMHz, 0.001...3_000_000, "MHz")
        check.require("distance", distanceM, 1...Double.greatestFiniteMagnitude, "m")
        return try check.result(
            loss(frequencyHz: frequencyMHz * 1e6, distanceM: distanceM), source: source, policy: policy)
    }

    /// 20 log10(4π d f / c) without range checks.
    public static func loss(frequencyHz: Double, distanceM: Double) -> Double {
        20 * log10(4 * Double.pi * distanceM * frequencyHz / PropagationConstants.speedOfLight)
    }
}
