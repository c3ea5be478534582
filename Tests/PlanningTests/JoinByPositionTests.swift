import Foundation
import GeoCore
import Testing

@testable import Planning

/// Layers that refer to buildings join them by position with a distance per layer, longer for point
/// buildings (address points) than for footprints.
@Suite struct JoinByPositionTests {
    static let o = Coordinate(405_000, 5_757_000)

    static func pointBuilding(_ id: String, _ dx: Double, _ dy: Double, use: BuildingUse = .residential) -> Building {
        Building(
            id: id, geometry: .point(Coordinate(o.x + dx, o.y + dy)), use: use, households: 2, attributes: JSONObject())
    }

    static func ap(_ id: String, _ dx: Double, _ dy: Double) -> WLANAccessPoint {
        WLANAccessPoint(
            id: id, location: Coordinate(o.x + dx, o.y + dy), island: nil, standard: .ax, bandMHz: 5000, eirpDBm: 23,
            indoor: true, isPublic: false, backhaulMbps: 100, attributes: JSONObject())
    }

    func run(
        _ buildings: [Building], wlan: [WLANAccessPoint] = [], schools: [School] = [],
        _ configure: (inout AnalysisSettings) -> Void = { _ in }
    ) throws -> RunResult {
        var data = GeoData(crs: .etrs89UTM32)
        data.buildings = buildings
        data.wlan = wlan
        data.schools = schools
        var settings = AnalysisSettings()
        settings.gridResolutionM = 0
        configure(&settings)
        return try Analysis.run(data, settings: settings)
    }

    @Test func accessPointsJoinTheNearestPointBuildingWithinTheWLANDistance() throws {
        let r = try run(
            [Self.pointBuilding("a", 0, 0), Self.pointBuilding("b", 200, 0)],
            wlan: [Self.ap("near-a", 25, 0), Self.ap("far", 100, 0)])
        #expect(r.buildings[0].service.wlanIsland == "near-a")  // 25 m ≤ 40 m
        #expect(r.buildings[1].service.wlanIsland == nil)  // "far" is 100 m from a and b
        #expect(r.islands.first { $0.name == "far" }?.buildingIndex == nil)
        // The distance is the scenario's to set.
        let strict = try run([Self.pointBuilding("a", 0, 0)], wlan: [Self.ap("near-a", 25, 0)]) {
            $0.joinDistances.overrides[.wlan] = 10
        }
        #expect(strict.buildings[0].service.wlanIsland == nil)
    }

    @Test func aSchoolPointJoinsAnAddressPointFartherAwayThanAFootprint() throws {
        let school = School(
            id: "S1", name: "Grundschule", geometry: .point(Coordinate(Self.o.x + 45, Self.o.y)), type: nil,
            students: nil, classes: nil, buildingID: nil, attributes: JSONObject())
        let r = try run([Self.pointBuilding("a", 0, 0)], schools: [school])
        #expect(r.schools.first?.buildingID == "a")
        #expect(!r.problems.contains { $0.code == "school-without-building" })
        // At 20 m the school finds no building: the run stops (one of one schools unjoined) …
        #expect(throws: JoinRateError.self) {
            try run([Self.pointBuilding("a", 0, 0)], schools: [school]) { $0.joinDistances.overrides[.schools] = 20 }
        }
        // … unless the scenario accepts it; then the school is analysed at its own point, and that is said.
        let tight = try run([Self.pointBuilding("a", 0, 0)], schools: [school]) {
            $0.joinDistances.overrides[.schools] = 20
            $0.minimumJoinRate = 0
        }
        #expect(tight.schools.first?.buildingID == "school:S1")
        #expect(tight.problems.contains { $0.code == "school-without-building" })
    }
}
