import Foundation

/// Writes an OGC GeoPackage 1.3 with any number of feature layers, each in its own CRS.
///
/// The file is written under a temporary name beside the destination and moved into place by
/// `finish()`, so that a failed or interrupted write leaves no partial GeoPackage. The output is
/// byte-for-byte deterministic: `gpkg_contents.last_change` is a fixed timestamp given by the caller.
/// Not Sendable: one writer per task.
public final class GeoPackageWriter {
    public let destination: String
    private let temporaryPath: String
    private var database: SQLiteDatabase?
    private let projector = Projector()
    private var srsIDs: Set<Int32> = []
    private var layers: [String: (srsID: Int32, fields: [GeoPackageField], insert: SQLiteStatement, box: BoundingBox?)] = [:]
    private var layerOrder: [String] = []
    private let timestamp: String

    /// Starts a GeoPackage that will be written to `path` by `finish()`.
    /// - Parameter timestamp: the `last_change` of every layer (ISO 8601), fixed for reproducible files.
    public init(path: String, timestamp: String = "2000-01-01T00:00:00.000Z") throws {
        destination = path
        temporaryPath = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        self.timestamp = timestamp
        try? FileManager.default.removeItem(atPath: temporaryPath)
        let db = try SQLiteDatabase(path: temporaryPath)
        database = db
        try db.execute("""
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            INSERT INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            BEGIN;
            """)
        _ = try registerCRS(.wgs84)
    }

    deinit {
        if database != nil {
            database = nil
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    private func registerCRS(_ crs: CRS) throws -> Int32 {
        guard let code = crs.epsgCode else { throw GeometryError("GeoPackage output needs an EPSG CRS, not \(crs)") }
        let id = Int32(code)
        guard !srsIDs.contains(id) else { return id }
        let info = try projector.info(crs)
        try database!.execute("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, NULL)",
                              [.text(info.name), .integer(Int64(id)), .integer(Int64(code)), .text(info.wkt)])
        srsIDs.insert(id)
        return id
    }

    /// Adds a feature table.
    /// - Parameters:
    ///   - geometryType: `POINT`, `LINESTRING`, `POLYGON`, `MULTIPOLYGON`, … or `GEOMETRY` for mixed layers.
    public func addLayer(_ name: String, geometryType: String, crs: CRS, fields: [GeoPackageField], description: String = "") throws {
        guard layers[name] == nil else { throw GeometryError("layer \(name) written twice") }
        let db = database!
        let srsID = try registerCRS(crs)
        let columns = fields.map { "\(quoteIdentifier($0.name)) \($0.kind.rawValue)" }
        try db.execute("CREATE TABLE \(quoteIdentifier(name)) (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom \(geometryType)\(columns.map { ", " + $0 }.joined()))")
        try db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES (?, 'features', ?, ?, ?, ?)",
                       [.text(name), .text(name), .text(description), .text(timestamp), .integer(Int64(srsID))])
        try db.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)", [.text(name), .text(geometryType), .integer(Int64(srsID))])
        let placeholders = Array(repeating: "?", count: fields.count + 1).joined(separator: ", ")
        let names = (["geom"] + fields.map { quoteIdentifier($0.name) }).joined(separator: ", ")
        let insert = try db.prepare("INSERT INTO \(quoteIdentifier(name)) (\(names)) VALUES (\(placeholders))")
        layers[name] = (srsID, fields, insert, nil)
        layerOrder.append(name)
    }

    /// Adds one feature; `properties` are looked up by field name, missing ones are NULL.
    public func insert(into layer: String, geometry: Geometry?, properties: JSONObject) throws {
        guard var entry = layers[layer] else { throw GeometryError("layer \(layer) was not added") }
        var values: [SQLiteValue] = [geometry.map { .blob(GeoPackageGeometry.encode($0, srsID: entry.srsID)) } ?? .null]
        for f in entry.fields { values.append(f.sqliteValue(properties[f.name])) }
        try entry.insert.run(values)
        if let box = geometry?.boundingBox {
            entry.box = entry.box.map { $0.union(box) } ?? box
            layers[layer] = entry
        }
    }

    /// Writes the layer extents, closes the database and moves the file into place.
    public func finish() throws {
        guard let db = database else { return }
        for name in layerOrder {
            guard let box = layers[name]?.box else { continue }
            try db.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                           [.real(box.minX), .real(box.minY), .real(box.maxX), .real(box.maxY), .text(name)])
        }
        try db.execute("COMMIT")
        layers = [:]
        database = nil
        try AtomicFile.moveIntoPlace(temporaryPath, destination)
    }
}
