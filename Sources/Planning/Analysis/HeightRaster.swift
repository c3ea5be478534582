import GeoCore

/// Building heights rasterised on a regular grid, for line-of-sight tests along rays without any
/// polygon intersection: a cell holds the tallest building whose footprint covers its centre, in
/// steps of 0.5 m (0–127.5 m).
public struct HeightRaster: Sendable {
    public let origin: Coordinate
    public let cellSize: Double
    public let columns: Int
    public let rows: Int
    private var heights: [UInt8]

    /// Rasterises the footprints (polygons) of `buildings` over `box`.
    public init(box: BoundingBox, cellSize: Double, footprints: [(Geometry, Double)]) {
        self.origin = Coordinate(box.minX, box.minY)
        self.cellSize = cellSize
        columns = max(1, Int((box.width / cellSize).rounded(.up)))
        rows = max(1, Int((box.height / cellSize).rounded(.up)))
        heights = [UInt8](repeating: 0, count: columns * rows)
        for (geometry, height) in footprints {
            let value = UInt8(max(0, min(255, (height * 2).rounded())))
            for polygon in geometry.polygons { fill(polygon, value) }
        }
    }

    /// Scan-line fill: every cell whose centre lies inside the polygon.
    private mutating func fill(_ polygon: Polygon, _ value: UInt8) {
        guard let box = BoundingBox(covering: polygon.exterior) else { return }
        let r0 = max(0, Int(((box.minY - origin.y) / cellSize - 0.5).rounded(.up)))
        let r1 = min(rows - 1, Int(((box.maxY - origin.y) / cellSize - 0.5).rounded(.down)))
        guard r0 <= r1 else { return }
        var crossings: [Double] = []
        for r in r0...r1 {
            let y = origin.y + (Double(r) + 0.5) * cellSize
            crossings.removeAll(keepingCapacity: true)
            for ring in polygon.rings where ring.count > 1 {
                for i in 0..<(ring.count - 1) {
                    let a = ring[i], b = ring[i + 1]
                    if (a.y > y) != (b.y > y) { crossings.append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)) }
                }
            }
            crossings.sort()
            var k = 0
            while k + 1 < crossings.count {
                let c0 = max(0, Int(((crossings[k] - origin.x) / cellSize - 0.5).rounded(.up)))
                let c1 = min(columns - 1, Int(((crossings[k + 1] - origin.x) / cellSize - 0.5).rounded(.down)))
                if c0 <= c1 {
                    for c in c0...c1 where heights[r * columns + c] < value { heights[r * columns + c] = value }
                }
                k += 2
            }
        }
    }

    /// Building height at a point, m (0 outside buildings and outside the raster).
    public func height(at p: Coordinate) -> Double {
        let c = Int((p.x - origin.x) / cellSize), r = Int((p.y - origin.y) / cellSize)
        guard c >= 0, r >= 0, c < columns, r < rows else { return 0 }
        return Double(heights[r * columns + c]) / 2
    }

    /// Whether the straight line from `a` (height `ha`) to `b` (height `hb`) clears every building,
    /// sampling every half cell. The first and last `skip` metres are not tested (the receiver's own
    /// wall and the mast's own roof). Marches from `b`, where blockages are most likely.
    public func lineOfSight(from a: Coordinate, height ha: Double, to b: Coordinate, height hb: Double, skip: Double = 2) -> Bool {
        let dx = a.x - b.x, dy = a.y - b.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 2 * skip else { return true }
        let step = cellSize / 2
        var t = skip
        let end = length - skip
        while t < end {
            let f = t / length
            let x = b.x + dx * f, y = b.y + dy * f
            let c = Int((x - origin.x) / cellSize), r = Int((y - origin.y) / cellSize)
            if c >= 0, r >= 0, c < columns, r < rows {
                let building = Double(heights[r * columns + c]) / 2
                if building > 0 && building > hb + (ha - hb) * f { return false }
            }
            t += step
        }
        return true
    }
}
