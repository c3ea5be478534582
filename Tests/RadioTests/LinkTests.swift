import Foundation
import Testing

@testable import Radio

private func close(_ a: Double, _ b: Double, _ tol: Double = 0.01) -> Bool { abs(a - b) <= tol }

@Suite struct AntennaTests {
    let antenna = SectorAntenna(maxGainDBi: 17, azimuthDeg: 0, downtiltDeg: 6)

    @Test func pattern() {
        // 30° off boresight, zenith 96° (on the tilted beam): 17 − 12 (30/65)² = 14.444 dBi
        #expect(close(antenna.gain(bearingDeg: 30, zenithDeg: 96), 14.444))
        // Behind the antenna: limited by the 30 dB front-to-back ratio.
        #expect(close(antenna.gain(bearingDeg: 180, zenithDeg: 96), -13))
        // Wrap-around: 350° is 10° off boresight, the same as 10°.
        #expect(close(antenna.gain(bearingDeg: 350, zenithDeg: 96), antenna.gain(bearingDeg: 10, zenithDeg: 96), 1e-9))
        // 40° off, receiver 23.5 m below at 200 m: zenith 90 + atan(23.5/200) → 12.454 dBi
        #expect(close(antenna.gain(bearingDeg: 40, distanceM: 200, heightDifferenceM: 23.5), 12.454))
        #expect(SectorAntenna(maxGainDBi: 5, azimuthDeg: nil, downtiltDeg: 0).gain(bearingDeg: 123, zenithDeg: 90) == 5)
    }

    /// The fast link engine's patterns (prepared, four antennas in lanes) against the equations, over
    /// every bearing the engine passes (−180°…180°), zenith angles from 60° to 130°, azimuths beyond 360°
    /// and below 0°, and an omnidirectional antenna; the gain against 10^(−discrimination/10).
    @Test func patternLanesEqualTheEquations() {
        let antennas = [
            antenna, SectorAntenna(maxGainDBi: 17, azimuthDeg: 355, downtiltDeg: 2, horizontalBeamwidthDeg: 90),
            SectorAntenna(maxGainDBi: 15, azimuthDeg: -30, downtiltDeg: 10),
            SectorAntenna(maxGainDBi: 17, azimuthDeg: 400),
            SectorAntenna(maxGainDBi: 5, azimuthDeg: nil, downtiltDeg: 4),
        ]
        let prepared = antennas.map(SectorAntenna.Prepared.init)
        for k in antennas.indices {
            let lane = (0..<4).map { (k + $0) % antennas.count }
            let lanes = SectorAntenna.Lanes(prepared[lane[0]], prepared[lane[1]], prepared[lane[2]], prepared[lane[3]])
            for bearing in stride(from: -180.0, through: 180, by: 2.5) {
                for zenith in stride(from: 60.0, through: 130, by: 3.5) {
                    let at = (SIMD4(repeating: bearing), SIMD4(repeating: zenith))
                    let fast = lanes.discriminationDB(bearingDeg: at.0, zenithDeg: at.1)
                    let gain = lanes.gain(bearingDeg: at.0, zenithDeg: at.1)
                    for j in 0..<4 {
                        let a = antennas[lane[j]]
                        let exact = a.discriminationDB(bearingDeg: bearing, zenithDeg: zenith)
                        #expect(abs(exact - fast[j]) < 1e-9, "\(a.azimuthDeg ?? -1)° at \(bearing)°, \(zenith)°")
                        let linear = Foundation.pow(10, -exact / 10)
                        #expect(abs(gain[j] / linear - 1) < 1e-12, "gain of \(a.azimuthDeg ?? -1)° at \(bearing)°")
                    }
                }
            }
        }
    }
}

@Suite struct NoiseAndThroughputTests {
    @Test func thermalNoise() {
        #expect(close(Noise.powerDBm(bandwidthHz: 1, noiseFigureDB: 0), -173.975))
        #expect(close(Noise.powerDBm(bandwidthHz: 18e6, noiseFigureDB: 7), -94.422))
    }

    @Test func sinrWithInterferenceAndLoad() {
        // −62 dBm wanted, one −72 dBm interferer, −94.422 dBm noise → 9.975 dB
        #expect(close(SINR.value(signalDBm: -62, interferenceDBm: [-72], noiseDBm: -94.422), 9.975))
        // Without interference the SINR is the SNR.
        #expect(close(SINR.value(signalDBm: -62, interferenceDBm: [], noiseDBm: -94.422), 32.422))
        // Half load: 10 log10(1e-6.2 · 0.5 + noise) → higher SINR than full load.
        #expect(SINR.value(signalDBm: -62, interferenceDBm: [-72], noiseDBm: -94.422, load: 0.5) > 12.9)
    }

    @Test func truncatedShannon() {
        let dl = TruncatedShannon.lteDownlink
        #expect(close(dl.efficiency(sinrDB: 0), 0.6))
        #expect(close(dl.efficiency(sinrDB: 10), 2.0757, 1e-4))
        #expect(dl.efficiency(sinrDB: -11) == 0)
        #expect(dl.efficiency(sinrDB: 30) == 4.4)
        #expect(close(dl.maximumSINRDB, 22.0485, 1e-4))
        #expect(close(TruncatedShannon.nrDownlink.efficiency(sinrDB: 15), 3.0167, 1e-4))
        #expect(TruncatedShannon.lteUplink.efficiency(sinrDB: 40) == 2.0)
    }

