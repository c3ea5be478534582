import GeoCore
import Planning

/// The coverage raster as map tiles: each grid cell one pixel, coloured by the best outdoor downlink
/// rate of any technology and operator.
enum CoverageTiles {
    static let tileSize = 256

    static func colour(_ mbps: Double) -> [UInt8] { CoverageLegend.colour(mbps) }

    static func bestMbps(_ grid: CoverageGrid, cell: Int) -> Double {
        var best = 0.0
        for s in grid.coverage.services.indices {
            best = max(best, grid.coverage.servingLink(receiver: cell, service: s, indoor: false)?.mbps ?? 0)
        }
        return best
    }

    /// The whole grid as one opaque PNG, one pixel per cell, north up, in the legend's colours.
    static func image(_ grid: CoverageGrid) -> [UInt8] {
        var rgba = [UInt8](repeating: 0, count: grid.columns * grid.rows * 4)
        for y in 0..<grid.rows {
            let row = grid.rows - 1 - y
            for x in 0..<grid.columns {
                let c = colour(bestMbps(grid, cell: row * grid.columns + x))
                let o = (y * grid.columns + x) * 4
                rgba[o] = c[0]
                rgba[o + 1] = c[1]
                rgba[o + 2] = c[2]
                // Opaque, so that the drawn colours are the legend's colours.
                rgba[o + 3] = 255
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
                        rgba[o] = c[0]
                        rgba[o + 1] = c[1]
                        rgba[o + 2] = c[2]
                        rgba[o + 3] = c[3]
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
