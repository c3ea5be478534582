import GeoCore
import Planning

/// The coverage raster as map tiles: each grid cell one pixel, coloured by the best outdoor downlink
/// rate of any technology and operator.
enum CoverageTiles {
    static let tileSize = 256

    /// Colour classes (lower bound in Mbit/s, RGBA), from no service to gigabit.
    static let classes: [(Double, [UInt8])] = [
        (0, [215, 25, 28, 200]), (2, [253, 174, 97, 200]), (30, [255, 255, 140, 200]),
        (100, [166, 217, 106, 200]), (300, [26, 150, 65, 200]),
    ]

    static func colour(_ mbps: Double) -> [UInt8] {
        classes.last { mbps >= $0.0 }!.1
    }

    static func bestMbps(_ grid: CoverageGrid, cell: Int) -> Double {
        var best = 0.0
        for s in grid.coverage.services.indices {
            best = max(best, grid.coverage.quality(receiver: cell, service: s, indoor: false)?.downlinkMbps ?? 0)
        }
        return best
    }

    /// Legend entries of the colour classes.
    static let legend: [(String, String)] = [
        ("mobile < 2 Mbit/s", "#d7191c"), ("mobile 2–30 Mbit/s", "#fdae61"), ("mobile 30–100 Mbit/s", "#ffff8c"),
        ("mobile 100–300 Mbit/s", "#a6d96a"), ("mobile ≥ 300 Mbit/s", "#1a9641"),
    ]

    /// The whole grid as one PNG, one pixel per cell, north up.
    static func image(_ grid: CoverageGrid) -> [UInt8] {
        var rgba = [UInt8](repeating: 0, count: grid.columns * grid.rows * 4)
        for y in 0..<grid.rows {
            let row = grid.rows - 1 - y
            for x in 0..<grid.columns {
                let c = colour(bestMbps(grid, cell: row * grid.columns + x))
                let o = (y * grid.columns + x) * 4
                rgba[o] = c[0]; rgba[o + 1] = c[1]; rgba[o + 2] = c[2]; rgba[o + 3] = 150
            }
        }
        return PNGEncoder.encode(width: grid.columns, height: grid.rows, rgba: rgba)
    }

    /// PNG tiles (row 0 at the top) and the top-left corner of the tile grid.
    static func make(_ grid: CoverageGrid) -> (tiles: [[[UInt8]]], topLeft: Coordinate) {
        let tileColumns = (grid.columns + tileSize - 1) / tileSize
        let tileRows = (grid.rows + tileSize - 1) / tileSize
        let top = grid.origin.y + Double(grid.rows) * grid.resolutionM
        var tiles: [[[UInt8]]] = []
        for tr in 0..<tileRows {
            var row: [[UInt8]] = []
            for tc in 0..<tileColumns {
                var rgba = [UInt8](repeating: 0, count: tileSize * tileSize * 4)
                var any = false
                for py in 0..<tileSize {
                    let gridRow = grid.rows - 1 - (tr * tileSize + py)
                    guard gridRow >= 0 else { continue }
                    for px in 0..<tileSize {
                        let gridColumn = tc * tileSize + px
                        guard gridColumn < grid.columns else { continue }
                        let c = colour(bestMbps(grid, cell: gridRow * grid.columns + gridColumn))
                        let o = (py * tileSize + px) * 4
                        rgba[o] = c[0]; rgba[o + 1] = c[1]; rgba[o + 2] = c[2]; rgba[o + 3] = c[3]
                        any = true
                    }
                }
                row.append(any ? PNGEncoder.encode(width: tileSize, height: tileSize, rgba: rgba) : [])
            }
            tiles.append(row)
        }
        return (tiles, Coordinate(grid.origin.x, top))
    }
}
