import Foundation
import GeoCore
import Radio
import TestSupport
import Testing

@testable import Planning

/// The fast link engine against the plain reference (each link's path loss in dB, every power through
/// 10^(x/10), libm throughout) on a generated 10,000-building city: every building's RSRP and SINR
/// within 0.01 dB, and every verdict the same.
@Suite struct LinkEngineTests {
    static func city() -> GeoData {
        var random = SplitMix64(state: 2018)
        let origin = Coordinate(400_000, 5_750_000)
        var data = GeoData(crs: .etrs89UTM32)
        // 100 × 100 buildings on a 30 m raster (3 km square), footprints 8–16 m, 3–24 m high.
        for row in 0..<100 {
            for column in 0..<100 {
                let cx = origin.x + Double(column) * 30 + random.unit() * 6
                let cy = origin.y + Double(row) * 30 + random.unit() * 6
                let half = 4 + random.unit() * 4
                let box = BoundingBox(minX: cx - half, minY: cy - half, maxX: cx + half, maxY: cy + half * 0.8)
                data.buildings.append(
                    Building(
                        id: "b\(row)-\(column)", geometry: .polygon(.rectangle(box)), use: .residential, households: 2,
                        floors: 1 + Int(random.unit() * 7), heightM: 3 + random.unit() * 21))
            }
        }
        // 30 sites of two operators, three sectors on LTE 800/1800 and NR 3600, 18–45 m high.
        for k in 0..<30 {
            let location = Coordinate(origin.x - 500 + random.unit() * 4000, origin.y - 500 + random.unit() * 4000)
            let azimuth = random.unit() * 120
            var sectors: [Sector] = []
            for (t, carrier) in [(Technology.lte, 800.0), (.lte, 1800), (.nr, 3600)].enumerated() {
                for s in 0..<3 {
                    sectors.append(
                        Sector(
                            id: "s\(k)-\(t)-\(s)", azimuthDeg: azimuth + Double(s) * 120,
                            tiltDeg: 2 + random.unit() * 8, beamwidthDeg: 65, technology: carrier.0,
                            frequencyMHz: carrier.1, bandwidthMHz: carrier.0 == .nr ? 100 : 10,
                            eirpDBm: 58 + random.unit() * 8, antennaGainDBi: 17, layers: 2))
                }
            }
            data.sites.append(
                Site(
                    id: "site\(k)", location: location, operatorName: k % 2 == 0 ? "A" : "B",
                    heightM: 18 + random.unit() * 27, environment: nil, sectors: sectors, attributes: JSONObject()))
        }
        return data
    }

    @Test(arguments: [AnalysisSettings.LOSMethod.probability, .footprints]) func fastEqualsReference(
        _ los: AnalysisSettings.LOSMethod
    ) throws {
        let data = Self.city()
        var settings = AnalysisSettings()
        settings.gridResolutionM = 0
        settings.losMethod = los
        settings.interferenceLoad = 1
        var reference = settings
        reference.linkEngine = .reference
        let fast = try Analysis.run(data, settings: settings)
        let plain = try Analysis.run(data, settings: reference)
        #expect(fast.linkCount == plain.linkCount && fast.linkCount > 1_000_000)
        var worst = 0.0
        for i in fast.buildings.indices {
            let a = fast.buildings[i].service
            let b = plain.buildings[i].service
            for t in [Technology.lte, .nr] {
                for (x, y) in [(a.mobileOutdoor[t], b.mobileOutdoor[t]), (a.mobileIndoor[t], b.mobileIndoor[t])] {
                    let qa = try #require(x?.1)
                    let qb = try #require(y?.1)
                    worst = max(worst, abs(qa.rsrpDBm - qb.rsrpDBm), abs(qa.sinrDB - qb.sinrDB))
                    #expect(qa.sectorID == qb.sectorID, "building \(i) \(t)")
                }
            }
            #expect(a.funding == b.funding, "building \(i)")
        }
        #expect(worst <= 0.01, "largest difference \(worst) dB")
    }
}
