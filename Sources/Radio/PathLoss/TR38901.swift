import Foundation

/// Path loss and LOS probability of 3GPP TR 38.901 V17.0.0 §7.4.1 (Table 7.4.1-1) and §7.4.2
/// (Table 7.4.2-1) for the UMa, UMi-Street Canyon and RMa scenarios. Shadow fading is not added:
/// the values are medians. fc in GHz, distances and heights in m, d3D = √(d2D² + (hBS − hUT)²).
///
/// Breakpoint distances as the TR defines them, with c = 3.0·10⁸ m/s:
/// - UMa, UMi: d′BP = 4 h′BS h′UT fc / c with effective heights h′ = h − hE, hE = 1 m
///   (UMa: hE = 1 m with probability 1/(1 + C(d2D, hUT)); C = 0 for hUT ≤ 13 m, so hE = 1 m there;
///   above 13 m the TR draws hE at random and this model keeps 1 m, stated in the assumptions);
/// - RMa: dBP = 2π hBS hUT fc / c with the actual heights.
///
/// UMa  LOS: PL1 = 28.0 + 22 log d3D + 20 log fc; PL2 = 28.0 + 40 log d3D + 20 log fc − 9 log(d′BP² + (hBS − hUT)²)
///      NLOS: max(PL_LOS, 13.54 + 39.08 log d3D + 20 log fc − 0.6 (hUT − 1.5))
/// UMi  LOS: PL1 = 32.4 + 21 log d3D + 20 log fc; PL2 = 32.4 + 40 log d3D + 20 log fc − 9.5 log(d′BP² + (hBS − hUT)²)
///      NLOS: max(PL_LOS, 35.3 log d3D + 22.4 + 21.3 log fc − 0.3 (hUT − 1.5))
/// RMa  LOS: PL1 = 20 log(40π d3D fc / 3) + min(0.03 h^1.72, 10) log d3D − min(0.044 h^1.72, 14.77) + 0.002 log(h) d3D;
///      PL2 = PL1(dBP) + 40 log(d3D / dBP)
///      NLOS: max(PL_LOS, 161.04 − 7.1 log W + 7.5 log h − (24.37 − 3.7 (h/hBS)²) log hBS
///                + (43.42 − 3.1 log hBS)(log d3D − 3) + 20 log fc − (3.2 (log 11.75 hUT)² − 4.97))
///
/// Validity: UMa hBS = 25 m, hUT 1.5–22.5 m, d2D 10 m–5 km, fc 0.5–100 GHz; UMi hBS = 10 m,
/// hUT 1.5–22.5 m, d2D 10 m–5 km, fc 0.5–100 GHz; RMa hBS 10–150 m, hUT 1–10 m, h 5–50 m, W 5–50 m,
/// d2D 10 m–10 km (LOS) or 5 km (NLOS), fc 0.5–30 GHz.
public enum TR38901 {
    public enum Scenario: String, Sendable, CaseIterable, Codable { case uma, umi, rma }

    public static let source = "3GPP TR 38.901 V17.0.0 Table 7.4.1-1"

    /// The link geometry and environment.
    public struct Link: Sendable {
        /// The carrier frequency fc, MHz (the TR's equations take it in GHz; converted inside).
        public var frequencyMHz: Double
        public var distance2DM: Double
        public var baseHeightM: Double
        public var userHeightM: Double
        /// RMa: average building height h (default 5 m).
        public var buildingHeightM: Double
        /// RMa: average street width W (default 20 m).
        public var streetWidthM: Double

        public init(
            frequencyMHz: Double, distance2DM: Double, baseHeightM: Double, userHeightM: Double = 1.5,
            buildingHeightM: Double = 5, streetWidthM: Double = 20
        ) {
            self.frequencyMHz = frequencyMHz
            self.distance2DM = distance2DM
            self.baseHeightM = baseHeightM
            self.userHeightM = userHeightM
            self.buildingHeightM = buildingHeightM
            self.streetWidthM = streetWidthM
        }

        /// fc in GHz, as the TR's equations take it.
        var frequencyGHz: Double { frequencyMHz / 1000 }

        public var distance3DM: Double {
            (distance2DM * distance2DM + (baseHeightM - userHeightM) * (baseHeightM - userHeightM)).squareRoot()
        }
    }

    /// The environment height hE of UMa/UMi, m.
    public static let environmentHeightM = 1.0

    /// The breakpoint distance in metres: d′BP for UMa/UMi, dBP for RMa.
    public static func breakpointDistance(_ scenario: Scenario, _ link: Link) -> Double {
        let fcHz = link.frequencyGHz * 1e9
        let c = PropagationConstants.speedOfLight3GPP
        switch scenario {
        case .uma, .umi:
            return 4 * (link.baseHeightM - environmentHeightM) * (link.userHeightM - environmentHeightM) * fcHz / c
        case .rma: return 2 * Double.pi * link.baseHeightM * link.userHeightM * fcHz / c
        }
    }

