import GeoCore
import Radio
import Testing

@testable import Planning

/// The busy-hour rate: the homes a sector serves share it (docs/radio-models.md, `CellLoad`).
@Suite struct CellLoadTests {
    typealias A = AnalysisTests

    /// Three buildings of 10, 20 and 30 homes around one omni LTE site: N = 0.1 × 60 = 6 active users,
    /// so every building gets a sixth of its peak; with a second operator's site the homes split evenly
    /// over the two operators (N = 3 for each); a sector serving a single home (N = 0.1) gives the peak.
    @Test func ratesAreSharedByTheActiveUsersOfTheServingSector() throws {
        let o = A.origin
        let buildings = [
            A.building("a", o.x + 100, o.y, households: 10), A.building("b", o.x - 120, o.y + 30, households: 20),
            A.building("c", o.x + 20, o.y - 150, households: 30),
        ]
        var settings = AnalysisSettings()
        settings.gridResolutionM = 0
        settings.losMethod = .probability
        settings.busyHourActivity = 0.1
        var data = GeoData(crs: .etrs89UTM32)
        data.buildings = buildings
        data.sites = [A.site("S1", o.x, o.y, [A.sector("S1-1", azimuth: nil)], operatorName: "a")]
        let one = try Analysis.run(data, settings: settings)
        for b in one.buildings {
            let peak = try #require(b.service.mobileIndoor[.lte]?.1.downlinkMbps)
            let loaded = try #require(b.service.mobileIndoorLoadedMbps[.lte])
            #expect(abs(loaded - peak / 6) < 1e-9, "\(b.id): \(loaded) vs \(peak)")
        }
        // A second operator, far enough not to interfere on another frequency: each serves half the homes.
        data.sites.append(
            A.site("S2", o.x + 10, o.y + 10, [A.sector("S2-1", azimuth: nil, frequency: 2600)], operatorName: "b"))
        let two = try Analysis.run(data, settings: settings)
        for b in two.buildings {
            // Each operator's sector has 60 × ½ × 0.1 = 3 active users: the best operator's peak over 3.
            let peak = try #require(b.service.mobileIndoor[.lte]?.1.downlinkMbps)
            let loaded = try #require(b.service.mobileIndoorLoadedMbps[.lte])
            #expect(abs(loaded - peak / 3) < 1e-9, "\(b.id): \(loaded) vs \(peak)")
        }
        // One home alone: 0.1 active users, the peak.
        data.buildings = [A.building("x", o.x + 100, o.y, households: 1)]
        data.sites.removeLast()
        let alone = try Analysis.run(data, settings: settings)
        let x = alone.buildings[0].service
        #expect(abs(x.mobileIndoorLoadedMbps[.lte]! - x.mobileIndoor[.lte]!.1.downlinkMbps) < 1e-9)
    }
}
