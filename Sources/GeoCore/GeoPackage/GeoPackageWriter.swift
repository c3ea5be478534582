import Foundation

/// Writes an OGC GeoPackage 1.3 with any number of feature layers, each in its own CRS.
///
/// The file is written under a temporary name beside the destination and moved into place by
/// `finish()`, so that a failed or interrupted write leaves no partial GeoPackage. The output is
/// byte-for-byte deterministic: `gpkg_contents.last_change` is a fixed timestamp given by the caller.
/// Every feature layer gets the R-tree spatial index of the GeoPackage RTree Spatial Indexes extension
/// (OGC 12-128r18 Annex F.3), packed in one pass (`PackedRTree`; for a layer ended by `endLayer` on a
/// thread of its own while the next layers are written) and written by `finish()`, with the triggers that
/// keep it up to date when QGIS or GDAL edit the layer.
/// Pages are 16 KiB (`pageSize`) rather than SQLite's 4 KiB: a row of the buildings layer (about 70
/// columns and a footprint, some 800 bytes) then shares its page with about 20 others instead of four,
/// and the writer does fewer page splits and writes. The buildings of peer-scope: 0.93–0.96 → 0.87–0.89 s,
/// 85.7 → 80.0 MB (docs/performance.md). GDAL, QGIS and SQLite read any page size.
/// Not Sendable: one writer per task.
public final class GeoPackageWriter {
    public let destination: String
    private let temporaryPath: String
    private var database: SQLiteDatabase?
    private let projector = Projector()
    private var srsIDs: Set<Int32> = []
    /// What is being written into one feature layer.
    private final class LayerState {
        let srsID: Int32
        let fields: [GeoPackageField]
        /// The fields' kinds, in their order (what a row's values are appended by).
        let kinds: [GeoPackageField.Kind]
        /// Inserts the layer's rows, many to a statement.
        let rows: SQLiteInserter
        /// The boxes for the R-tree, written by `finish()`.
        var index: [PackedRTree.Entry] = []
        /// Once the layer is ended (`endLayer`): its R-tree's levels, packed on a thread of their own.
        var packed: (nodeSize: Int, levels: BackgroundJob<PackedRTree.Levels>)?
        var count: Int64 = 0
        var box: BoundingBox?

        init(srsID: Int32, fields: [GeoPackageField], rows: SQLiteInserter) {
            (self.srsID, self.fields, self.rows) = (srsID, fields, rows)
            kinds = fields.map(\.kind)
        }
    }
    private var layers: [String: LayerState] = [:]
    /// The layer the last row went into: rows come layer after layer, so most find theirs here without a
    /// hash of its name.
    private var lastLayer: (name: String, state: LayerState)?
    private var layerOrder: [String] = []
    private let timestamp: String
    private var hasStyles = false
    /// The file as SQLite writes it, open for `WriteBehind` (−1 where it could not be opened).
    private var cacheDescriptor: Int32 = -1
    private var behind: WriteBehind

    /// The size of the file's pages, bytes (set before the first table).
    static let pageSize = 16384

    /// Starts a GeoPackage that will be written to `path` by `finish()`.
    /// - Parameter timestamp: the `last_change` of every layer (ISO 8601), fixed for reproducible files.
    public init(path: String, timestamp: String = "2000-01-01T00:00:00.000Z") throws {
        destination = path
        temporaryPath = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        self.timestamp = timestamp
        try? FileManager.default.removeItem(atPath: temporaryPath)
        let db = try SQLiteDatabase(path: temporaryPath)
        database = db
        cacheDescriptor = open(temporaryPath, O_RDONLY | O_CLOEXEC)
        behind = WriteBehind(descriptor: cacheDescriptor)
        try db.execute(
            """
            PRAGMA page_size = \(Self.pageSize);
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
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference \
            system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference \
            system');
            BEGIN;
            """)
        _ = try registerCRS(.wgs84)
    }