    /// The median path loss in dB, with the validity range of Table 7.4.1-1 checked.
    public static func pathLoss(
        _ scenario: Scenario, lineOfSight: Bool, _ link: Link, policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        let check = rangeCheck(scenario, lineOfSight: lineOfSight, link, includingDistance: true)
        var assumptions: [String] = []
        if scenario == .uma && link.userHeightM > 13 {
            assumptions.append("hE = 1 m (the TR draws hE at random for hUT > 13 m)")
        }
        return try check.result(
            medianPathLoss(scenario, lineOfSight: lineOfSight, link), source: source, assumptions: assumptions,
            policy: policy)
    }

    /// The limits of Table 7.4.1-1 that a site violates whatever the distance: its frequency and
    /// heights (and, for RMa, the default building height and street width). Empty inside the range.
    public static func siteViolations(
        _ scenario: Scenario, frequencyMHz: Double, baseHeightM: Double, userHeightM: Double
    ) -> [String] {
        let link = Link(frequencyMHz: frequencyMHz, distance2DM: 0, baseHeightM: baseHeightM, userHeightM: userHeightM)
        return rangeCheck(scenario, lineOfSight: false, link, includingDistance: false).violations
    }

    static func rangeCheck(_ scenario: Scenario, lineOfSight: Bool, _ link: Link, includingDistance: Bool) -> RangeCheck
    {
        var check = RangeCheck("\(scenario.rawValue)-\(lineOfSight ? "los" : "nlos")")
        let d2 = link.distance2DM
        let fc = link.frequencyGHz
        let hBS = link.baseHeightM
        let hUT = link.userHeightM
        switch scenario {
        case .uma:
            check.require("frequency", fc, 0.5...100, "GHz")
            check.require("base station height", hBS, 25...25, "m")
            check.require("UE height", hUT, 1.5...22.5, "m")
            if includingDistance { check.require("2D distance", d2, 10...5000, "m") }
        case .umi:
            check.require("frequency", fc, 0.5...100, "GHz")
            check.require("base station height", hBS, 10...10, "m")
            check.require("UE height", hUT, 1.5...22.5, "m")
            if includingDistance { check.require("2D distance", d2, 10...5000, "m") }
        case .rma:
            check.require("frequency", fc, 0.5...30, "GHz")
            check.require("base station height", hBS, 10...150, "m")
            check.require("UE height", hUT, 1...10, "m")
            check.require("building height", link.buildingHeightM, 5...50, "m")
            check.require("street width", link.streetWidthM, 5...50, "m")
            if includingDistance { check.require("2D distance", d2, 10...(lineOfSight ? 10000 : 5000), "m") }
        }
        return check
    }

    /// The median path loss without validity bookkeeping; `pathLoss` states the range.
    public static func medianPathLoss(_ scenario: Scenario, lineOfSight: Bool, _ link: Link) -> Double {
        Prepared(scenario, link).pathLoss(distance2DM: link.distance2DM, lineOfSight: lineOfSight)
    }

    /// The Table 7.4.1-1 equations with every term that does not depend on the distance worked out
    /// once (for one scenario, frequency and set of heights), so that a link costs one logarithm.
    /// `pathLoss` and `medianPathLoss` use it too: there is one implementation of the equations.
    public struct Prepared: Sendable {
        @usableFromInline let scenario: Scenario
        @usableFromInline let heightDifference2: Double
        @usableFromInline let breakpoint: Double
        /// 20 log10 fc.
        let frequencyTerm: Double
        /// UMa: 9 log10(d′BP² + Δh²); UMi: 9.5 log10(d′BP² + Δh²); RMa: PL1 at dBP.
        let breakpointTerm: Double
        @usableFromInline let rmaA: Double, rmaB: Double, rmaC: Double
        let nlosConstant: Double
        @usableFromInline let nlosSlope: Double
        let log10Breakpoint: Double
        /// 10^(−k/10) of the constant k of the near-LOS, far-LOS and NLOS terms (for `pathGains`).
        @usableFromInline let linearNear: Double, linearFar: Double, linearNLOS: Double

