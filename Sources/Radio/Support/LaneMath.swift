/// `exp`, `log` and `atan2` on four lanes at once, for the link engine's inner loops: plain
/// arithmetic on `SIMD4<Double>` (two SSE2 registers on the generic x86-64 target), no call and no
/// table. Each function documents its reduction, its polynomial and a proven error bound; the tests
/// compare them with the C library over their whole working range.
///
/// Inputs are finite; results are exact to within the bounds below, which are far below anything
/// the planner writes (an RSRP to 0.01 dB needs a relative power error below 2·10⁻³).
public enum LaneMath {
    /// 1.5 · 2⁵²: adding it to |v| < 2⁵¹ rounds v to the nearest integer (ties to even), and the
    /// integer then sits in the low bits of the sum's bit pattern.
    @usableFromInline static let roundingShift = 6_755_399_441_055_744.0
    /// ln 2 split so that k · ln2High is exact for |k| < 2¹¹ (Cody and Waite's reduction).
    @usableFromInline static let ln2High = 6.931_471_803_691_238_164_90e-01
    @usableFromInline static let ln2Low = 1.908_214_929_270_587_700_02e-10

    /// eˣ, relative error < 1·10⁻¹⁵ for −708 ≤ x ≤ 709; 0 below −708 (where eˣ < 3.3·10⁻³⁰⁸), +∞ above 709.
    ///
    /// x = k ln 2 + r with k = round(x / ln 2), |r| ≤ ln 2 / 2 (r exact to 2⁻⁶⁰ by the two-part ln 2);
    /// e^r by its Taylor polynomial of degree 12, whose remainder is below
    /// 0.3466¹³ / 13! · e^0.3466 < 2.5·10⁻¹⁶, evaluated by Estrin's scheme (r², r⁴, r⁸; every
    /// partial sum is dominated by its leading 1, so rounding adds under 3 ulp);
    /// 2ᵏ is built in the exponent bits (k from −1021 to 1023: always a normal number).
    @inlinable @inline(__always) public static func exp(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let clamped = x.replacing(with: -708, where: x .< -708).replacing(with: 709, where: x .> 709)
        let shifted = clamped * 1.442_695_040_888_963_407_36 + roundingShift
        let k = shifted - roundingShift
        let r = (clamped - k * ln2High) - k * ln2Low
        // Estrin's scheme: the same polynomial in four levels instead of a chain of twelve.
        let r2 = r * r
        let r4 = r2 * r2
        let r8 = r4 * r4
        let q0 = linear(1, 1, r)
        let q1 = linear(0.5, 1.0 / 6, r)
        let q2 = linear(1.0 / 24, 1.0 / 120, r)
        let q3 = linear(1.0 / 720, 1.0 / 5_040, r)
        let q4 = linear(1.0 / 40_320, 1.0 / 362_880, r)
        let q5 = linear(1.0 / 3_628_800, 1.0 / 39_916_800, r)
        let w0 = q0 + r2 * q1
        let w1 = q2 + r2 * q3
        let w2 = q4 + r2 * q5 + r4 * (1.0 / 479_001_600)
        let p = w0 + r4 * w1 + r8 * w2
        let kBits = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- Int64(bitPattern: roundingShift.bitPattern)
        let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: SIMD4<Double>.self)
        return (p * scale).replacing(with: 0, where: x .< -708).replacing(with: .infinity, where: x .> 709)
    }

    /// ln x for positive normal x, with |error| < 2⁻⁵² · |ln x| + 5·10⁻¹⁶.
    ///
    /// x = 2ᵉ · m with m in [√½, √2) read from the bits; ln m = 2 atanh s with s = (m − 1)/(m + 1),
    /// |s| ≤ 0.1716, by the series 2(s + s³/3 + … + s¹⁹/19), whose remainder is below
    /// 2 · 0.1716²¹ / 21 / (1 − 0.1716²) < 10⁻¹⁷; s carries at most 2 ulp from its division, so
    /// ln m is within 2.5 ulp of |ln m| ≤ 0.35; e · ln2High is exact.
    @inlinable @inline(__always) public static func log(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let bits = unsafeBitCast(x, to: SIMD4<Int64>.self)
        var exponent = (bits &>> 52) &- 1023
        var m = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD4<Double>.self)
        let above = m .> 1.414_213_562_373_095_048_80
        m = m.replacing(with: m * 0.5, where: above)
        exponent = exponent.replacing(with: exponent &+ 1, where: above)
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        let s4 = s2 * s2
        let s8 = s4 * s4
        // Estrin's scheme for 1/3 + s²/5 + … + s¹⁶/19.
        let low = linear(1.0 / 3, 1.0 / 5, s2) + s4 * linear(1.0 / 7, 1.0 / 9, s2)
        let high = linear(1.0 / 11, 1.0 / 13, s2) + s4 * linear(1.0 / 15, 1.0 / 17, s2) + s8 * (1.0 / 19)
        let p = low + s8 * high
        let lnM = 2 * s + 2 * s * s2 * p
        // The exponent (|e| ≤ 1024) as a double through the same shifted bit pattern as in `exp`.
        let e =
            unsafeBitCast(exponent &+ Int64(bitPattern: roundingShift.bitPattern), to: SIMD4<Double>.self)
            - roundingShift
        return e * ln2High + (lnM + e * ln2Low)
    }

    /// atan2(y, x) in radians, in [−π, π], with |error| < 2·10⁻¹⁵; atan2(0, 0) = 0.
    ///
    /// t = min(|x|, |y|) / max(|x|, |y|) in [0, 1]; above 2 − √3, atan t = π/6 + atan t′ with
    /// t′ = (√3 t − 1)/(t + √3), so |t′| ≤ 2 − √3 = 0.2679; atan t′ by its series to t′²⁵/25, whose
    /// remainder is below 0.2679²⁷ / 27 < 1.4·10⁻¹⁷. The reduction's divisions and the octant and
    /// quadrant steps (π/2 − a, π − a, −a) each add at most half an ulp of π.
    @inlinable @inline(__always) public static func atan2(_ y: SIMD4<Double>, _ x: SIMD4<Double>) -> SIMD4<Double> {
        let ax = magnitude(x)
        let ay = magnitude(y)
        let swapped = ay .> ax
        let larger = ax.replacing(with: ay, where: swapped)
        var t = (ay.replacing(with: ax, where: swapped) / larger).replacing(with: 0, where: larger .== 0)
        let reduced = t .> 0.267_949_192_431_122_705_83
        let root3 = 1.732_050_807_568_877_293_53
        t = t.replacing(with: (t * root3 - 1) / (t + root3), where: reduced)
        let t2 = t * t
        let t4 = t2 * t2
        let t8 = t4 * t4
        // Estrin's scheme for −1/3 + t²/5 − … + t²²/25.
        let low = linear(-1.0 / 3, 1.0 / 5, t2) + t4 * linear(-1.0 / 7, 1.0 / 9, t2)
        let middle = linear(-1.0 / 11, 1.0 / 13, t2) + t4 * linear(-1.0 / 15, 1.0 / 17, t2)
        let high = linear(-1.0 / 19, 1.0 / 21, t2) + t4 * linear(-1.0 / 23, 1.0 / 25, t2)
        let p = low + t8 * (middle + t8 * high)
        var a = t + t * t2 * p
        a = a.replacing(with: a + 0.523_598_775_598_298_873_08, where: reduced)
        a = a.replacing(with: 1.570_796_326_794_896_619_23 - a, where: swapped)
        a = a.replacing(with: 3.141_592_653_589_793_238_46 - a, where: x .< 0)
        return a.replacing(with: -a, where: y .< 0)
    }

    /// a + b·x lane by lane (a step of Estrin's scheme).
    @inlinable @inline(__always) static func linear(_ a: Double, _ b: Double, _ x: SIMD4<Double>) -> SIMD4<Double> {
        x * b + a
    }

    /// |x| lane by lane (the sign bit cleared).
    @inlinable @inline(__always) static func magnitude(_ x: SIMD4<Double>) -> SIMD4<Double> {
        unsafeBitCast(unsafeBitCast(x, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF, to: SIMD4<Double>.self)
    }
}