    deinit {
        if cacheDescriptor >= 0 { close(cacheDescriptor) }
        if database != nil {
            database = nil
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    private func registerCRS(_ crs: CRS) throws -> Int32 {
        guard let code = crs.epsgCode else { throw GeoPackageError("GeoPackage output needs an EPSG CRS, not \(crs)") }
        let id = Int32(code)
        guard !srsIDs.contains(id) else { return id }
        let info = try projector.info(crs)
        try database!.execute(
            "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, NULL)",
            [.text(info.name), .integer(Int64(id)), .integer(Int64(code)), .text(info.wkt)])
        srsIDs.insert(id)
        return id
    }

    /// Adds a feature table.
    /// - Parameters:
    ///   - geometryType: `POINT`, `LINESTRING`, `POLYGON`, `MULTIPOLYGON`, … or `GEOMETRY` for mixed layers.
    public func addLayer(
        _ name: String, geometryType: String, crs: CRS, fields: [GeoPackageField], description: String = ""
    ) throws {
        guard layers[name] == nil else { throw GeoPackageError("layer \(name) written twice") }
        let db = database!
        let srsID = try registerCRS(crs)
        let columns = fields.map { "\(quoteIdentifier($0.name)) \($0.kind.rawValue)" }
        try db.execute(
            "CREATE TABLE \(quoteIdentifier(name)) (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom "
                + "\(geometryType)\(columns.map { ", " + $0 }.joined()))")
        try db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES "
                + "(?, 'features', ?, ?, ?, ?)",
            [.text(name), .text(name), .text(description), .text(timestamp), .integer(Int64(srsID))])
        try db.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
            [.text(name), .text(geometryType), .integer(Int64(srsID))])
        let rows = SQLiteInserter(
            db, into: quoteIdentifier(name), columns: ["geom"] + fields.map { quoteIdentifier($0.name) })
        try db.execute(
            "CREATE VIRTUAL TABLE \(quoteIdentifier("rtree_\(name)_geom")) USING rtree(id, minx, maxx, miny, maxy)")
        layers[name] = LayerState(srsID: srsID, fields: fields, rows: rows)
        layerOrder.append(name)
    }

    /// Adds one feature; `properties` are looked up by field name, missing ones are NULL.
    public func insert(into layer: String, geometry: Geometry?, properties: JSONObject) throws {
        guard let entry = layers[layer] else { throw GeoPackageError("layer \(layer) was not added") }
        try insert(
            into: layer, geometry: geometry, values: FieldValues(entry.fields.map { properties[$0.name] ?? .null }))
    }

    /// Inserts a feature whose values are in the order of the layer's fields.
    public func insert(into layer: String, geometry: Geometry?, values fieldValues: FieldValues) throws {
        let entry: LayerState
        if let last = lastLayer, last.name == layer {
            entry = last.state
        } else {
            guard let found = layers[layer] else { throw GeoPackageError("layer \(layer) was not added") }
            entry = found
            lastLayer = (layer, found)
        }
        guard entry.packed == nil else { throw GeoPackageError("layer \(layer) was ended") }
        let box = try entry.rows.insert { row in
            var box: BoundingBox?
            if let geometry {
                box = row.appendBlob { GeoPackageGeometry.encode(geometry, srsID: entry.srsID, appendingTo: &$0) }
            } else {
                row.appendNull()
            }
            // Kinds and values read in place (a copy of either is retained and released).
            precondition(
                fieldValues.count == entry.kinds.count, "\(fieldValues.count) values for \(entry.kinds.count) fields")
            entry.kinds.withUnsafeBufferPointer { kinds in
                fieldValues.forEach { k, value in kinds[k].append(value, to: &row) }
            }
            return box
        }
        // A new table's AUTOINCREMENT fids run 1, 2, 3 … in insertion order.
        entry.count += 1
        if entry.count % 4096 == 0 { writeBehind() }
        if let box {
            entry.index.append(PackedRTree.Entry(id: entry.count, box: box))
            entry.box = entry.box.map { $0.union(box) } ?? box
        }
    }

