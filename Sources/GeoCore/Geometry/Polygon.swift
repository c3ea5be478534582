/// A polygon: one exterior ring and any number of holes. Rings are closed (first == last coordinate).
public struct Polygon: Sendable, Hashable {
    public var exterior: [Coordinate]
    public var holes: [[Coordinate]]

    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// All rings, exterior first.
    public var rings: [[Coordinate]] { [exterior] + holes }

    /// An axis-aligned rectangle as a closed, counter-clockwise polygon.
    public static func rectangle(_ box: BoundingBox) -> Polygon {
        Polygon(exterior: [
            Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.minY), Coordinate(box.maxX, box.maxY),
            Coordinate(box.minX, box.maxY), Coordinate(box.minX, box.minY),
        ])
    }
}

/// Ring arithmetic that needs no geometry library.
public enum Ring {
    /// The signed area by the shoelace formula (half the sum of the cross products); positive for
    /// counter-clockwise rings.
    public static func signedArea(_ ring: [Coordinate]) -> Double { ring.withUnsafeBufferPointer { signedArea($0) } }

    /// The signed area of a ring read in place (`signedArea(_:)`).
    public static func signedArea(_ ring: UnsafeBufferPointer<Coordinate>) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) { sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y }
        if ring.first != ring.last, let first = ring.first, let last = ring.last {
            sum += last.x * first.y - first.x * last.y
        }
        return sum / 2
    }

    /// Whether the closed ring is certainly strictly convex and simple: at least three corners, every
    /// turn to the same side by far more than rounding could change (the cross product of the two edges
    /// exceeds 10⁻¹² of the sum of its terms' magnitudes), and one turn around in all (the edges' x and
    /// y components each change sign at most twice around the ring, which rules out star shapes that
    /// wind more than once). A ring it says yes to is simple and encloses an area, so a polygon of it
    /// alone is valid by the OGC rules; false means only that it cannot tell.
    public static func isStrictlyConvex(_ ring: [Coordinate]) -> Bool {
        let corners = ring.count - 1
        guard corners >= 3, ring[0] == ring[corners] else { return false }
        var side = 0.0
        var (xChanges, yChanges) = (0, 0)
        var (firstDX, firstDY, lastDX, lastDY) = (0.0, 0.0, 0.0, 0.0)
        for k in 0..<corners {
            let a = ring[k]
            let b = ring[k + 1]
            let c = ring[k + 2 <= corners ? k + 2 : 1]
            guard a.x.isFinite, a.y.isFinite else { return false }
            let (ex, ey, fx, fy) = (b.x - a.x, b.y - a.y, c.x - b.x, c.y - b.y)
            let (p, q) = (ex * fy, ey * fx)
            let cross = p - q
            guard abs(cross) > 1e-12 * (abs(p) + abs(q)), cross * side >= 0 else { return false }
            side = cross
            if ex != 0 {
                if lastDX != 0, (ex > 0) != (lastDX > 0) { xChanges += 1 }
                if firstDX == 0 { firstDX = ex }
                lastDX = ex
            }
            if ey != 0 {
                if lastDY != 0, (ey > 0) != (lastDY > 0) { yChanges += 1 }
                if firstDY == 0 { firstDY = ey }
                lastDY = ey
            }
        }
        if (firstDX > 0) != (lastDX > 0) { xChanges += 1 }
        if (firstDY > 0) != (lastDY > 0) { yChanges += 1 }
        return xChanges <= 2 && yChanges <= 2
    }

    /// Whether the ring's first and last coordinates are the same.
    public static func isClosed(_ ring: [Coordinate]) -> Bool {
        guard let first = ring.first, let last = ring.last else { return false }
        return first == last
    }

    /// The ring with the requested orientation.
    public static func oriented(_ ring: [Coordinate], counterClockwise: Bool) -> [Coordinate] {
        (signedArea(ring) > 0) == counterClockwise ? ring : ring.reversed()
    }

    /// Point-in-ring test by ray casting (boundary points may go either way).
    public static func contains(_ ring: [Coordinate], _ p: Coordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i]
            let b = ring[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
