/// Turns a CSV table into features. Point coordinates come from `lon`/`lat` columns (WGS84), from
/// `x`/`y` (also `X`/`Y`, `Rechtswert`/`Hochwert`, `easting`/`northing`) in a CRS the caller names, or
/// from a `wkt` column. A table without any of them is a layer without geometry (e.g. a list of
/// fixed-line records that reference buildings by id). Official house coordinates (HK-DE, no header) are
/// recognised by their first line (`Hauskoordinaten`).
public enum CSVFeatureReader {
    static let lonNames = ["lon", "lng", "long", "longitude", "laenge", "länge"]
    static let latNames = ["lat", "latitude", "breite"]
    static let xNames = ["x", "rechtswert", "easting", "ostwert", "e"]
    static let yNames = ["y", "hochwert", "northing", "nordwert", "n"]
    static let wktNames = ["wkt", "geometry", "geom", "the_geom"]

    public static func read(
        bytes: [UInt8], path: String, layerName: String, crs: CRS?
    ) throws(UnreadableFile) -> FeatureLayer {
        var bytes = bytes
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let firstLine = String(
            decoding: bytes[start..<(bytes[start...].firstIndex(of: 0x0A) ?? bytes.count)], as: UTF8.self)
        // Official house coordinates (HK-DE) come without a header: name their columns.
        let isHauskoordinaten = Hauskoordinaten.isRecord(firstLine)
        if isHauskoordinaten {
            bytes.insert(contentsOf: Array((Hauskoordinaten.header.joined(separator: ";") + "\n").utf8), at: start)
        }
        var table = try CSVTable.parse(bytes, path: path)
        if isHauskoordinaten { table.lineNumbers = table.lineNumbers.map { $0 - 1 } }
        enum Source { case lonLat(Int, Int), xy(Int, Int), wkt(Int), none }
        var source = Source.none
        var layerCRS = CRS.wgs84
        var zoneProblems: [(Int, String)] = []
        if isHauskoordinaten, let x = table.column(["x"]),
            let first = table.rows.first.flatMap({ DecimalText.parse($0[x]) }),
            let (zone, _) = Hauskoordinaten.splitZone(first), let zoneCRS = CRS("EPSG:258\(zone)")
        {
            // The zone in front of every easting: taken off, and the CRS set from it.
            for i in table.rows.indices {
                guard let e = DecimalText.parse(table.rows[i][x]) else { continue }
                if let (z, plain) = Hauskoordinaten.splitZone(e), z == zone {
                    table.rows[i][x] = String(plain)
                } else {
                    zoneProblems.append(
                        (i, "easting \(table.rows[i][x]) is not in UTM zone \(zone) like the first row"))
                    table.rows[i][x] = ""
                    table.rows[i][table.column(["y"])!] = ""
                }
            }
            source = .xy(x, table.column(["y"])!)
            layerCRS = zoneCRS
        } else if let lon = table.column(lonNames), let lat = table.column(latNames) {
            source = .lonLat(lon, lat)
        } else if let x = table.column(xNames), let y = table.column(yNames) {
            guard let crs else {
                let hint =
                    table.rows.first.flatMap { row in
                        CoordinateScreening.guessProjectedCRS(
                            Coordinate(DecimalText.parse(row[x]) ?? .nan, DecimalText.parse(row[y]) ?? .nan))
                    }.map { " (the values look like \($0.name), \($0.crs))" } ?? ""
                throw UnreadableFile(
                    path: path,
                    reason:
                        "columns \(table.header[x])/\(table.header[y]) hold projected coordinates but no CRS is named: "
                        + "give it with --crs or the scenario's crs\(hint)")
            }
            source = .xy(x, y)
            layerCRS = crs
        } else if let w = table.column(wktNames) {
            source = .wkt(w)
            layerCRS = crs ?? .wgs84
        }
        var features: [Feature] = []
        var problems: [InputProblem] = zoneProblems.map { i, reason in
            InputProblem(
                .error, code: "bad-coordinate", file: path, layer: layerName, featureIndex: i, field: "x",
                reason: "line \(table.lineNumbers[i]): \(reason)")
        }
        features.reserveCapacity(table.rows.count)
        // Every row shares the header's keys; a repeated column name keeps its first place and last value.
        let shape = JSONObject(table.header.filter { !$0.isEmpty }.map { ($0, JSONValue.null) })
        let places = table.header.map { $0.isEmpty ? nil : shape.position(of: $0) }
        for (i, row) in table.rows.enumerated() {
            var values = [JSONValue](repeating: .null, count: shape.count)
            for (c, place) in places.enumerated() {
                if let place { values[place] = row[c].isEmpty ? .null : .string(row[c]) }
            }
            let properties = JSONObject(shape: shape, values: values)
            var feature = Feature(index: i, geometry: nil, properties: properties)
            let fields = table.fieldCounts[i]
            if fields > table.header.count {
                // More values than columns: the row is misaligned, every value may sit in the wrong column.
                problems.append(
                    InputProblem(
                        .error, code: "ragged-row", file: path, layer: layerName, featureIndex: i,
                        featureID: feature.id,
                        reason:
                            "line \(table.lineNumbers[i]): \(fields) fields, the header has \(table.header.count) (a "
                            + "delimiter inside an unquoted value?)"))
            } else if fields < table.header.count {
                problems.append(
                    InputProblem(
                        .warning, code: "ragged-row", file: path, layer: layerName, featureIndex: i,
                        featureID: feature.id,
                        reason:
                            "line \(table.lineNumbers[i]): \(fields) fields, the header has \(table.header.count); the "
                            + "missing ones are taken as empty"))
            }
            func problem(_ field: String, _ reason: String) {
                problems.append(
                    InputProblem(
                        .error, code: "bad-coordinate", file: path, layer: layerName, featureIndex: i,
                        featureID: feature.id, field: field, reason: "line \(table.lineNumbers[i]): \(reason)"))
            }
            func point(_ a: Int, _ b: Int) {
                let fa = row[a].trimmingWhitespace
                let fb = row[b].trimmingWhitespace
                if fa.isEmpty && fb.isEmpty { return }
                guard let va = DecimalText.parse(fa) else {
                    return problem(table.header[a], "\"\(fa)\" is not a number")
                }
                guard let vb = DecimalText.parse(fb) else {
                    return problem(table.header[b], "\"\(fb)\" is not a number")
                }
                feature.geometry = .point(Coordinate(va, vb))
            }
            switch source {
            case .lonLat(let a, let b), .xy(let a, let b): point(a, b)
            case .wkt(let w):
                let text = row[w].trimmingWhitespace
                if !text.isEmpty {
                    do { feature.geometry = try Geometry(wkt: text) } catch {
                        problem(table.header[w], "invalid WKT: \(error)")
                    }
                }
            case .none: break
            }
            features.append(feature)
        }
        var metadata = JSONObject()
        metadata["delimiter"] = .string(String(table.delimiter))
        if case .none = source { metadata["geometry"] = .string("none") }
        return FeatureLayer(
            name: layerName, source: path, crs: layerCRS, features: features, problems: problems, metadata: metadata)
    }
}
