import GeoCore
import Testing

/// `Geometry.simplified(tolerance:)`: Douglas–Peucker, whose repair lets rings narrower than the tolerance
/// vanish, up to `Geometry.topologyPreservingHoles` holes; above, the topology-preserving form, which
/// keeps every ring.
@Suite struct SimplificationTests {
    /// A square of 1 km with `holes` holes of 0.5 m × 0.5 m, 20 m apart, and a wiggle of 0.3 m on its
    /// southern edge that either form takes out at a tolerance of 2 m.
    static func field(holes: Int) -> Geometry {
        let exterior = [
            Coordinate(0, 0), Coordinate(500, 0.3), Coordinate(1000, 0), Coordinate(1000, 1000), Coordinate(0, 1000),
            Coordinate(0, 0),
        ]
        let rings = (0..<holes).map { k -> [Coordinate] in
            let x = 10 + Double(k % 45) * 20
            let y = 10 + Double(k / 45) * 20
            return [
                Coordinate(x, y), Coordinate(x, y + 0.5), Coordinate(x + 0.5, y + 0.5), Coordinate(x + 0.5, y),
                Coordinate(x, y),
            ]
        }
        return .polygon(Polygon(exterior: exterior, holes: rings))
    }

    @Test func upToTheLimitDouglasPeuckerLetsTinyHolesVanish() throws {
        for holes in [10, Geometry.topologyPreservingHoles] {
            let simple = try Self.field(holes: holes).simplified(tolerance: 2)
            #expect(simple.isValid)
            #expect(simple.polygons.count == 1)
            #expect(simple.polygons.first?.holes.count == 0, "\(holes) holes")
            #expect(simple.polygons.first?.exterior.count == 5, "the wiggle is gone")
            #expect(abs(try simple.area() - 1e6) < 1e-6)
        }
    }

    @Test func aboveTheLimitTheTopologyIsKept() throws {
        let holes = Geometry.topologyPreservingHoles + 1
        let simple = try Self.field(holes: holes).simplified(tolerance: 2)
        #expect(simple.isValid)
        #expect(simple.polygons.count == 1)
        #expect(simple.polygons.first?.holes.count == holes)
        #expect(simple.polygons.first?.exterior.count == 5, "the wiggle is gone")
        #expect(abs(try simple.area() - (1e6 - Double(holes) * 0.25)) < 1e-6)
    }
}
