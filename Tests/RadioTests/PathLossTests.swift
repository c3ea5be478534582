import TestSupport
import Testing

@testable import Radio

// Expected values are worked out by hand from each source's equations (independent Python evaluation,
// see the equation in each test), not taken from this code's output.

private func close(_ a: Double, _ b: Double, _ tol: Double = 0.01) -> Bool { abs(a - b) <= tol }

@Suite struct FreeSpaceTests {
    @Test func matchesP525Equation1() throws {
        // 20 log10(4π · 100 m · 2.4e9 / 299792458) = 80.052 dB
        #expect(close(try FreeSpace.pathLoss(frequencyMHz: 2400, distanceM: 100).value, 80.052))
        // 800 MHz, 1 km: 90.510 dB; P.525 Eq. (4) with its rounded 32.4 gives 90.462.
        #expect(close(try FreeSpace.pathLoss(frequencyMHz: 800, distanceM: 1000).value, 90.510))
    }

    @Test func belowOneMetreIsFlaggedOrThrows() throws {
        #expect(try !FreeSpace.pathLoss(frequencyMHz: 800, distanceM: 0.5).inValidityRange)
        #expect(throws: OutsideValidityRange.self) {
            try FreeSpace.pathLoss(frequencyMHz: 800, distanceM: 0.5, policy: .strict)
        }
    }
}

@Suite struct HataTests {
    @Test func urbanSuburbanOpenAt900MHz() throws {
        // f 900 MHz, hb 30 m, hm 1.5 m, d 5 km.
        let urban = try OkumuraHata.pathLoss(
            .urbanSmallMediumCity, frequencyMHz: 900, distanceM: 5000, baseHeightM: 30, mobileHeightM: 1.5)
        #expect(close(urban.value, 151.024))
        #expect(urban.inValidityRange)
        #expect(
            close(
                try OkumuraHata.pathLoss(
                    .urbanLargeCity, frequencyMHz: 900, distanceM: 5000, baseHeightM: 30, mobileHeightM: 1.5
                ).value, 151.041))
        #expect(
            close(
                try OkumuraHata.pathLoss(
                    .suburban, frequencyMHz: 900, distanceM: 5000, baseHeightM: 30, mobileHeightM: 1.5
                ).value, 141.082))
        #expect(
            close(
                try OkumuraHata.pathLoss(.open, frequencyMHz: 900, distanceM: 5000, baseHeightM: 30, mobileHeightM: 1.5)
                    .value, 122.518))
    }

    @Test func largeCityBelow200MHzUsesItsOwnCorrection() throws {
        // a(hm) = 8.29 (log 1.54·1.5)² − 1.1; f 150, hb 50, d 2 km → 113.167 dB
        #expect(
            close(
                try OkumuraHata.pathLoss(
                    .urbanLargeCity, frequencyMHz: 150, distanceM: 2000, baseHeightM: 50, mobileHeightM: 1.5
                ).value, 113.167))
    }

    @Test func rangeChecks() throws {
        let far = try OkumuraHata.pathLoss(
            .urbanSmallMediumCity, frequencyMHz: 900, distanceM: 30000, baseHeightM: 30, mobileHeightM: 1.5)
        #expect(!far.inValidityRange)
        #expect(far.violations.contains { $0.contains("distance") })
        let gap = try OkumuraHata.pathLoss(
            .urbanLargeCity, frequencyMHz: 300, distanceM: 2000, baseHeightM: 30, mobileHeightM: 1.5)
        #expect(!gap.inValidityRange)
        #expect(throws: OutsideValidityRange.self) {
            try OkumuraHata.pathLoss(
                .open, frequencyMHz: 2600, distanceM: 2000, baseHeightM: 30, mobileHeightM: 1.5, policy: .strict)
        }
    }

    @Test func cost231MediumAndMetropolitan() throws {
        // 46.3 + 33.9 log 1800 − 13.82 log 30 − a(1.5) + (44.9 − 6.55 log 30) log 2 (+3)
        #expect(
            close(
                try Cost231Hata.pathLoss(
                    .mediumCity, frequencyMHz: 1800, distanceM: 2000, baseHeightM: 30, mobileHeightM: 1.5
                ).value, 146.801))
        #expect(
            close(
                try Cost231Hata.pathLoss(
                    .metropolitan, frequencyMHz: 1800, distanceM: 2000, baseHeightM: 30, mobileHeightM: 1.5
                ).value, 149.801))
        #expect(
            try !Cost231Hata.pathLoss(
                .mediumCity, frequencyMHz: 2600, distanceM: 2000, baseHeightM: 30, mobileHeightM: 1.5
            ).inValidityRange)
    }
}

