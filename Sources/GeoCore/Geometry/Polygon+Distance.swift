/// Planar distance queries in pure Swift, for inner loops where a GEOS call per test would cost too much.
extension Polygon {
    /// Whether the point lies inside the polygon (in the exterior, not in a hole).
    public func contains(_ p: Coordinate) -> Bool {
        Ring.contains(exterior, p) && !holes.contains { Ring.contains($0, p) }
    }

    /// The point of the polygon (boundary or interior) nearest to `p`; `p` itself when inside.
    public func nearestPoint(to p: Coordinate) -> Coordinate {
        if contains(p) { return p }
        var best = exterior.first ?? p
        var bestDistance = Double.infinity
        for ring in rings where ring.count > 1 {
            for i in 0..<(ring.count - 1) {
                let q = Segment.nearestPoint(on: ring[i], ring[i + 1], to: p)
                let d = q.squaredDistance(to: p)
                if d < bestDistance {
                    bestDistance = d
                    best = q
                }
            }
        }
        return best
    }

    /// Distance from the point to the polygon; 0 inside.
    public func distance(to p: Coordinate) -> Double { nearestPoint(to: p).distance(to: p) }
}

extension Geometry {
    /// The point of the geometry nearest to `p` (pure Swift; points, lines and polygons).
    public func nearestPoint(to p: Coordinate) -> Coordinate {
        var best = p
        var bestDistance = Double.infinity
        func consider(_ q: Coordinate) {
            let d = q.squaredDistance(to: p)
            if d < bestDistance {
                bestDistance = d
                best = q
            }
        }
        switch self {
        case .point(let c): consider(c)
        case .multiPoint(let cs): cs.forEach(consider)
        case .lineString(let cs):
            for i in 0..<max(cs.count - 1, 0) { consider(Segment.nearestPoint(on: cs[i], cs[i + 1], to: p)) }
            if cs.count == 1 { consider(cs[0]) }
        case .multiLineString(let ls): ls.forEach { consider(Geometry.lineString($0).nearestPoint(to: p)) }
        case .polygon(let poly): consider(poly.nearestPoint(to: p))
        case .multiPolygon(let ps): ps.forEach { consider($0.nearestPoint(to: p)) }
        case .collection(let gs): gs.forEach { consider($0.nearestPoint(to: p)) }
        }
        return best
    }

    /// Distance from `p` to the geometry (0 inside a polygon).
    public func planarDistance(to p: Coordinate) -> Double { nearestPoint(to: p).distance(to: p) }
}

/// Line-segment helpers.
public enum Segment {
    /// The point on segment a–b nearest to p.
    public static func nearestPoint(on a: Coordinate, _ b: Coordinate, to p: Coordinate) -> Coordinate {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return a }
        // The projection's parameter, clamped to [0, 1]; beyond either end no division is needed.
        let dot = (p.x - a.x) * dx + (p.y - a.y) * dy
        let t = dot <= 0 ? 0 : dot >= lengthSquared ? 1 : dot / lengthSquared
        return Coordinate(a.x + t * dx, a.y + t * dy)
    }
}
