import GeoCore
import Planning
import Radio

/// The coverage grid as a value raster (`coverage.tif`): Float32 bands of the best outdoor downlink over
/// every technology and operator, and per technology the best outdoor RSRP, SINR and Mbit/s (over its
/// operators, the best by Mbit/s), so that a GIS reads values, not colours.
enum CoverageRaster {
    static func bands(_ grid: CoverageGrid) -> [GDALRasterWriter.Band] {
        let coverage = grid.coverage
        let technologies = Set(coverage.services.map(\.technology)).sorted()
        let cells = grid.columns * grid.rows
        var best = [Float](repeating: 0, count: cells)
        var perTechnology = technologies.map { _ in
            (
                rsrp: [Float](repeating: GDALRasterWriter.noData, count: cells),
                sinr: [Float](repeating: GDALRasterWriter.noData, count: cells),
                mbps: [Float](repeating: 0, count: cells)
            )
        }
        for y in 0..<grid.rows {
            // Raster rows run from the north, grid rows from the south.
            let row = grid.rows - 1 - y
            for x in 0..<grid.columns {
                let cell = row * grid.columns + x
                let pixel = y * grid.columns + x
                best[pixel] = Float(CoverageTiles.bestMbps(grid, cell: cell))
                for (k, t) in technologies.enumerated() {
                    guard let q = coverage.best(receiver: cell, technology: t, indoor: false)?.1 else { continue }
                    perTechnology[k].rsrp[pixel] = Float(q.rsrpDBm)
                    perTechnology[k].sinr[pixel] = Float(q.sinrDB)
                    perTechnology[k].mbps[pixel] = Float(q.downlinkMbps)
                }
            }
        }
        var bands = [GDALRasterWriter.Band(name: "best_mbps", values: best)]
        for (k, t) in technologies.enumerated() {
            bands += [
                .init(name: "\(t.rawValue)_rsrp_dbm", values: perTechnology[k].rsrp),
                .init(name: "\(t.rawValue)_sinr_db", values: perTechnology[k].sinr),
                .init(name: "\(t.rawValue)_mbps", values: perTechnology[k].mbps),
            ]
        }
        return bands
    }

    static func write(_ grid: CoverageGrid, crs: CRS, to path: String) throws {
        try GDALRasterWriter.writeGeoTIFF(
            path: path, crs: crs,
            topLeft: Coordinate(grid.origin.x, grid.origin.y + Double(grid.rows) * grid.resolutionM),
            pixelSize: grid.resolutionM, width: grid.columns, height: grid.rows, bands: bands(grid))
    }
}
