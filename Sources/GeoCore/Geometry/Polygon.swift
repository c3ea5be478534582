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
    public static func signedArea(_ ring: [Coordinate]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) { sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y }
        if ring.first != ring.last, let first = ring.first, let last = ring.last {
            sum += last.x * first.y - first.x * last.y
        }
        return sum / 2
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