@Suite struct TR38901Tests {
    typealias Case = (scenario: TR38901.Scenario, fc: Double, d: Double, los: Double, nlos: Double)
    // hBS: UMa 25 m, UMi 10 m, RMa 35 m; hUT 1.5 m; RMa h 5 m, W 20 m.
    // Short (before the breakpoint), middle and long distances at 0.8 and 3.5 GHz.
    static let cases: [Case] = [
        (.uma, 0.8, 50, 64.393, 79.691), (.uma, 0.8, 300, 87.140, 108.460), (.uma, 0.8, 2000, 120.045, 140.607),
        (.uma, 3.5, 50, 77.212, 92.511), (.uma, 3.5, 300, 93.407, 121.279), (.uma, 3.5, 2000, 121.449, 153.427),
        (.umi, 0.8, 50, 66.597, 80.528), (.umi, 0.8, 300, 97.483, 107.784), (.umi, 0.8, 2000, 130.432, 136.862),
        (.umi, 3.5, 50, 79.090, 94.181), (.umi, 3.5, 300, 98.244, 121.437), (.umi, 3.5, 2000, 131.194, 150.515),
        (.rma, 0.8, 50, 66.327, 70.443), (.rma, 0.8, 300, 81.006, 97.499), (.rma, 0.8, 2000, 105.597, 129.227),
        (.rma, 3.5, 50, 79.147, 83.262), (.rma, 3.5, 300, 93.826, 110.318), (.rma, 3.5, 2000, 113.018, 142.047),
    ]

    static func height(_ s: TR38901.Scenario) -> Double { s == .uma ? 25 : s == .umi ? 10 : 35 }

    @Test(arguments: cases) func pathLossMatchesTable(_ c: Case) throws {
        let link = TR38901.Link(
            frequencyMHz: c.fc * 1000, distance2DM: c.d, baseHeightM: Self.height(c.scenario), userHeightM: 1.5)
        let los = try TR38901.pathLoss(c.scenario, lineOfSight: true, link)
        let nlos = try TR38901.pathLoss(c.scenario, lineOfSight: false, link)
        #expect(close(los.value, c.los), "\(c.scenario) LOS \(c.fc) GHz \(c.d) m: \(los.value)")
        #expect(close(nlos.value, c.nlos), "\(c.scenario) NLOS \(c.fc) GHz \(c.d) m: \(nlos.value)")
        #expect(los.inValidityRange && nlos.inValidityRange)
    }