    /// Tells `behind` how far SQLite has written the file (it adds pages at the end as tables grow).
    private func writeBehind() {
        var info = stat()
        guard cacheDescriptor >= 0, fstat(cacheDescriptor, &info) == 0 else { return }
        behind.grew(to: Int(info.st_size))
    }

    /// Ends a layer: it takes no more features, and its R-tree is packed on a thread of its own while the
    /// next layers are written (`finish()` writes it). Layers not ended are packed by `finish()`.
    public func endLayer(_ layer: String) throws {
        guard let entry = layers[layer] else { throw GeoPackageError("layer \(layer) was not added") }
        guard entry.packed == nil else { return }
        try entry.rows.flush()
        let nodeSize = try PackedRTree.nodeSize(of: "rtree_\(layer)_geom", database: database!)
        let index = entry.index
        entry.index = []
        entry.packed = (nodeSize, BackgroundJob { PackedRTree.levels(index, nodeSize: nodeSize) })
    }

    /// Adds a tile pyramid of one zoom level (OGC GeoPackage §2.2): `tiles[row][column]` are PNG images
    /// of `tileSize` × `tileSize` pixels of `pixelSize` map units, row 0 at the top (north).
    public func addTiles(
        _ name: String, crs: CRS, origin: Coordinate, pixelSize: Double, tileSize: Int, tiles: [[[UInt8]]],
        description: String = ""
    ) throws {
        let db = database!
        let srsID = try registerCRS(crs)
        let rows = tiles.count
        let columns = tiles.first?.count ?? 0
        let span = pixelSize * Double(tileSize)
        let box = BoundingBox(
            minX: origin.x, minY: origin.y - span * Double(rows), maxX: origin.x + span * Double(columns),
            maxY: origin.y)
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT \
            NULL,
              min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,
              CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE IF NOT EXISTS gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, \
            matrix_width INTEGER NOT NULL,
              matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, tile_height INTEGER NOT NULL, pixel_x_size \
            DOUBLE NOT NULL,
              pixel_y_size DOUBLE NOT NULL, CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level),
              CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));
            """)
        try db.execute(
            "CREATE TABLE \(quoteIdentifier(name)) (id INTEGER PRIMARY KEY AUTOINCREMENT, zoom_level INTEGER NOT NULL, "
                + "tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL, UNIQUE "
                + "(zoom_level, tile_column, tile_row))")
        try db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, "
                + "max_x, max_y, srs_id) VALUES (?, 'tiles', ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(name), .text(name), .text(description), .text(timestamp), .real(box.minX), .real(box.minY),
                .real(box.maxX), .real(box.maxY), .integer(Int64(srsID)),
            ])
        try db.execute(
            "INSERT INTO gpkg_tile_matrix_set VALUES (?, ?, ?, ?, ?, ?)",
            [.text(name), .integer(Int64(srsID)), .real(box.minX), .real(box.minY), .real(box.maxX), .real(box.maxY)])
        try db.execute(
            "INSERT INTO gpkg_tile_matrix VALUES (?, 0, ?, ?, ?, ?, ?, ?)",
            [
                .text(name), .integer(Int64(columns)), .integer(Int64(rows)), .integer(Int64(tileSize)),
                .integer(Int64(tileSize)), .real(pixelSize), .real(pixelSize),
            ])
        let insert = try db.prepare(
            "INSERT INTO \(quoteIdentifier(name)) (zoom_level, tile_column, tile_row, tile_data) VALUES (0, ?, ?, ?)")
        for (r, row) in tiles.enumerated() {
            for (c, png) in row.enumerated() where !png.isEmpty {
                try insert.run([.integer(Int64(c)), .integer(Int64(r)), .blob(png)])
            }
        }
    }

    /// The extension's triggers for `table`'s index (Annex F.3, GeoPackage 1.3): they call the
    /// ST_* functions that GDAL and QGIS provide, and run only when those programs edit the layer.
    static func rtreeTriggers(_ table: String) -> String {
        let t = quoteIdentifier(table)
        let r = quoteIdentifier("rtree_\(table)_geom")
        func trigger(_ suffix: String) -> String { quoteIdentifier("rtree_\(table)_geom_\(suffix)") }
        let values = "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)"
        return """
            CREATE TRIGGER \(trigger("insert")) AFTER INSERT ON \(t) WHEN (new.geom NOT NULL AND NOT \
            ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(trigger("update1")) AFTER UPDATE OF geom ON \(t) WHEN OLD.fid = NEW.fid AND (NEW.geom \
            NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(trigger("update2")) AFTER UPDATE OF geom ON \(t) WHEN OLD.fid = NEW.fid AND (NEW.geom \
            ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM \(r) WHERE id = OLD.fid; END;
            CREATE TRIGGER \(trigger("update3")) AFTER UPDATE ON \(t) WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL \
            AND NOT ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM \(r) WHERE id = OLD.fid; INSERT OR REPLACE INTO \(r) VALUES (\(values)); END;
            CREATE TRIGGER \(trigger("update4")) AFTER UPDATE ON \(t) WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR \
            ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM \(r) WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER \(trigger("delete")) AFTER DELETE ON \(t) WHEN old.geom NOT NULL
            BEGIN DELETE FROM \(r) WHERE id = OLD.fid; END;
            """
    }

    /// Stores a QGIS style (QML) of a layer (its default style, or one more to choose) in the
    /// `layer_styles` table that QGIS reads and writes in a GeoPackage (registered as an attributes
    /// table), so that the layer opens styled.
    public func addLayerStyle(layer: String, name: String, qml: String, description: String, isDefault: Bool) throws {
        guard let db = database else { return }
        if !hasStyles {
            try db.execute(
                "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), "
                    + "f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), "
                    + "styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, "
                    + "owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT CURRENT_TIMESTAMP)")
            try db.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES "
                    + "('layer_styles', 'attributes', 'layer_styles', 'QGIS styles of the layers', ?)",
                [.text(timestamp)])
            hasStyles = true
        }
        try db.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, "
                + "styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) VALUES "
                + "('', '', ?, 'geom', ?, ?, '', ?, ?, '', NULL, ?)",
            [.text(layer), .text(name), .text(qml), .integer(isDefault ? 1 : 0), .text(description), .text(timestamp)])
    }

    /// Writes the layer extents and spatial-index registrations, closes the database and moves the file into place.
    public func finish() throws {
        guard let db = database else { return }
        for name in layerOrder { try layers[name]?.rows.flush() }
        if !layerOrder.isEmpty {
            try db.execute(
                """
                CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, \
                definition TEXT NOT NULL,
                  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
                """)
        }
        for name in layerOrder {
            if let (nodeSize, levels) = layers[name]?.packed {
                try PackedRTree.write(levels.value, nodeSize: nodeSize, into: "rtree_\(name)_geom", database: db)
            } else {
                try PackedRTree.write(layers[name]?.index ?? [], into: "rtree_\(name)_geom", database: db)
            }
            layers[name]?.index = []
            layers[name]?.packed = nil
            try db.execute(Self.rtreeTriggers(name))
            try db.execute(
                "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
                    + "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", [.text(name)])
        }
        for name in layerOrder {
            guard let box = layers[name]?.box else { continue }
            try db.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                [.real(box.minX), .real(box.minY), .real(box.maxX), .real(box.maxY), .text(name)])
        }
        try db.execute("COMMIT")
        layers = [:]
        database = nil
        try AtomicFile.moveIntoPlace(temporaryPath, destination)
    }
}