        public init(_ scenario: Scenario, _ link: Link) {
            self.scenario = scenario
            let fc = link.frequencyGHz
            let hBS = link.baseHeightM
            let hUT = link.userHeightM
            heightDifference2 = (hBS - hUT) * (hBS - hUT)
            breakpoint = TR38901.breakpointDistance(scenario, link)
            log10Breakpoint = log10(breakpoint)
            frequencyTerm = 20 * log10(fc)
            switch scenario {
            case .uma:
                breakpointTerm = 9 * log10(breakpoint * breakpoint + heightDifference2)
                (rmaA, rmaB, rmaC) = (0, 0, 0)
                nlosConstant = 13.54 + frequencyTerm - 0.6 * (hUT - 1.5)
                nlosSlope = 39.08
            case .umi:
                breakpointTerm = 9.5 * log10(breakpoint * breakpoint + heightDifference2)
                (rmaA, rmaB, rmaC) = (0, 0, 0)
                nlosConstant = 22.4 + 21.3 * log10(fc) - 0.3 * (hUT - 1.5)
                nlosSlope = 35.3
            case .rma:
                let h = link.buildingHeightM
                let w = link.streetWidthM
                // PL1 = 20 log(40π fc / 3) + (20 + a) log d3D − b + c d3D
                rmaA = min(0.03 * pow(h, 1.72), 10)
                rmaB = 20 * log10(40 * Double.pi * fc / 3) - min(0.044 * pow(h, 1.72), 14.77)
                rmaC = 0.002 * log10(h)
                breakpointTerm = rmaB + (20 + rmaA) * log10Breakpoint + rmaC * breakpoint
                let slope = 43.42 - 3.1 * log10(hBS)
                nlosConstant =
                    161.04 - 7.1 * log10(w) + 7.5 * log10(h) - (24.37 - 3.7 * (h / hBS) * (h / hBS)) * log10(hBS) - 3
                    * slope + frequencyTerm - (3.2 * pow(log10(11.75 * hUT), 2) - 4.97)
                nlosSlope = slope
            }
            // PL = constant + n·log10 d3D: the constants of the three terms, as gains.
            func gain(_ db: Double) -> Double { pow(10, -db / 10) }
            switch scenario {
            case .uma:
                (linearNear, linearFar) = (gain(28.0 + frequencyTerm), gain(28.0 + frequencyTerm - breakpointTerm))
            case .umi:
                (linearNear, linearFar) = (gain(32.4 + frequencyTerm), gain(32.4 + frequencyTerm - breakpointTerm))
            case .rma: (linearNear, linearFar) = (gain(rmaB), gain(breakpointTerm - 40 * log10Breakpoint))
            }
            linearNLOS = gain(nlosConstant)
        }

        /// The median path loss in dB at a 2D distance.
        public func pathLoss(distance2DM d2: Double, lineOfSight: Bool) -> Double {
            let lg = 0.5 * log10(d2 * d2 + heightDifference2)  // log10 d3D
            let los: Double
            switch scenario {
            case .uma:
                los =
                    d2 <= breakpoint ? 28.0 + 22 * lg + frequencyTerm : 28.0 + 40 * lg + frequencyTerm - breakpointTerm
            case .umi:
                los =
                    d2 <= breakpoint ? 32.4 + 21 * lg + frequencyTerm : 32.4 + 40 * lg + frequencyTerm - breakpointTerm
            case .rma:
                los =
                    d2 <= breakpoint
                    ? rmaB + (20 + rmaA) * lg + rmaC * (d2 * d2 + heightDifference2).squareRoot()
                    : breakpointTerm + 40 * (lg - log10Breakpoint)
            }
            return lineOfSight ? los : max(los, nlosConstant + nlosSlope * lg)
        }
    }

    /// The LOS probability of Table 7.4.2-1 (outdoor users).
    ///
    /// RMa: 1 for d2D ≤ 10 m, else exp(−(d2D − 10)/1000).
    /// UMi: 1 for d2D ≤ 18 m, else 18/d2D + exp(−d2D/36)(1 − 18/d2D).
    /// UMa: 1 for d2D ≤ 18 m, else [18/d2D + exp(−d2D/63)(1 − 18/d2D)] · (1 + C′(hUT) · 5/4 · (d2D/100)³ ·
    /// exp(−d2D/150)),
    ///      C′ = 0 for hUT ≤ 13 m, ((hUT − 13)/10)^1.5 for 13 m < hUT ≤ 23 m.
    public static func losProbability(
        _ scenario: Scenario, distance2DM d: Double, userHeightM hUT: Double = 1.5
    ) -> Double {
        // The constants in one place (`losLaw`); a = 0 (RMa) makes the first and last terms exactly 0 and 1.
        let law = baseLOSLaw(scenario)
        guard d > law.clearDistanceM else { return 1 }
        let base = law.a / d + exp(-(d - law.shiftM) / law.scaleM) * (1 - law.a / d)
        switch scenario {
        case .rma, .umi: return base
        case .uma:
            // C′ = 0 up to 13 m: the factor is exactly 1.
            guard hUT > 13 else { return base }
            let c = pow((hUT - 13) / 10, 1.5)
            return base * (1 + c * 5 / 4 * pow(d / 100, 3) * exp(-d / 150))
        }
    }
}
