/// Many polygonal footprints in flat arrays, prepared once, for the nearest-point queries of inner
/// loops: no enum or array indirection per query and no geometry library call. The answers equal
/// `Geometry.nearestPoint(to:)` (the same arithmetic in the same order).
public struct FootprintSet: Sendable {
    private var xs: [Double] = []
    private var ys: [Double] = []
    /// Ring r holds coordinates ringStart[r] ..< ringStart[r + 1]; the first ring of a polygon is its exterior.
    private var ringStart: [Int32] = [0]
    /// Polygon k holds rings polygonStart[k] ..< polygonStart[k + 1].
    private var polygonStart: [Int32] = [0]
    /// Footprint f holds polygons footprintStart[f] ..< footprintStart[f + 1] (none for a non-polygonal geometry).
    private var footprintStart: [Int32] = [0]

    /// One footprint per geometry; points and lines (and nil) have none.
    public init(_ geometries: [Geometry?]) {
        for g in geometries {
            if let g, g.isPolygonal {
                for polygon in g.polygons {
                    for ring in polygon.rings {
                        xs += ring.map(\.x)
                        ys += ring.map(\.y)
                        ringStart.append(Int32(xs.count))
                    }
                    polygonStart.append(Int32(ringStart.count - 1))
                }
            }
            footprintStart.append(Int32(polygonStart.count - 1))
        }
    }

    public var count: Int { footprintStart.count - 1 }

    /// Whether footprint `f` has polygons.
    public func hasPolygons(_ f: Int) -> Bool { footprintStart[f + 1] > footprintStart[f] }

    /// The point of footprint `f` nearest to `p` (`p` itself inside it); nil when `f` has no polygons.
    public func nearestPoint(_ f: Int, to p: Coordinate) -> Coordinate? {
        let first = Int(footprintStart[f])
        let end = Int(footprintStart[f + 1])
        guard end > first else { return nil }
        var best = p
        var bestDistance = Double.infinity
        for k in first..<end {
            let q = nearestPoint(polygon: k, to: p)
            let d = q.squaredDistance(to: p)
            if d < bestDistance {
                bestDistance = d
                best = q
            }
        }
        return best
    }

    /// `Polygon.nearestPoint(to:)` on polygon k.
    private func nearestPoint(polygon k: Int, to p: Coordinate) -> Coordinate {
        let firstRing = Int(polygonStart[k])
        let endRing = Int(polygonStart[k + 1])
        var inside = ringContains(firstRing, p)
        if inside {
            for r in (firstRing + 1)..<endRing where ringContains(r, p) {
                inside = false
                break
            }
        }
        if inside { return p }
        let exteriorStart = Int(ringStart[firstRing])
        var best = exteriorStart < Int(ringStart[firstRing + 1]) ? Coordinate(xs[exteriorStart], ys[exteriorStart]) : p
        var bestDistance = Double.infinity
        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                for r in firstRing..<endRing {
                    let start = Int(ringStart[r])
                    let end = Int(ringStart[r + 1])
                    guard end - start > 1 else { continue }
                    for i in start..<(end - 1) {
                        let q = Segment.nearestPoint(
                            on: Coordinate(xs[i], ys[i]), Coordinate(xs[i + 1], ys[i + 1]), to: p)
                        let d = q.squaredDistance(to: p)
                        if d < bestDistance {
                            bestDistance = d
                            best = q
                        }
                    }
                }
            }
        }
        return best
    }

    /// `Ring.contains` on ring r (even-odd crossings).
    private func ringContains(_ r: Int, _ p: Coordinate) -> Bool {
        let start = Int(ringStart[r])
        let end = Int(ringStart[r + 1])
        guard end > start else { return false }
        var inside = false
        var j = end - 1
        for i in start..<end {
            let ax = xs[i]
            let ay = ys[i]
            let bx = xs[j]
            let by = ys[j]
            if (ay > p.y) != (by > p.y) {
                let xCross = (bx - ax) * (p.y - ay) / (by - ay) + ax
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
