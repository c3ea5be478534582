import Foundation

extension TR38901.Prepared {
    /// The constants of `distancePowers` (the heights' term and the exponents), so that four sites'
    /// powers can be worked out in lanes, each lane with its own site's law.
    public struct PowerLaw: Sendable {
        /// (h_BS − h_UT)².
        public var heightDifference2: Double
        /// n_near / 10 and n_NLOS / 10 (see `DistancePowers`).
        public var nearExponent: Double
        public var nlosExponent: Double
        /// RMa's c (the near term's 10^(−c·d3D/10)); 0 elsewhere.
        public var rmaC: Double

        public init(heightDifference2: Double, nearExponent: Double, nlosExponent: Double, rmaC: Double) {
            self.heightDifference2 = heightDifference2
            self.nearExponent = nearExponent
            self.nlosExponent = nlosExponent
            self.rmaC = rmaC
        }
    }

    /// This model's power law.
    public var powerLaw: PowerLaw {
        let e = exponents
        return PowerLaw(
            heightDifference2: heightDifference2, nearExponent: e.near, nlosExponent: e.nlos,
            rmaC: scenario == .rma ? rmaC : 0)
    }

    /// `distancePowers` for four sites at once: the same equations in the same order, with
    /// `LaneMath`'s logarithm and exponential (relative error below 10⁻¹⁵). The near term is worked
    /// out only with `needsNear` (else 0, as in `distancePowers`); RMa's extra factor only where a
    /// lane has c ≠ 0 (elsewhere it is exactly 1).
    @inlinable @inline(__always) public static func distancePowers(
        distance2DM d2: SIMD4<Double>, heightDifference2: SIMD4<Double>, nearExponent: SIMD4<Double>,
        nlosExponent: SIMD4<Double>, rmaC: SIMD4<Double>, needsNear: Bool
    ) -> (near: SIMD4<Double>, far: SIMD4<Double>, nlos: SIMD4<Double>) {
        let d3Squared = d2 * d2 + heightDifference2
        let lnD3 = 0.5 * LaneMath.log(d3Squared)
        var near = SIMD4<Double>(repeating: 0)
        if needsNear {
            near = LaneMath.exp(-nearExponent * lnD3)
            if any(rmaC .!= 0) { near *= LaneMath.exp(-rmaC * d3Squared.squareRoot() * (log(10) / 10)) }
        }
        return (near, 1 / (d3Squared * d3Squared), LaneMath.exp(-nlosExponent * lnD3))
    }
}

extension TR38901.Prepared {
    /// Four models' distance-independent factors and breakpoints, for `pathGains` of four frequencies
    /// of one site (sharing its distance powers) at once.
    public struct Lanes: Sendable {
        public var breakpoint: SIMD4<Double>
        public var linearNear: SIMD4<Double>
        public var linearFar: SIMD4<Double>
        public var linearNLOS: SIMD4<Double>

        @inlinable public init(
            _ a: TR38901.Prepared, _ b: TR38901.Prepared, _ c: TR38901.Prepared, _ d: TR38901.Prepared
        ) {
            breakpoint = SIMD4(a.breakpoint, b.breakpoint, c.breakpoint, d.breakpoint)
            linearNear = SIMD4(a.linearNear, b.linearNear, c.linearNear, d.linearNear)
            linearFar = SIMD4(a.linearFar, b.linearFar, c.linearFar, d.linearFar)
            linearNLOS = SIMD4(a.linearNLOS, b.linearNLOS, c.linearNLOS, d.linearNLOS)
        }

        /// `TR38901.Prepared.pathGains` of each lane's model from the same distance powers: the same
        /// products, the LOS one chosen by the same comparison with the breakpoint, and the NLOS gain
        /// min(LOS, NLOS′) as Swift's `min` takes it.
        @inlinable @inline(__always) public func pathGains(
            _ p: DistancePowers, distance2DM d2: Double
        ) -> (los: SIMD4<Double>, nlos: SIMD4<Double>) {
            let near = linearNear * p.near
            let far = linearFar * p.far
            let los = far.replacing(with: near, where: SIMD4(repeating: d2) .<= breakpoint)
            let nlos = linearNLOS * p.nlos
            return (los, los.replacing(with: nlos, where: nlos .< los))
        }
    }
}

extension TR38901 {
    /// Table 7.4.2-1's LOS probability in the form shared by RMa, UMi and UMa up to h_UT = 13 m:
    /// 1 up to `clearDistanceM`, beyond it a/d2D + exp(−(d2D − shift)/scale) · (1 − a/d2D)
    /// (RMa: a = 0, shift 10 m, scale 1000 m; UMi: a = 18 m, scale 36 m; UMa: a = 18 m, scale 63 m).
    public struct LOSLaw: Sendable {
        public var clearDistanceM: Double
        public var a: Double
        public var shiftM: Double
        public var scaleM: Double

        public init(clearDistanceM: Double, a: Double, shiftM: Double, scaleM: Double) {
            self.clearDistanceM = clearDistanceM
            self.a = a
            self.shiftM = shiftM
            self.scaleM = scaleM
        }
    }

    /// The law of a scenario and user height, or nil where it has another form (UMa above 13 m,
    /// with the C′ factor).
    public static func losLaw(_ scenario: Scenario, userHeightM hUT: Double) -> LOSLaw? {
        scenario == .uma && hUT > 13 ? nil : baseLOSLaw(scenario)
    }

    /// The law of each scenario without UMa's C′ factor (exactly 1 up to h_UT = 13 m).
    static func baseLOSLaw(_ scenario: Scenario) -> LOSLaw {
        switch scenario {
        case .rma: return LOSLaw(clearDistanceM: 10, a: 0, shiftM: 10, scaleM: 1000)
        case .umi: return LOSLaw(clearDistanceM: 18, a: 18, shiftM: 0, scaleM: 36)
        case .uma: return LOSLaw(clearDistanceM: 18, a: 18, shiftM: 0, scaleM: 63)
        }
    }

    /// `losProbability` for four links at once, each lane with its site's law: the same arithmetic
    /// (with a = 0 the first and last terms are exactly 0 and 1), with `LaneMath.exp`.
    @inlinable @inline(__always) public static func losProbability(
        distance2DM d: SIMD4<Double>, clearDistanceM: SIMD4<Double>, a: SIMD4<Double>, shiftM: SIMD4<Double>,
        scaleM: SIMD4<Double>
    ) -> SIMD4<Double> {
        let p = a / d + LaneMath.exp(-(d - shiftM) / scaleM) * (1 - a / d)
        return p.replacing(with: 1, where: d .<= clearDistanceM)
    }
}
