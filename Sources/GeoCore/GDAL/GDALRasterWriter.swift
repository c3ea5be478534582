import CGDAL
import Foundation

/// Writes a value raster as a GeoTIFF through GDAL: Float32 bands (one per quantity, each with its
/// description), north up, DEFLATE-compressed and tiled, a no-data value, and the CRS. GIS tools read
/// the values themselves (QGIS's identify tool and raster calculator), not colours.
public enum GDALRasterWriter {
    /// One band: its name (the band description) and its values, row by row from the north-west corner.
    public struct Band: Sendable {
        public var name: String
        public var values: [Float]

        public init(name: String, values: [Float]) {
            self.name = name
            self.values = values
        }
    }

    /// Marks cells without a value.
    public static let noData: Float = -9999

    /// - Parameters:
    ///   - topLeft: the north-west corner of the raster in `crs`; `pixelSize` in its units.
    /// - Throws: `FileWriteError` with GDAL's message.
    public static func writeGeoTIFF(
        path: String, crs: CRS, topLeft: Coordinate, pixelSize: Double, width: Int, height: Int, bands: [Band]
    ) throws {
        let gdal = try GDALLibrary.api(writing: path)
        gdal.CPLErrorReset()
        func failure(_ what: String) -> FileWriteError {
            let message = gdal.CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
            return FileWriteError(path: path, reason: message.isEmpty ? what : "\(what): \(message)")
        }
        guard bands.allSatisfy({ $0.values.count == width * height }) else {
            throw FileWriteError(path: path, reason: "a band does not have \(width) × \(height) values")
        }
        guard let driver = gdal.GDALGetDriverByName("GTiff") else { throw failure("GDAL has no GTiff driver") }
        let dataset = GDALVectorWriter.withCStrings(["COMPRESS=DEFLATE", "TILED=YES", "PREDICTOR=3"]) { options in
            gdal.GDALCreate(driver, path, Int32(width), Int32(height), Int32(bands.count), GDT_Float32, options)
        }
        guard let dataset else { throw failure("GDAL cannot create the file") }
        var closed = false
        defer { if !closed { gdal.GDALClose(dataset) } }
        var transform = [topLeft.x, pixelSize, 0, topLeft.y, 0, -pixelSize]
        guard gdal.GDALSetGeoTransform(dataset, &transform) == CE_None else {
            throw failure("cannot set the geotransform")
        }
        guard let srs = gdal.OSRNewSpatialReference(nil) else { throw failure("no spatial reference") }
        defer { gdal.OSRDestroySpatialReference(srs) }
        guard gdal.OSRSetFromUserInput(srs, crs.identifier) == OGRERR_NONE else {
            throw failure("GDAL does not know \(crs)")
        }
        guard gdal.GDALSetSpatialRef(dataset, srs) == CE_None else { throw failure("cannot set the CRS") }
        for (k, band) in bands.enumerated() {
            guard let handle = gdal.GDALGetRasterBand(dataset, Int32(k + 1)) else { throw failure("no band \(k + 1)") }
            gdal.GDALSetDescription(handle, band.name)
            guard gdal.GDALSetRasterNoDataValue(handle, Double(noData)) == CE_None else {
                throw failure("cannot set the no-data value of band \(band.name)")
            }
            var values = band.values
            let status = values.withUnsafeMutableBytes { raw in
                gdal.GDALRasterIO(
                    handle, GF_Write, 0, 0, Int32(width), Int32(height), raw.baseAddress, Int32(width), Int32(height),
                    GDT_Float32, 0, 0)
            }
            guard status == CE_None else { throw failure("band \(band.name) not written") }
        }
        closed = true
        gdal.CPLErrorReset()
        gdal.GDALClose(dataset)
        if gdal.CPLGetLastErrorType() == CE_Failure || gdal.CPLGetLastErrorType() == CE_Fatal {
            throw failure("GDAL could not finish the file")
        }
    }
}
