/// Many polygonal footprints in flat arrays, prepared once, for the nearest-point queries of inner
/// loops: no enum or array indirection per query, no geometry library call, four queries at a time.
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
        /// The polygons of a polygonal geometry, without making an array of them.
        func forEachPolygon(_ g: Geometry?, _ body: (Polygon) -> Void) {
            switch g {
            case .polygon(let p)?: body(p)
            case .multiPolygon(let ps)?: ps.forEach(body)
            default: break
            }
        }
        // The sizes first: each array is allocated once, at its size.
        var (coordinates, rings, polygons) = (0, 0, 0)
        for g in geometries {
            forEachPolygon(g) { p in
                polygons += 1
                rings += 1 + p.holes.count
                coordinates += p.exterior.count + p.holes.reduce(0) { $0 + $1.count }
            }
        }
        xs.reserveCapacity(coordinates)
        ys.reserveCapacity(coordinates)
        ringStart.reserveCapacity(rings + 1)
        polygonStart.reserveCapacity(polygons + 1)
        footprintStart.reserveCapacity(geometries.count + 1)
        func add(_ ring: [Coordinate]) {
            for c in ring {
                xs.append(c.x)
                ys.append(c.y)
            }
            ringStart.append(Int32(xs.count))
        }
        for g in geometries {
            forEachPolygon(g) { polygon in
                add(polygon.exterior)
                polygon.holes.forEach(add)
                polygonStart.append(Int32(ringStart.count - 1))
            }
            footprintStart.append(Int32(polygonStart.count - 1))
        }
    }

    public var count: Int { footprintStart.count - 1 }

    /// The points of footprint `f` nearest to four points at once, one per lane (a point itself where
    /// it lies inside); nil when `f` has no polygons. Each lane's answer equals
    /// `Geometry.nearestPoint(to:)` to the bit: the same arithmetic in the same order.
    public func nearestPoints(
        _ f: Int, toX px: SIMD4<Double>, y py: SIMD4<Double>
    ) -> (x: SIMD4<Double>, y: SIMD4<Double>)? {
        let first = Int(footprintStart[f])
        let end = Int(footprintStart[f + 1])
        guard end > first else { return nil }
        return xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                var bestX = px
                var bestY = py
                var bestDistance = SIMD4<Double>(repeating: .infinity)
                for k in first..<end {
                    let q = nearestPoints(polygon: k, px, py, xs, ys)
                    let ex = q.x - px
                    let ey = q.y - py
                    let d = ex * ex + ey * ey
                    let closer = d .< bestDistance
                    bestDistance.replace(with: d, where: closer)
                    bestX.replace(with: q.x, where: closer)
                    bestY.replace(with: q.y, where: closer)
                }
                return (bestX, bestY)
            }
        }
    }

    /// `Polygon.nearestPoint(to:)` on polygon k, in lanes.
    @inline(__always) private func nearestPoints(
        polygon k: Int, _ px: SIMD4<Double>, _ py: SIMD4<Double>, _ xs: UnsafeBufferPointer<Double>,
        _ ys: UnsafeBufferPointer<Double>
    ) -> (x: SIMD4<Double>, y: SIMD4<Double>) {
        let firstRing = Int(polygonStart[k])
        let endRing = Int(polygonStart[k + 1])
        var inside = ringContains(firstRing, px, py, xs, ys)
        for r in (firstRing + 1)..<endRing where any(inside) { inside .&= .!ringContains(r, px, py, xs, ys) }
        let exteriorStart = Int(ringStart[firstRing])
        let hasExterior = exteriorStart < Int(ringStart[firstRing + 1])
        var bestX = hasExterior ? SIMD4(repeating: xs[exteriorStart]) : px
        var bestY = hasExterior ? SIMD4(repeating: ys[exteriorStart]) : py
        var bestDistance = SIMD4<Double>(repeating: .infinity)
        for r in firstRing..<endRing {
            let start = Int(ringStart[r])
            let end = Int(ringStart[r + 1])
            guard end - start > 1 else { continue }
            for i in start..<(end - 1) {
                // `Segment.nearestPoint(on:_:to:)`: a zero-length segment gives its start.
                let ax = xs[i]
                let ay = ys[i]
                let dx = xs[i + 1] - ax
                let dy = ys[i + 1] - ay
                let lengthSquared = dx * dx + dy * dy
                let dot = (px - ax) * dx + (py - ay) * dy
                var t = dot / lengthSquared
                t.replace(with: 1, where: dot .>= lengthSquared)
                t.replace(with: 0, where: dot .<= 0)
                var qx = ax + t * dx
                var qy = ay + t * dy
                if !(lengthSquared > 0) {
                    qx = SIMD4(repeating: ax)
                    qy = SIMD4(repeating: ay)
                }
                let ex = qx - px
                let ey = qy - py
                let d = ex * ex + ey * ey
                let closer = d .< bestDistance
                bestDistance.replace(with: d, where: closer)
                bestX.replace(with: qx, where: closer)
                bestY.replace(with: qy, where: closer)
            }
        }
        bestX.replace(with: px, where: inside)
        bestY.replace(with: py, where: inside)
        return (bestX, bestY)
    }

    /// `Ring.contains` on ring r (even-odd crossings), in lanes.
    @inline(__always) private func ringContains(
        _ r: Int, _ px: SIMD4<Double>, _ py: SIMD4<Double>, _ xs: UnsafeBufferPointer<Double>,
        _ ys: UnsafeBufferPointer<Double>
    ) -> SIMDMask<SIMD4<Int64>> {
        let start = Int(ringStart[r])
        let end = Int(ringStart[r + 1])
        var inside = SIMDMask<SIMD4<Int64>>(repeating: false)
        guard end > start else { return inside }
        var j = end - 1
        for i in start..<end {
            let ax = xs[i]
            let ay = ys[i]
            let bx = xs[j]
            let by = ys[j]
            let crosses = (py .< ay) .^ (py .< by)
            if any(crosses) {
                let xCross = (bx - ax) * (py - ay) / (by - ay) + ax
                inside .^= crosses .& (px .< xCross)
            }
            j = i
        }
        return inside
    }
}
