import Foundation

extension TR38901.Prepared {
    /// The powers of the 3D distance that the Table 7.4.1-1 equations of one site need, worked out once
    /// per site and receiver and shared by all the site's frequencies (their exponents depend on the
    /// scenario and the heights only).
    public struct DistancePowers: Sendable {
        /// d3D^(−n_near/10) (UMa 22, UMi 21, RMa 20 + a; RMa also times 10^(−c·d3D/10)).
        public var near: Double
        /// d3D^(−40/10), beyond the breakpoint.
        public var far: Double
        /// d3D^(−n_NLOS/10) (UMa 39.08, UMi 35.3, RMa 43.42 − 3.1 log10 hBS).
        public var nlos: Double

        @inlinable public init(near: Double, far: Double, nlos: Double) {
            self.near = near
            self.far = far
            self.nlos = nlos
        }
    }

    /// The exponents (dB per decade / 10) of the near-LOS, far-LOS and NLOS terms.
    @inlinable var exponents: (near: Double, far: Double, nlos: Double) {
        switch scenario {
        case .uma: return (2.2, 4, nlosSlope / 10)
        case .umi: return (2.1, 4, nlosSlope / 10)
        case .rma: return ((20 + rmaA) / 10, 4, nlosSlope / 10)
        }
    }

    /// Whether two prepared models take the same distance powers (same scenario and heights).
    public func sharesDistancePowers(with other: TR38901.Prepared) -> Bool {
        scenario == other.scenario && heightDifference2 == other.heightDifference2 && exponents == other.exponents
            && rmaC == other.rmaC
    }

    /// The distance powers at a 2D distance: one logarithm and two exponentials (three for RMa);
    /// d3D^(−4) is exact arithmetic. `needsNear: false` (every breakpoint of the site is closer than
    /// d2D) leaves the near term 0 and saves its exponential.
    @inlinable public func distancePowers(distance2DM d2: Double, needsNear: Bool = true) -> DistancePowers {
        let d3Squared = d2 * d2 + heightDifference2
        let lnD3 = 0.5 * log(d3Squared)
        let e = exponents
        var near = 0.0
        if needsNear {
            near = exp(-e.near * lnD3)
            if scenario == .rma { near *= exp(-rmaC * d3Squared.squareRoot() * (log(10) / 10)) }
        }
        return DistancePowers(near: near, far: 1 / (d3Squared * d3Squared), nlos: exp(-e.nlos * lnD3))
    }

    /// The distance beyond which the LOS equation takes its far (after-breakpoint) form.
    public var breakpointDistanceM: Double { breakpoint }

    /// The path gains 10^(−PL/10) of the LOS and NLOS medians from the site's distance powers: the same
    /// equations as `pathLoss`, in the linear domain, where the NLOS loss max(PL_LOS, PL′_NLOS) is the
    /// smaller gain. Per frequency two multiplications and a comparison, no transcendental function.
    @inlinable public func pathGains(_ p: DistancePowers, distance2DM d2: Double) -> (los: Double, nlos: Double)
    {
        let los = d2 <= breakpoint ? linear.near * p.near : linear.far * p.far
        return (los, min(los, linear.nlos * p.nlos))
    }

    /// The distance-independent factors 10^(−constant/10) of the three terms.
    @inlinable var linear: (near: Double, far: Double, nlos: Double) { (linearNear, linearFar, linearNLOS) }
}