    @Test func nrPeakRate() throws {
        // 4 layers · 8 · 948/1024 · 273 · 12 / (1e-3/28) · 0.86 = 2337.0 Mbit/s (100 MHz, 30 kHz)
        #expect(close(try NRPeakRate.rateMbps(.init(bandwidthMHz: 100, subcarrierSpacingKHz: 30)), 2337.000))
        #expect(
            close(
                try NRPeakRate.rateMbps(
                    .init(bandwidthMHz: 90, subcarrierSpacingKHz: 30, tddShare: TechnologyCatalogue.n78DownlinkShare)),
                1558.000))
        #expect(close(try NRPeakRate.rateMbps(.init(bandwidthMHz: 10, subcarrierSpacingKHz: 15, layers: 2)), 111.286))
        let uplink = NRPeakRate.Configuration(
            bandwidthMHz: 100, subcarrierSpacingKHz: 30, layers: 1, modulationOrder: 6, direction: .uplink)
        #expect(close(try NRPeakRate.rateMbps(uplink), 468.759))
        #expect(throws: RateError.self) { try NRPeakRate.rateMbps(.init(bandwidthMHz: 100, subcarrierSpacingKHz: 15)) }
        #expect(try NRPeakRate.resourceBlocks(bandwidthMHz: 20, subcarrierSpacingKHz: 15) == 106)
    }

    @Test func ueCategories() {
        #expect(close(UECategory.lteDownlinkMbps(category: 4)!, 150.752))
        #expect(close(UECategory.lteDownlinkMbps(category: 6)!, 301.504))
        #expect(close(UECategory.hsdpaMbps(category: 24)!, 42.192))
        #expect(close(UECategory.hsdpaMbps(category: 10)!, 13.976))
    }

    @Test func wlanRates() throws {
        #expect(close(try WLANRate.phyRateMbps(.ax, mcs: 11, bandwidthMHz: 80, spatialStreams: 2), 1200.980))
        #expect(
            close(
                try WLANRate.phyRateMbps(.ac, mcs: 9, bandwidthMHz: 80, spatialStreams: 1, guardIntervalUs: 0.4),
                433.333))
        #expect(
            close(
                try WLANRate.phyRateMbps(.n, mcs: 7, bandwidthMHz: 40, spatialStreams: 2, guardIntervalUs: 0.4), 300.000
            ))
        #expect(
            close(
                try WLANRate.phyRateMbps(.ax, mcs: 0, bandwidthMHz: 20, spatialStreams: 1, guardIntervalUs: 3.2), 7.3125
            ))
        #expect(throws: RateError.self) { try WLANRate.phyRateMbps(.n, mcs: 8, bandwidthMHz: 20, spatialStreams: 1) }
        #expect(throws: RateError.self) { try WLANRate.phyRateMbps(.n, mcs: 7, bandwidthMHz: 80, spatialStreams: 1) }
    }

    @Test func wlanMCSFromSNR() {
        // MCS 0 at 20 MHz needs −82 dBm − (kTB + 10 dB) = 8.965 dB
        #expect(close(WLANRate.requiredSNR(mcs: 0, bandwidthMHz: 20), 8.965))
        #expect(close(WLANRate.requiredSNR(mcs: 11, bandwidthMHz: 80), 38.965))
        #expect(WLANRate.mcs(forSNR: 8.9, standard: .ax, bandwidthMHz: 20) == nil)
        #expect(WLANRate.mcs(forSNR: 9.0, standard: .ax, bandwidthMHz: 20) == 0)
        #expect(WLANRate.mcs(forSNR: 60, standard: .ac, bandwidthMHz: 80) == 9)
        #expect(WLANRate.mcs(forSNR: 60, standard: .ax, bandwidthMHz: 80) == 11)
    }
}

@Suite struct LinkBudgetTests {
    @Test func wholeLink() throws {
        let carrier = try #require(TechnologyCatalogue.carrier(named: "lte1800"))
        let budget = LinkBudget(
            carrier: carrier, eirpDBm: 61, antennaDiscriminationDB: 3, pathLossDB: 120, noiseFigureDB: 7,
            interferenceDBm: [-72])
        let r = budget.result
        #expect(close(r.receivedPowerDBm, -62))
        // RSRP: −62 − 10 log10(1200) = −92.792 dBm
        #expect(close(r.rsrpDBm!, -92.792))
        // Noise over 100 RB · 12 · 15 kHz = 18 MHz with NF 7 dB
        #expect(close(r.noiseDBm, -94.422))
        #expect(close(r.sinrDB, 9.975))
        // 2 layers × 0.6 log2(1 + SINR) × 18 MHz = 74.562 Mbit/s
        #expect(close(r.downlinkMbps, 74.562))
    }

    @Test func catalogueHasTheGermanDeployments() throws {
        for name in ["lte800", "lte1800", "lte2600", "nr-n78", "nr-n28", "umts2100", "hsdpa2100"] {
            #expect(TechnologyCatalogue.carrier(named: name) != nil, "\(name)")
        }
        #expect(close(try #require(TechnologyCatalogue.carrier(named: "nr-n78")).peakDownlinkMbps, 1558.000))
        #expect(TechnologyCatalogue.carrier(named: "umts2100")!.downlinkMbps(sinrDB: 30) == 0.384)
    }
}
