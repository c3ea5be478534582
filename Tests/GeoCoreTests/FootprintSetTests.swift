import Foundation
import TestSupport
import Testing

@testable import GeoCore

/// `FootprintSet`'s nearest points, four at a time: against `Geometry.nearestPoint(to:)` (to the bit),
/// and their distances against GEOS's.
struct FootprintSetTests {
    /// A star-shaped ring around a centre: concave where a radius is short, closed.
    static func ring(
        around c: Coordinate, radius: ClosedRange<Double>, corners: Int, _ g: inout SplitMix64
    ) -> [Coordinate] {
        var ring = (0..<corners).map { k -> Coordinate in
            let angle = Double(k) / Double(corners) * 2 * Double.pi
            let r = Double.random(in: radius, using: &g)
            // Whole decimetres, so that points can lie on a vertex's y exactly.
            return Coordinate(
                ((c.x + r * cos(angle)) * 10).rounded() / 10, ((c.y + r * sin(angle)) * 10).rounded() / 10)
        }
        ring.append(ring[0])
        return ring
    }

    /// Footprints of every kind the engine meets: convex and concave polygons, polygons with a hole,
    /// multipolygons, a ring with a repeated vertex (a zero-length edge), and no footprint at all.
    static func footprints(_ g: inout SplitMix64) -> [Geometry?] {
        var list: [Geometry?] = [nil, .point(Coordinate(0, 0))]
        for k in 0..<60 {
            let c = Coordinate(Double(k % 10) * 40, Double(k / 10) * 40)
            let exterior = ring(around: c, radius: 6...15, corners: 4 + k % 7, &g)
            switch k % 4 {
            case 0: list.append(.polygon(Polygon(exterior: exterior)))
            case 1:
                let hole = ring(around: c, radius: 2...4, corners: 4, &g)
                list.append(.polygon(Polygon(exterior: exterior, holes: [Array(hole.reversed())])))
            case 2:
                let other = ring(around: Coordinate(c.x + 20, c.y + 5), radius: 3...6, corners: 5, &g)
                list.append(.multiPolygon([Polygon(exterior: exterior), Polygon(exterior: other)]))
            default:
                var repeated = exterior
                repeated.insert(repeated[1], at: 1)
                list.append(.polygon(Polygon(exterior: repeated)))
            }
        }
        return list
    }

    /// Points near the footprints, inside them and inside their holes, and some on the y of a vertex.
    static func points(near geometry: Geometry?, _ g: inout SplitMix64) -> [Coordinate] {
        let corners = geometry?.polygons.flatMap { $0.rings.flatMap { $0 } } ?? []
        let vertices = corners.isEmpty ? [Coordinate(0, 0)] : corners
        let c = vertices[0]
        var points = (0..<14).map { _ in
            Coordinate(c.x + Double.random(in: -40...40, using: &g), c.y + Double.random(in: -40...40, using: &g))
        }
        for v in vertices.prefix(5) {
            points.append(Coordinate(v.x + Double.random(in: -30...30, using: &g), v.y))
            points.append(Coordinate(v.x - 0.05, v.y + 0.05))
        }
        // The mean of each ring's corners: inside the exterior, inside a hole.
        for polygon in geometry?.polygons ?? [] {
            for ring in polygon.rings {
                let corners = ring.dropLast()
                let n = Double(corners.count)
                points.append(Coordinate(corners.map(\.x).reduce(0, +) / n, corners.map(\.y).reduce(0, +) / n))
            }
        }
        points.append(c)
        return points
    }

    @Test func lanesEqualTheGeometrysNearestPointToTheBit() throws {
        var g = SplitMix64(state: 42)
        let geometries = Self.footprints(&g)
        let set = FootprintSet(geometries)
        var compared = 0
        for (f, geometry) in geometries.enumerated() {
            let points = Self.points(near: geometry, &g)
            for start in stride(from: 0, to: points.count, by: 4) {
                let group = (0..<4).map { points[min(start + $0, points.count - 1)] }
                let lanes = set.nearestPoints(f, toX: SIMD4(group.map(\.x)), y: SIMD4(group.map(\.y)))
                guard let geometry, geometry.isPolygonal else {
                    #expect(lanes == nil, "footprint \(f) has no polygons")
                    continue
                }
                let answer = try #require(lanes)
                for (j, p) in group.enumerated() {
                    let expected = geometry.nearestPoint(to: p)
                    #expect(
                        answer.x[j].bitPattern == expected.x.bitPattern
                            && answer.y[j].bitPattern == expected.y.bitPattern,
                        "footprint \(f), point \(p): lanes (\(answer.x[j]), \(answer.y[j])), geometry \(expected)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1500)
    }

    @Test func distanceEqualsGEOS() throws {
        var g = SplitMix64(state: 7)
        let geometries = Self.footprints(&g)
        let set = FootprintSet(geometries)
        var inside = 0
        for (f, geometry) in geometries.enumerated() {
            guard let geometry, geometry.isPolygonal else {
                #expect(set.nearestPoints(f, toX: SIMD4(repeating: 1), y: SIMD4(repeating: 1)) == nil)
                continue
            }
            for p in Self.points(near: geometry, &g) {
                let lanes = try #require(set.nearestPoints(f, toX: SIMD4(repeating: p.x), y: SIMD4(repeating: p.y)))
                let q = Coordinate(lanes.x[0], lanes.y[0])
                let expected = try geometry.distance(to: .point(p))
                #expect(abs(q.distance(to: p) - expected) <= 1e-9, "footprint \(f), point \(p)")
                if q == p { inside += 1 }
            }
        }
        // Some points lie inside (the answer is the point itself, at distance 0), most outside.
        #expect(inside > 20)
    }
}
