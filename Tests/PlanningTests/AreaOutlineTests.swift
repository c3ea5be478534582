import Foundation
import GeoCore
import Testing

@testable import Planning

/// The outline of a cluster of more than the whole-outline limit, made in parts and unioned, against the
/// independent reference: GEOS's union of each footprint's own buffer. The tests set a limit of 1,000 so
/// that a cluster of 2,400 is cut (runs use `UnderservedAreas.wholeOutlineLimit`).
@Suite struct AreaOutlineTests {
    /// Footprints of 10 m × 10 m (some 16 m wide, some with a corner moved) on a grid of 20 m, in
    /// rows that a wider street splits; buffered by 15 m they overlap into one ground with holes nowhere.
    static func footprints(columns: Int, rows: Int) -> [Geometry] {
        var out: [Geometry] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let x = Double(c) * 20 + (r % 2 == 0 ? 0 : 5)
                let y = Double(r) * 20 + (r >= rows / 2 ? 15 : 0)
                let half = (r * columns + c) % 7 == 0 ? 8.0 : 5.0
                var ring = [
                    Coordinate(x - half, y - half), Coordinate(x + half, y - half), Coordinate(x + half, y + half),
                    Coordinate(x - half, y + half),
                ]
                if (r + c) % 5 == 0 { ring[2] = Coordinate(x + half + 2, y + half - 3) }
                ring.append(ring[0])
                out.append(.polygon(Polygon(exterior: ring)))
            }
        }
        return out
    }

    @Test func aLargeClusterIsOutlinedInPartsAsTheUnionOfItsBufferedFootprints() throws {
        let footprints = Self.footprints(columns: 60, rows: 40)
        let members = Array(footprints.indices)
        let parts = UnderservedAreas.spatialParts(members, footprint: { footprints[$0] })
        #expect(parts.count > 1)
        // A small cluster after it is buffered whole: the parts of each cluster go to their own outline.
        let small = Array(members[..<50])
        let both = try UnderservedAreas.outlines(
            [members, small], footprint: { footprints[$0] }, distance: 15, wholeLimit: 1000)
        #expect(both.count == 2)
        #expect(both[1] == (try Geometry.collection(small.map { footprints[$0] }).buffer(15, quadrantSegments: 4)))
        let outline = both[0]
        let reference = try Geometry.union(footprints.map { try $0.buffer(15, quadrantSegments: 4) })
        #expect(outline.isValid)
        let apart = try outline.difference(reference).area() + reference.difference(outline).area()
        #expect(apart < 1e-3, "\(apart) m² apart")
        #expect(abs(try outline.area() - reference.area()) < 1e-3)
        #expect(outline.polygons.count == reference.polygons.count)
        #expect(outline.polygons.map(\.holes.count) == reference.polygons.map(\.holes.count))
        // The same again: the parts and their union's grouping are fixed.
        let again = try UnderservedAreas.outlines(
            [members], footprint: { footprints[$0] }, distance: 15, wholeLimit: 1000)[0]
        #expect(again == outline)
    }

    /// A cluster of as many members as the limit is buffered whole, as before: the same geometry as its
    /// own collection buffered at once.
    @Test func clustersUpToTheLimitAreBufferedWhole() throws {
        let footprints = Self.footprints(columns: 40, rows: 25)
        let members = Array(footprints.indices)
        let outline = try UnderservedAreas.outlines(
            [members], footprint: { footprints[$0] }, distance: 15, wholeLimit: 1000)[0]
        #expect(outline == (try Geometry.collection(footprints).buffer(15, quadrantSegments: 4)))
    }

    /// The parts hold every member once, at most `outlinePartSize` each, and are compact: halving at the
    /// median along the longer side leaves no part much wider than it is tall.
    @Test func partsSplitTheMembersIntoCompactPieces() throws {
        let footprints = Self.footprints(columns: 60, rows: 40)
        // Every footprint once, in a scrambled order (7 and 2,400 have no common factor).
        let members = footprints.indices.map { $0 * 7 % footprints.count }
        let parts = UnderservedAreas.spatialParts(members, footprint: { footprints[$0] })
        #expect(parts.allSatisfy { (1...UnderservedAreas.outlinePartSize).contains($0.count) })
        let placed = parts.flatMap { $0 }
        #expect(placed.count == footprints.count && Set(placed) == Set(footprints.indices))
        for part in parts {
            let anchors = part.map { footprints[$0].anchor! }
            let width = anchors.map(\.x).max()! - anchors.map(\.x).min()!
            let height = anchors.map(\.y).max()! - anchors.map(\.y).min()!
            // Eight anchors on a 20 m grid: at most 4 × 2 cells, offset rows and the street included.
            #expect(width <= 85 && height <= 60, "\(part): \(width) × \(height) m")
        }
        #expect(UnderservedAreas.spatialParts(members, footprint: { footprints[$0] }) == parts)
    }
}
