import CGDAL
import Foundation

/// The vector formats gigaplan writes through GDAL, beside its own GeoPackage, GeoJSON and CSV writers.
public enum GDALVectorFormat: String, Sendable, CaseIterable {
    case shapefile, flatgeobuf, kml

    /// GDAL's driver name.
    var driver: String {
        switch self {
        case .shapefile: "ESRI Shapefile"
        case .flatgeobuf: "FlatGeobuf"
        case .kml: "KML"
        }
    }

    public var fileExtension: String {
        switch self {
        case .shapefile: "shp"
        case .flatgeobuf: "fgb"
        case .kml: "kml"
        }
    }

    /// KML holds WGS84 longitude/latitude only (OGC KML 2.2); the others keep the working CRS.
    var requiresWGS84: Bool { self == .kml }
}

/// Writes one layer to a new file through GDAL (Debian's libgdal): a Shapefile (UTF-8, with `.prj` and
/// `.cpg`), a FlatGeobuf (with its spatial index) or a KML file (reprojected to WGS84). Booleans become
/// integers 0/1, since a Shapefile has no boolean type. Field names longer than a Shapefile's 10
/// characters are cut by GDAL: give names of at most 10 characters for a Shapefile.
public enum GDALVectorWriter {
    /// - Parameters:
    ///   - row: the geometry (in `crs`) and the values, in field order, of row `i`.
    /// - Throws: `FileWriteError` with GDAL's message when the file cannot be made or a feature not written.
    public static func write(
        path: String, format: GDALVectorFormat, layerName: String, crs: CRS, geometryType: String,
        fields: [GeoPackageField], count: Int, row: (Int) throws -> (Geometry?, [JSONValue])
    ) throws {
        let gdal = try GDALLibrary.api(writing: path)
        gdal.CPLErrorReset()
        func failure(_ what: String) -> FileWriteError {
            let message = gdal.CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
            return FileWriteError(path: path, reason: message.isEmpty ? what : "\(what): \(message)")
        }
        guard let driver = gdal.GDALGetDriverByName(format.driver) else {
            throw failure("GDAL has no \(format.driver) driver")
        }
        guard let dataset = gdal.GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw failure("GDAL cannot create the file")
        }
        var closed = false
        defer { if !closed { gdal.GDALClose(dataset) } }
        let target = format.requiresWGS84 ? CRS.wgs84 : crs
        guard let srs = gdal.OSRNewSpatialReference(nil) else { throw failure("no spatial reference") }
        defer { gdal.OSRDestroySpatialReference(srs) }
        guard gdal.OSRSetFromUserInput(srs, target.identifier) == OGRERR_NONE else {
            throw failure("GDAL does not know \(target.identifier)")
        }
        gdal.OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        var options: [String] = []
        if format == .shapefile { options.append("ENCODING=UTF-8") }
        let layer = withCStrings(options) { list in
            gdal.GDALDatasetCreateLayer(dataset, layerName, srs, wkbType(geometryType), list)
        }
        guard let layer else { throw failure("GDAL cannot create layer \(layerName)") }
        // Some drivers start a layer with fields of their own (KML: Name, Description): ours follow them.
        let base = gdal.OGR_FD_GetFieldCount(gdal.OGR_L_GetLayerDefn(layer))
        for f in fields {
            guard let definition = gdal.OGR_Fld_Create(f.name, fieldType(f.kind)) else { throw failure("no field") }
            defer { gdal.OGR_Fld_Destroy(definition) }
            // Shapefile reals default to 24 digits with 15 decimals, too few for euros in the millions.
            if f.kind == .real {
                gdal.OGR_Fld_SetWidth(definition, 24)
                gdal.OGR_Fld_SetPrecision(definition, 6)
            }
            guard gdal.OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
                throw failure("GDAL cannot create field \(f.name)")
            }
        }
        let projector = Projector()
        let definition = gdal.OGR_L_GetLayerDefn(layer)
        for i in 0..<count {
            let (geometry, values) = try row(i)
            guard let feature = gdal.OGR_F_Create(definition) else { throw failure("no feature") }
            defer { gdal.OGR_F_Destroy(feature) }
            for (k, value) in values.enumerated() {
                let field = base + Int32(k)
                switch value {
                case .null: gdal.OGR_F_SetFieldNull(feature, field)
                case .bool(let b): gdal.OGR_F_SetFieldInteger(feature, field, b ? 1 : 0)
                case .number(let n):
                    if fields[k].kind == .integer {
                        gdal.OGR_F_SetFieldInteger64(feature, field, Int64(n))
                    } else {
                        gdal.OGR_F_SetFieldDouble(feature, field, n)
                    }
                default: gdal.OGR_F_SetFieldString(feature, field, value.text)
                }
            }
            if var g = geometry {
                if format.requiresWGS84 { g = try projector.transform(g, from: crs, to: .wgs84) }
                var bytes = WKB.encode(g)
                var made: OGRGeometryH?
                let status = bytes.withUnsafeMutableBytes { raw in
                    gdal.OGR_G_CreateFromWkb(raw.baseAddress, srs, &made, Int32(raw.count))
                }
                guard status == OGRERR_NONE, let made else { throw failure("GDAL cannot read geometry \(i)") }
                guard gdal.OGR_F_SetGeometryDirectly(feature, made) == OGRERR_NONE else {
                    throw failure("GDAL cannot set geometry \(i)")
                }
            }
            guard gdal.OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
                throw failure("feature \(i) not written")
            }
        }
        closed = true
        gdal.CPLErrorReset()
        gdal.GDALClose(dataset)
        if gdal.CPLGetLastErrorType() == CE_Failure || gdal.CPLGetLastErrorType() == CE_Fatal {
            throw failure("GDAL could not finish the file")
        }
    }

    static func wkbType(_ name: String) -> OGRwkbGeometryType {
        switch name {
        case "POINT": wkbPoint
        case "LINESTRING": wkbLineString
        case "POLYGON": wkbPolygon
        case "MULTIPOINT": wkbMultiPoint
        case "MULTILINESTRING": wkbMultiLineString
        case "MULTIPOLYGON": wkbMultiPolygon
        default: wkbUnknown
        }
    }

    static func fieldType(_ kind: GeoPackageField.Kind) -> OGRFieldType {
        switch kind {
        case .text: OFTString
        case .real: OFTReal
        case .integer: OFTInteger64
        case .boolean: OFTInteger
        }
    }

    /// Calls `body` with a NULL-terminated C array of the strings (nil when there are none).
    static func withCStrings<T>(
        _ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T
    ) rethrows -> T {
        guard !strings.isEmpty else { return try body(nil) }
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { for p in pointers { free(p) } }
        return try pointers.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
    }
}
