import GeoCore
import Testing

@testable import Planning

/// The project areas' outline: the union of their areas' outlines, with GEOS only where they intersect.
@Suite struct PolygonDissolveTests {
    static func square(_ minX: Double, _ minY: Double, _ side: Double) -> Geometry {
        .polygon(.rectangle(BoundingBox(minX: minX, minY: minY, maxX: minX + side, maxY: minY + side)))
    }

    /// Pieces that share an edge or overlap are dissolved; pieces apart are kept as they are, in the order
    /// of each group's first piece. Areas by hand: 2 × 100, 100, 100 + 100 − 5 × 10.
    @Test func dissolvesWhereBoxesMeetAndKeepsTheRest() throws {
        let apart = Self.square(100, 0, 10)
        let pieces = [
            Self.square(0, 0, 10), apart, Self.square(200, 0, 10), Self.square(10, 0, 10), Self.square(205, 0, 10),
        ]
        let polygons = try PolygonDissolve.union(pieces)
        #expect(polygons.count == 3)
        let areas = try polygons.map { try Geometry.polygon($0).area() }
        #expect(areas.count == 3 && abs(areas[0] - 200) < 1e-9 && abs(areas[1] - 100) < 1e-9)
        #expect(areas.count == 3 && abs(areas[2] - 150) < 1e-9)
        #expect(polygons[1] == apart.polygons[0])
        // The same ground as GEOS's union of all pieces at once.
        let reference = try Geometry.union(pieces)
        let mine = Geometry.multiPolygon(polygons)
        #expect(try mine.difference(reference).area() + reference.difference(mine).area() < 1e-9)
    }

    /// A piece inside another's hole has a box inside the other's box but no common point: both are kept
    /// as they are; a chain of pieces that meet only through a third is one group.
    @Test func holesAndChains() throws {
        let outer = Polygon(
            exterior: Polygon.rectangle(BoundingBox(minX: 0, minY: 0, maxX: 30, maxY: 30)).exterior,
            holes: [Polygon.rectangle(BoundingBox(minX: 10, minY: 10, maxX: 20, maxY: 20)).exterior.reversed()])
        let island = Self.square(12, 12, 6)
        let chain = [Self.square(100, 0, 10), Self.square(120, 0, 10), Self.square(108, 0, 14)]
        let polygons = try PolygonDissolve.union([.polygon(outer), island] + chain)
        #expect(polygons.count == 3)
        let areas = try polygons.map { try Geometry.polygon($0).area() }
        // Ring with its hole, the island, the chain (two 10 m squares, a 14 m one overlapping each by 2 × 10).
        let expected: Double = (900 - 100) + 36 + (100 + 100 + 196 - 2 * 20)
        #expect(abs(areas.reduce(0, +) - expected) < 1e-9)
        #expect(polygons[0] == outer && polygons[1] == island.polygons[0])
        #expect(try PolygonDissolve.union([]).isEmpty)
    }

    /// Boxes that meet decide nothing: an L-shaped piece and a square in its notch, 1 m apart, are kept as
    /// they are; the same square moved to touch the L along an edge is dissolved with it (areas by hand:
    /// the L is 20 × 20 − 10 × 10 = 300, the square 9 × 9 = 81).
    @Test func keepsApartPiecesWhoseBoxesMeet() throws {
        let l = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(0, 0), Coordinate(20, 0), Coordinate(20, 10), Coordinate(10, 10), Coordinate(10, 20),
                Coordinate(0, 20), Coordinate(0, 0),
            ]))
        let apart = Self.square(11, 11, 9)
        let kept = try PolygonDissolve.union([l, apart])
        #expect(kept == l.polygons + apart.polygons)
        let touching = Self.square(10, 10, 9)
        let dissolved = try PolygonDissolve.union([l, touching])
        #expect(dissolved.count == 1)
        #expect(try abs(Geometry.multiPolygon(dissolved).area() - 381) < 1e-9)
    }
}
