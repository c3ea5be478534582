/// Reads GeoJSON (RFC 7946): a FeatureCollection, a single Feature or a bare geometry.
///
/// Coordinates are WGS84 lon/lat unless the legacy `crs` member (GeoJSON 2008, still written by GDAL)
/// names another CRS. Geometry errors are reported per feature; the feature is kept with a nil geometry.
public enum GeoJSONReader {
    public static func read(bytes: [UInt8], path: String, layerName: String) throws(UnreadableFile) -> FeatureLayer {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw UnreadableFile(path: path, reason: "the file is empty")
        }
        if let position = TextScreening.invalidUTF8(bytes) {
            throw UnreadableFile(
                path: path, reason: "not UTF-8 text: invalid UTF-8 at \(position) (GeoJSON is UTF-8 by RFC 7946)")
        }
        if let first = bytes.drop(while: { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }).first,
            first != UInt8(ascii: "{")
        {
            let start = bytes.drop { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }.prefix(20)
            throw UnreadableFile(
                path: path,
                reason: "not GeoJSON: it starts with \"\(String(decoding: start, as: UTF8.self))\", not a JSON object")
        }
        var problems: [InputProblem] = []
        var features: [Feature] = []
        var metadata = JSONObject()
        func problem(_ index: Int?, _ id: String?, _ field: String?, _ code: String, _ reason: String) {
            problems.append(
                InputProblem(
                    .error, code: code, file: path, layer: layerName, featureIndex: index, featureID: id, field: field,
                    reason: reason))
        }
        func feature(_ value: JSONValue, index: Int) {
            guard case .object(let f) = value, f["type"]?.stringValue == "Feature" else {
                problem(index, nil, nil, "not-a-feature", "not a GeoJSON Feature object")
                features.append(Feature(index: index, geometry: nil))
                return
            }
            var properties = f["properties"]?.objectValue ?? JSONObject()
            if let p = f["properties"], !p.isNull, p.objectValue == nil {
                problem(
                    index, f["id"].map(\.text), "properties", "bad-properties",
                    "\"properties\" is \(JSONWriter.serialize(p).prefix(40)), not an object or null; its values cannot "
                        + "be read")
            }
            properties = withID(f["id"], properties)
            var geometry: Geometry?
            if let g = f["geometry"], !g.isNull {
                do { geometry = try parseGeometry(g) } catch {
                    problem(
                        index, Feature(index: index, geometry: nil, properties: properties).id, "geometry",
                        "bad-geometry", error.message)
                }
            }
            features.append(Feature(index: index, geometry: geometry, properties: properties))
        }
        // The features are converted one by one while the file is parsed, so that the file never
        // exists as one JSON tree; they count only if the document turns out to be a FeatureCollection.
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, streaming: "features") { (index: Int, parser: inout JSONParser) in
                if index == 0 {
                    features = []
                    problems = []
                }
                // Plain features are read straight into their parts; any other is read again as a JSON value.
                let start = parser.i
                if let scanned = parser.scanFeature(depth: 2) {
                    let properties = withID(scanned.id, scanned.properties ?? JSONObject())
                    features.append(Feature(index: index, geometry: scanned.geometry, properties: properties))
                } else {
                    parser.i = start
                    feature(try parser.value(depth: 2), index: index)
                }
            }.value
        } catch let e as JSONParser.SyntaxError {
            throw UnreadableFile(path: path, reason: "not valid JSON: \(e)")
        } catch { throw UnreadableFile(path: path, reason: "not valid JSON: \(error)") }
        guard case .object(let object) = root else {
            throw UnreadableFile(path: path, reason: "not GeoJSON: the top level is not an object")
        }
        guard let type = object["type"]?.stringValue else {
            throw UnreadableFile(path: path, reason: "not GeoJSON: the top-level object has no \"type\" member")
        }
        var crs = CRS.wgs84
        if let crsMember = object["crs"], !crsMember.isNull {
            let name = crsMember.objectValue?["properties"]?.objectValue?["name"]?.stringValue
            guard let name, let parsed = CRS(name) else {
                throw UnreadableFile(
                    path: path,
                    reason:
                        "the \"crs\" member does not name a CRS (expected e.g. {\"type\": \"name\", \"properties\": "
                        + "{\"name\": \"urn:ogc:def:crs:EPSG::25832\"}})")
            }
            crs = parsed
        }
        switch type {
        case "FeatureCollection":
            // The features were converted while parsing; a "features" member that is no array is left whole.
            guard object["features"]?.arrayValue != nil else {
                throw UnreadableFile(path: path, reason: "not GeoJSON: a FeatureCollection needs a \"features\" array")
            }
            for (k, v) in object where !["type", "features", "crs"].contains(k) { metadata[k] = v }
        case "Feature":
            (features, problems) = ([], [])
            feature(root, index: 0)
        case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection":
            (features, problems) = ([], [])
            feature(
                .object(
                    JSONObject([
                        ("type", .string("Feature")), ("geometry", root), ("properties", .object(JSONObject())),
                    ])), index: 0)
        default:
            throw UnreadableFile(
                path: path,
                reason:
                    "not GeoJSON: top-level \"type\" is \"\(type)\" (expected FeatureCollection, Feature or a geometry)"
            )
        }
        return FeatureLayer(
            name: layerName, source: path, crs: crs, features: features, problems: problems, metadata: metadata)
    }

    /// The properties with the feature's `id` member first as an `id` property, unless they have one.
    static func withID(_ id: JSONValue?, _ properties: JSONObject) -> JSONObject {
        guard let id, !id.isNull, properties.value(forKeyIgnoringCase: "id") == nil else { return properties }
        return JSONObject([("id", .string(id.text))] + properties.map { ($0.key, $0.value) })
    }

    /// Parses a GeoJSON geometry object.
    public static func parseGeometry(_ value: JSONValue) throws(GeometryError) -> Geometry {
        guard case .object(let g) = value, let type = g["type"]?.stringValue else {
            throw GeometryError("geometry is not an object with a \"type\"")
        }
        if type == "GeometryCollection" {
            guard let parts = g["geometries"]?.arrayValue else {
                throw GeometryError("GeometryCollection without \"geometries\"")
            }
            var out: [Geometry] = []
            for p in parts { out.append(try parseGeometry(p)) }
            return .collection(out)
        }
        guard let coords = g["coordinates"] else { throw GeometryError("\(type) without \"coordinates\"") }
        func position(_ v: JSONValue) throws(GeometryError) -> Coordinate {
            guard let a = v.arrayValue, a.count >= 2 else {
                throw GeometryError("a position needs at least two numbers")
            }
            guard let x = a[0].numberValue, let y = a[1].numberValue else {
                throw GeometryError("position \(JSONWriter.serialize(v)) holds something other than numbers")
            }
            return Coordinate(x, y)
        }
        func positions(_ v: JSONValue) throws(GeometryError) -> [Coordinate] {
            guard let a = v.arrayValue else { throw GeometryError("expected an array of positions") }
            var out: [Coordinate] = []
            out.reserveCapacity(a.count)
            for p in a { out.append(try position(p)) }
            return out
        }
        func rings(_ v: JSONValue) throws(GeometryError) -> Polygon {
            guard let a = v.arrayValue else { throw GeometryError("expected an array of rings") }
            var rs: [[Coordinate]] = []
            for r in a { rs.append(try positions(r)) }
            guard let exterior = rs.first else { return Polygon(exterior: []) }
            return Polygon(exterior: exterior, holes: Array(rs.dropFirst()))
        }
        func list(_ v: JSONValue) throws(GeometryError) -> [JSONValue] {
            guard let a = v.arrayValue else { throw GeometryError("expected an array") }
            return a
        }
        switch type {
        case "Point": return .point(try position(coords))
        case "MultiPoint": return .multiPoint(try positions(coords))
        case "LineString": return .lineString(try positions(coords))
        case "MultiLineString":
            var ls: [[Coordinate]] = []
            for l in try list(coords) { ls.append(try positions(l)) }
            return .multiLineString(ls)
        case "Polygon": return .polygon(try rings(coords))
        case "MultiPolygon":
            var ps: [Polygon] = []
            for p in try list(coords) { ps.append(try rings(p)) }
            return .multiPolygon(ps)
        default: throw GeometryError("unknown geometry type \"\(type)\"")
        }
    }
}
