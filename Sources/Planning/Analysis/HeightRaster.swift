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
    /// The tallest value in each block of `blockSize` × `blockSize` cells, so that rays cross empty
    /// blocks in one step.
    private var blockMaxima: [UInt8] = []
    private var blockColumns = 0
    public static let blockSize = 8

    /// Rasterises the footprints (polygons) of `buildings` over `box`.
    public init(box: BoundingBox, cellSize: Double, footprints: [(Geometry, Double)]) {
        self.origin = Coordinate(box.minX, box.minY)
        self.cellSize = cellSize
        columns = max(1, Int((box.width / cellSize).rounded(.up)))
        rows = max(1, Int((box.height / cellSize).rounded(.up)))
        heights = [UInt8](repeating: 0, count: columns * rows)
        var crossings: [Double] = []
        for (geometry, height) in footprints {
            let value = UInt8(max(0, min(255, (height * 2).rounded())))
            for polygon in geometry.polygons { fill(polygon, value, crossings: &crossings) }
        }
        let b = Self.blockSize
        blockColumns = (columns + b - 1) / b
        let blockRows = (rows + b - 1) / b
        blockMaxima = [UInt8](repeating: 0, count: blockColumns * blockRows)
        for r in 0..<rows {
            for c in 0..<columns where heights[r * columns + c] > blockMaxima[(r / b) * blockColumns + c / b] {
                blockMaxima[(r / b) * blockColumns + c / b] = heights[r * columns + c]
            }
        }
    }

    /// Scan-line fill: every cell whose centre lies inside the polygon. `crossings` is a buffer kept from
    /// polygon to polygon.
    private mutating func fill(_ polygon: Polygon, _ value: UInt8, crossings: inout [Double]) {
        guard let box = BoundingBox(covering: polygon.exterior) else { return }
        let r0 = max(0, Int(((box.minY - origin.y) / cellSize - 0.5).rounded(.up)))
        let r1 = min(rows - 1, Int(((box.maxY - origin.y) / cellSize - 0.5).rounded(.down)))
        guard r0 <= r1 else { return }
        /// The x of every edge of `ring` that crosses the line at `y`.
        func cross(_ ring: [Coordinate], _ y: Double) {
            guard ring.count > 1 else { return }
            for i in 0..<(ring.count - 1) {
                let a = ring[i]
                let b = ring[i + 1]
                if (a.y > y) != (b.y > y) { crossings.append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)) }
            }
        }
        let columns = columns
        heights.withUnsafeMutableBufferPointer { heights in
            for r in r0...r1 {
                let y = origin.y + (Double(r) + 0.5) * cellSize
                crossings.removeAll(keepingCapacity: true)
                cross(polygon.exterior, y)
                for hole in polygon.holes { cross(hole, y) }
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
    }

    /// Building height at a point, m (0 outside buildings and outside the raster).
    public func height(at p: Coordinate) -> Double {
        let c = Int((p.x - origin.x) / cellSize)
        let r = Int((p.y - origin.y) / cellSize)
        guard c >= 0, r >= 0, c < columns, r < rows else { return 0 }
        return Double(heights[r * columns + c]) / 2
    }

    /// Whether the straight line from `a` (height `ha`) to `b` (height `hb`) clears every building,
    /// sampling every half cell. The first and last `skip` metres are not tested (the receiver's own
    /// wall and the mast's own roof). Marches from `b`, where blockages are most likely, and crosses
    /// blocks whose tallest building stays below the line in one step (exact: the line is straight).
    public func lineOfSight(
        from a: Coordinate, height ha: Double, to b: Coordinate, height hb: Double, skip: Double = 2
    ) -> Bool {
        let dx = a.x - b.x
        let dy = a.y - b.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 2 * skip else { return true }
        let ux = dx / length
        let uy = dy / length
        let slope = (ha - hb) / length
        let step = cellSize / 2
        let inverseCell = 1 / cellSize
        let blockMetres = cellSize * Double(Self.blockSize)
        var t = skip
        let end = length - skip
        while t < end {
            let x = b.x + ux * t
            let y = b.y + uy * t
            let fx = (x - origin.x) * inverseCell
            let fy = (y - origin.y) * inverseCell
            guard fx >= 0, fy >= 0, fx < Double(columns), fy < Double(rows) else {
                t += step
                continue
            }
            // Where the line leaves the current block.
            let bc = Int(fx) / Self.blockSize
            let br = Int(fy) / Self.blockSize
            let bx0 = origin.x + Double(bc) * blockMetres
            let by0 = origin.y + Double(br) * blockMetres
            let tx = ux > 0 ? (bx0 + blockMetres - x) / ux : ux < 0 ? (bx0 - x) / ux : .infinity
            let ty = uy > 0 ? (by0 + blockMetres - y) / uy : uy < 0 ? (by0 - y) / uy : .infinity
            let exit = min(t + min(tx, ty), end)
            let tallest = Double(blockMaxima[br * blockColumns + bc]) / 2
            if tallest > min(hb + slope * t, hb + slope * exit) {
                // Sample the block's cells along the line.
                while t < exit {
                    let c = Int((b.x + ux * t - origin.x) * inverseCell)
                    let r = Int((b.y + uy * t - origin.y) * inverseCell)
                    if c >= 0, r >= 0, c < columns, r < rows {
                        let building = Double(heights[r * columns + c]) / 2
                        if building > 0 && building > hb + slope * t { return false }
                    }
                    t += step
                }
            }
            t = max(t, exit + 1e-6)
        }
        return true
    }
}