    @Test func breakpointsUseTheTRsHeightsAndConstants() {
        // UMa: 4 (25 − 1)(1.5 − 1) · 0.8e9 / 3e8 = 128 m; UMi: 4 · 9 · 0.5 · 3.5e9/3e8 = 210 m;
        // RMa: 2π · 35 · 1.5 · 0.8e9 / 3e8 = 879.646 m (actual heights, 2π).
        #expect(close(TR38901.breakpointDistance(.uma, .init(frequencyMHz: 800, distance2DM: 1, baseHeightM: 25)), 128))
        #expect(
            close(TR38901.breakpointDistance(.umi, .init(frequencyMHz: 3500, distance2DM: 1, baseHeightM: 10)), 210))
        #expect(
            close(TR38901.breakpointDistance(.rma, .init(frequencyMHz: 800, distance2DM: 1, baseHeightM: 35)), 879.646))
    }

    @Test func rmaBeyondBreakpointAndHighUE() throws {
        // RMa LOS at 8 km, 0.8 GHz: PL1(dBP) + 40 log(d3D/dBP) = 129.677 dB.
        #expect(
            close(
                try TR38901.pathLoss(
                    .rma, lineOfSight: true, .init(frequencyMHz: 800, distance2DM: 8000, baseHeightM: 35)
                ).value, 129.677))
        // UMa with hUT 22.5 m at 500 m, 2 GHz: LOS 93.398, NLOS 112.437; hE assumption stated.
        let link = TR38901.Link(frequencyMHz: 2000, distance2DM: 500, baseHeightM: 25, userHeightM: 22.5)
        let los = try TR38901.pathLoss(.uma, lineOfSight: true, link)
        #expect(close(los.value, 93.398))
        #expect(!los.assumptions.isEmpty)
        #expect(close(try TR38901.pathLoss(.uma, lineOfSight: false, link).value, 112.437))
    }

    @Test func validityRanges() throws {
        let tall = TR38901.Link(frequencyMHz: 3500, distance2DM: 300, baseHeightM: 40)
        #expect(try !TR38901.pathLoss(.uma, lineOfSight: true, tall).inValidityRange)
        #expect(throws: OutsideValidityRange.self) {
            try TR38901.pathLoss(
                .rma, lineOfSight: false, .init(frequencyMHz: 800, distance2DM: 8000, baseHeightM: 35), policy: .strict)
        }
        #expect(
            try TR38901.pathLoss(.rma, lineOfSight: true, .init(frequencyMHz: 800, distance2DM: 8000, baseHeightM: 35))
                .inValidityRange)
        #expect(
            try !TR38901.pathLoss(
                .rma, lineOfSight: true, .init(frequencyMHz: 40000, distance2DM: 800, baseHeightM: 35)
            ).inValidityRange)
    }

    @Test func siteViolationsAreTheHeightAndFrequencyLimitsOnly() {
        // UMa fixes hBS at 25 m: a 40 m site violates it at any distance; the frequency 3.5 GHz is inside.
        #expect(
            TR38901.siteViolations(.uma, frequencyMHz: 3500, baseHeightM: 40, userHeightM: 1.5) == [
                "base station height 40 m outside 25…25 m"
            ])
        #expect(TR38901.siteViolations(.uma, frequencyMHz: 3500, baseHeightM: 25, userHeightM: 1.5).isEmpty)
        // RMa ends at 30 GHz; the distance never counts (0 m would be outside 10 m…).
        #expect(
            TR38901.siteViolations(.rma, frequencyMHz: 40000, baseHeightM: 35, userHeightM: 1.5) == [
                "frequency 40 GHz outside 0.5…30 GHz"
            ])
    }

    /// Four models' path gains in lanes are the scalar `pathGains` of each model, to the bit: every
    /// scenario, heights and frequencies at random, distances on both sides of each breakpoint and the
    /// near term left out (0) beyond them, as the link engine leaves it.
    @Test func modelLanesGiveEachModelsPathGains() {
        var g = SplitMix64(state: 41)
        for _ in 0..<2000 {
            let scenario = [TR38901.Scenario.uma, .umi, .rma][g.below(3)]
            let height = [25.0, 10, 35, 18][g.below(4)]
            let models = (0..<4).map { _ in
                TR38901.Prepared(
                    scenario,
                    .init(
                        frequencyMHz: [800.0, 1800, 2100, 2600, 3600][g.below(5)], distance2DM: 1, baseHeightM: height))
            }
            let lanes = TR38901.Prepared.Lanes(models[0], models[1], models[2], models[3])
            let d2 = [10.0, 50, 200, 800, 3000, 9000][g.below(6)] * (0.5 + Double(g.next() % 1000) / 1000)
            let powers = models[0].distancePowers(distance2DM: d2, needsNear: g.below(4) != 0)
            let gains = lanes.pathGains(powers, distance2DM: d2)
            for lane in 0..<4 {
                let scalar = models[lane].pathGains(powers, distance2DM: d2)
                #expect(gains.los[lane].bitPattern == scalar.los.bitPattern, "\(scenario) \(d2) lane \(lane)")
                #expect(gains.nlos[lane].bitPattern == scalar.nlos.bitPattern, "\(scenario) \(d2) lane \(lane)")
            }
        }
    }

    @Test func losProbabilities() {
        // UMa 100 m: [0.18 + e^(−100/63) · 0.82] = 0.34767; with hUT 20 m: C′ = 0.7^1.5 → 0.47835.
        #expect(close(TR38901.losProbability(.uma, distance2DM: 100), 0.34767, 1e-5))
        #expect(close(TR38901.losProbability(.uma, distance2DM: 100, userHeightM: 20), 0.47835, 1e-5))
        #expect(close(TR38901.losProbability(.umi, distance2DM: 100), 0.23098, 1e-5))
        #expect(close(TR38901.losProbability(.rma, distance2DM: 1010), 0.36788, 1e-5))
        #expect(TR38901.losProbability(.uma, distance2DM: 15) == 1)
        #expect(TR38901.losProbability(.rma, distance2DM: 10) == 1)
    }
}

