/// Reads the feature layers of an OGC GeoPackage, in whatever CRS each declares.
public enum GeoPackageReader {
    /// Names of the feature tables, in `gpkg_contents` order.
    public static func layerNames(path: String) throws(UnreadableFile) -> [String] {
        let db = try open(path)
        do {
            return try db.query("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid")
                .compactMap { $0[0].text }
        } catch { throw UnreadableFile(path: path, reason: "not a GeoPackage: \(error)") }
    }

    private static func open(_ path: String) throws(UnreadableFile) -> SQLiteDatabase {
        do {
            let db = try SQLiteDatabase(path: path, readOnly: true, create: false)
            let tables = try db.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('gpkg_contents', "
                    + "'gpkg_geometry_columns', 'gpkg_spatial_ref_sys')")
            guard tables.count == 3 else {
                throw UnreadableFile(
                    path: path,
                    reason:
                        "not a GeoPackage: the gpkg_contents, gpkg_geometry_columns and gpkg_spatial_ref_sys tables "
                        + "are missing")
            }
            return db
        } catch let e as UnreadableFile { throw e } catch {
            throw UnreadableFile(path: path, reason: "not an SQLite/GeoPackage file: \(error)")
        }
    }

    /// Reads one layer (or every feature layer when `layer` is nil).
    public static func read(path: String, layer: String? = nil) throws(UnreadableFile) -> [FeatureLayer] {
        let db = try open(path)
        let names = try layerNames(path: path)
        if let layer, !names.contains(layer) {
            throw UnreadableFile(
                path: path, reason: "no feature layer \"\(layer)\" (layers: \(names.joined(separator: ", ")))")
        }
        let projector = Projector()
        var result: [FeatureLayer] = []
        for name in names where layer == nil || layer == name {
            do { result.append(try readLayer(db, name: name, path: path, projector: projector)) } catch let e
                as UnreadableFile
            { throw e } catch { throw UnreadableFile(path: path, reason: "layer \(name): \(error)") }
        }
        return result
    }

    private static func readLayer(
        _ db: SQLiteDatabase, name: String, path: String, projector: Projector
    ) throws -> FeatureLayer {
        guard
            let row = try db.query(
                "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", [.text(name)]
            ).first, let column = row[0].text, let srsID = row[1].integer
        else { throw UnreadableFile(path: path, reason: "layer \(name) has no entry in gpkg_geometry_columns") }
        guard
            let srs = try db.query(
                "SELECT organization, organization_coordsys_id, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
                [.integer(srsID)]
            ).first
        else {
            throw UnreadableFile(path: path, reason: "layer \(name): srs_id \(srsID) is not in gpkg_spatial_ref_sys")
        }
        let organization = srs[0].text ?? ""
        let code = srs[1].integer ?? -1
        let srsName = srs[2].text ?? ""
        guard let crs = CRS("\(organization):\(code)"), (try? projector.info(crs)) != nil, code > 0 else {
            throw UnreadableFile(
                path: path,
                reason:
                    "layer \(name): its CRS (srs_id \(srsID), \"\(srsName)\", \(organization):\(code)) is not a CRS "
                    + "that PROJ knows")
        }
        let statement = try db.prepare("SELECT * FROM \(quoteIdentifier(name)) ORDER BY rowid")
        var features: [Feature] = []
        var problems: [InputProblem] = []
        var index = 0
        // Every row has the table's columns: the properties share one object's keys (the columns but the
        // geometry and fid) and index, and only their values are made per row. A row with a blob value
        // (which is no property) has its own keys.
        let names = (0..<statement.columnCount).map(statement.columnName)
        let geometryColumn = names.firstIndex(of: column)
        let propertyColumns = names.indices.filter { names[$0] != column && names[$0] != "fid" }
        let shape = JSONObject(propertyColumns.map { (names[$0], JSONValue.null) })
        let shared = shape.count == propertyColumns.count
        /// The value of column `c` of the current row as a property; nil for a blob.
        func property(_ c: Int) -> JSONValue? {
            switch statement.value(c) {
            case .null: .null
            case .integer(let i): .number(Double(i))
            case .real(let d): .number(d)
            case .text(let s): .string(s)
            case .blob: nil
            }
        }
        while try statement.step() {
            var geometry: Geometry?
            if let geometryColumn, case .blob(let blob) = statement.value(geometryColumn) {
                do { geometry = try GeoPackageGeometry.decode(blob) } catch {
                    problems.append(
                        InputProblem(
                            .error, code: "bad-geometry", file: path, layer: name, featureIndex: index, field: column,
                            reason: "\(error)"))
                }
            }
            var values: [JSONValue] = []
            values.reserveCapacity(propertyColumns.count)
            for c in propertyColumns {
                guard let value = property(c) else { break }
                values.append(value)
            }
            let properties =
                shared && values.count == shape.count
                ? JSONObject(shape: shape, values: values)
                : JSONObject(propertyColumns.compactMap { c in property(c).map { (names[c], $0) } })
            features.append(Feature(index: index, geometry: geometry, properties: properties))
            index += 1
        }
        return FeatureLayer(name: name, source: path, crs: crs, features: features, problems: problems)
    }
}
