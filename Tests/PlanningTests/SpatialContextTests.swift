import Foundation
import GeoCore
import Radio
import Testing

@testable import Planning

/// The spatial context and the district locator against hand-made layouts whose answers are known.
@Suite struct SpatialContextTests {
    static func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> Geometry {
        .polygon(.rectangle(BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY)))
    }

    @Test func aPointOnASharedBorderBelongsToTheFirstDistrictInLayerOrder() throws {
        // Three districts side by side; the middle one listed first.
        let districts = [
            District(id: "M", name: "Middle", geometry: Self.rectangle(100, 0, 200, 100), attributes: JSONObject()),
            District(id: "W", name: "West", geometry: Self.rectangle(0, 0, 100, 100), attributes: JSONObject()),
            District(id: "E", name: "East", geometry: Self.rectangle(200, 0, 300, 100), attributes: JSONObject()),
        ]
        let locator = try DistrictLocator(districts)
        #expect(try locator.district(of: Coordinate(50, 50)) == 1)
        #expect(try locator.district(of: Coordinate(250, 50)) == 2)
        // x = 100 and x = 200 lie on two districts each: the middle one (index 0) is first in layer order.
        #expect(try locator.district(of: Coordinate(100, 50)) == 0)
        #expect(try locator.district(of: Coordinate(200, 50)) == 0)
        // Inside the bounding boxes' union but outside every district, and far away.
        #expect(try locator.district(of: Coordinate(150, 100.5)) == nil)
        #expect(try locator.district(of: Coordinate(-1e6, 0)) == nil)
        #expect(
            locator.index(named: "East") == 2 && locator.index(named: "W") == 1 && locator.index(named: "North") == nil)
    }

    /// `districts(of:)` works in chunks of 65,536 points on all cores: over three chunks, on the shared
    /// borders and outside, each point's district is the one worked out from the district's own geometry.
    @Test func manyPointsGetTheDistrictsThatHoldThem() throws {
        let districts = [
            District(id: "M", name: "Middle", geometry: Self.rectangle(100, 0, 200, 100), attributes: JSONObject()),
            District(id: "W", name: "West", geometry: Self.rectangle(0, 0, 100, 100), attributes: JSONObject()),
        ]
        let locator = try DistrictLocator(districts)
        // Points every 2 m along a row through both districts, on their borders (x = 0, 100, 200) and
        // beyond them, repeated with a row above them (outside): 150,001 points.
        let points = (0...150_000).map { k in Coordinate(Double(k % 150) * 2 - 25, k % 7 == 0 ? 150 : 50) }
        let found = try locator.districts(of: points)
        let expected = points.map { p -> Int? in
            guard p.y <= 100 else { return nil }
            if p.x >= 100 && p.x <= 200 { return 0 }
            if p.x >= 0 && p.x < 100 { return 1 }
            return nil
        }
        try #require(found.count == points.count)
        let mismatches = points.indices.filter { found[$0] != expected[$0] }
        #expect(mismatches.isEmpty, "\(mismatches.count) points differ, the first at \(mismatches.first ?? -1)")
        #expect(try DistrictLocator([]).districts(of: points).allSatisfy { $0 == nil })
    }

    @Test func schoolsWithoutABuildingBecomePointBuildingsInTheIndex() throws {
        var data = GeoData(crs: .etrs89UTM32)
        data.buildings = [
            Building(id: "a", geometry: Self.rectangle(0, 0, 10, 10), use: .residential, households: 1),
            Building(id: "b", geometry: Self.rectangle(500, 0, 510, 10), use: .hospital, households: 0),
        ]
        data.schools = [
            School(id: "s1", name: "Near", geometry: .point(Coordinate(12, 5)), attributes: JSONObject()),
            School(id: "s2", name: "Far", geometry: .point(Coordinate(250, 300)), attributes: JSONObject()),
        ]
        data.districts = [
            District(id: "d", name: "D", geometry: Self.rectangle(-10, -10, 100, 100), attributes: JSONObject())
        ]
        let context = try SpatialContext(data: data, settings: AnalysisSettings())
        // s1 lies 2 m from a (within the 20 m default); s2 lies 290 m from everything: a point building.
        #expect(context.buildings.map(\.id) == ["a", "b", "school:s2"])
        #expect(context.focus.schoolBuildings == [0, 2])
        #expect(context.focus.kinds == ["school", "hospital", "school"])
        #expect(context.focus.schoolsWithoutBuilding == 1)
        // The index holds the added building: a query at the school's point finds it.
        #expect(context.index.query(near: Coordinate(250, 300), radius: 1) == [2])
        // Districts from the centres: a's centre (5, 5) is in D, b's (505, 5) and s2's are not.
        #expect(context.buildingDistricts == [0, nil, nil])
        #expect(context.centres[0] == Coordinate(5, 5))
    }
}