@Suite struct IndoorTests {
    @Test func p1238() throws {
        // 20 log 2400 + 30 log 20 − 28 = 78.635 (office, N = 30)
        #expect(close(try P1238.pathLoss(.office, frequencyMHz: 2400, distanceM: 20).value, 78.635))
        // office 1.9 GHz, 30 m, 2 floors: Lf = 15 + 4(2 − 1) = 19 → 100.889
        #expect(close(try P1238.pathLoss(.office, frequencyMHz: 1900, distanceM: 30, floors: 2).value, 100.889))
        // residential 1.9 GHz, 10 m, 3 floors: N 28, Lf 4n = 12 → 77.575
        #expect(close(try P1238.pathLoss(.residential, frequencyMHz: 1900, distanceM: 10, floors: 3).value, 77.575))
        // commercial 900 MHz, 15 m: N 20 → 54.607
        #expect(close(try P1238.pathLoss(.commercial, frequencyMHz: 900, distanceM: 15).value, 54.607))
        // Residential at 900 MHz has no N in Table 2: flagged.
        #expect(try !P1238.pathLoss(.residential, frequencyMHz: 900, distanceM: 15).inValidityRange)
        // 5.8 GHz office lists floor losses for 1 and 2 floors only.
        #expect(try !P1238.pathLoss(.office, frequencyMHz: 5800, distanceM: 15, floors: 3).inValidityRange)
    }

    @Test func tgax() throws {
        // Residential, 5 GHz, 3 m (before dBP 5 m): 40.05 + 20 log(5/2.4) + 20 log 3 = 55.968
        #expect(close(try TGax.pathLoss(.residential, frequencyMHz: 5000, distanceM: 3).value, 55.968))
        // 12 m, 1 floor, 2 walls: + 35 log(12/5) + 18.3 · 1^(…) + 10 = 102.012
        #expect(
            close(
                try TGax.pathLoss(.residential, frequencyMHz: 5000, distanceM: 12, walls: 2, floors: 1).value, 102.012))
        // Enterprise 2.4 GHz, 25 m, 3 walls: 40.05 + 20 + 35 log 2.5 + 21 = 94.978
        #expect(close(try TGax.pathLoss(.enterprise, frequencyMHz: 2400, distanceM: 25, walls: 3).value, 94.978))
    }

    @Test func logDistance() throws {
        // FSPL(1 m, 2.4 GHz) = 40.046; + 10 · 3 · log 20 = 79.078
        #expect(
            close(try LogDistance.pathLoss(frequencyMHz: 2400, distanceM: 20, exponent: 3).value, 40.046 + 30 * 1.30103)
        )
    }
}

@Suite struct EntryLossTests {
    @Test func p2109() throws {
        #expect(close(try P2109.entryLoss(.traditional, frequencyMHz: 2000).value, 14.963))
        #expect(close(try P2109.entryLoss(.thermallyEfficient, frequencyMHz: 3500).value, 30.886))
        #expect(
            close(
                try P2109.entryLoss(.traditional, frequencyMHz: 800, probability: 0.9, elevationDeg: 10).value, 26.795))
        #expect(close(try P2109.entryLoss(.thermallyEfficient, frequencyMHz: 28000, probability: 0.1).value, 19.484))
        #expect(throws: OutsideValidityRange.self) {
            try P2109.entryLoss(.traditional, frequencyMHz: 2000, probability: 1)
        }
        #expect(try !P2109.entryLoss(.traditional, frequencyMHz: 50).inValidityRange)
    }

    @Test func inverseNormal() {
        #expect(close(NormalDistribution.inverseCDF(0.9), 1.2815515655446008, 1e-12))
        #expect(close(NormalDistribution.inverseCDF(0.001), -3.090232306167813, 1e-12))
        #expect(NormalDistribution.inverseCDF(0.5) == 0)
    }

    @Test func o2i() throws {
        #expect(close(try O2IPenetration.loss(.lowLoss, frequencyMHz: 3500).value, 16.864))
        #expect(close(try O2IPenetration.loss(.highLoss, frequencyMHz: 3500).value, 31.016))
        #expect(close(try O2IPenetration.loss(.lowLoss, frequencyMHz: 800, indoorDistanceM: 0).value, 10.400))
    }
}
