/// Writes RFC 7946 GeoJSON: a FeatureCollection in WGS84 lon/lat with no `crs` member, exterior
/// rings counter-clockwise and holes clockwise (§3.1.6), coordinates rounded to `decimals` places
/// (7 ≈ 1 cm). One feature per line, so that large files stay diff- and stream-friendly.
public struct GeoJSONWriter: Sendable {
    public var decimals: Int

    public init(decimals: Int = 7) { self.decimals = decimals }

    /// The whole document. `members` are top-level members written before `features` (e.g. a name or a
    /// `generated` note).
    public func document(features: [Feature], members: JSONObject = JSONObject()) -> String {
        var out = "{\"type\":\"FeatureCollection\""
        for (k, v) in members { out += "," + JSONWriter.quote(k) + ":" + JSONWriter.serialize(v) }
        out += ",\"features\":["
        for (i, f) in features.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += feature(f)
        }
        out += "\n]}\n"
        return out
    }

    /// A feature from its geometry and its values under names already quoted (`JSONWriter.quote`);
    /// the value at `idIndex` (the `id` property), when not null or empty, is also the feature's id.
    /// The same text as `feature(_:)` of the equivalent `Feature`, without building its properties.
    public func feature(geometry g: Geometry?, quotedNames: [String], values: [JSONValue], idIndex: Int?) -> String {
        var out = "{\"type\":\"Feature\""
        if let idIndex, !values[idIndex].isNull {
            let id = values[idIndex].text
            if !id.isEmpty { out += ",\"id\":" + JSONWriter.quote(id) }
        }
        out += ",\"geometry\":" + (g.map(geometry) ?? "null") + ",\"properties\":"
        if values.isEmpty { return out + "{}}" }
        out += "{"
        for k in values.indices {
            if k > 0 { out += "," }
            out += quotedNames[k] + ":"
            JSONWriter.write(values[k], into: &out, indent: nil)
        }
        return out + "}}"
    }

    public func feature(_ f: Feature) -> String {
        var out = "{\"type\":\"Feature\""
        if let id = f.id { out += ",\"id\":" + JSONWriter.quote(id) }
        out += ",\"geometry\":" + (f.geometry.map(geometry) ?? "null")
        out += ",\"properties\":" + JSONWriter.serialize(.object(f.properties)) + "}"
        return out
    }

    public func geometry(_ g: Geometry) -> String {
        switch g {
        case .point(let c): return "{\"type\":\"Point\",\"coordinates\":" + position(c) + "}"
        case .multiPoint(let cs): return "{\"type\":\"MultiPoint\",\"coordinates\":" + positions(cs) + "}"
        case .lineString(let cs): return "{\"type\":\"LineString\",\"coordinates\":" + positions(cs) + "}"
        case .multiLineString(let ls):
            return "{\"type\":\"MultiLineString\",\"coordinates\":[" + ls.map(positions).joined(separator: ",") + "]}"
        case .polygon(let p): return "{\"type\":\"Polygon\",\"coordinates\":" + rings(p) + "}"
        case .multiPolygon(let ps):
            return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + ps.map(rings).joined(separator: ",") + "]}"
        case .collection(let gs):
            return "{\"type\":\"GeometryCollection\",\"geometries\":[" + gs.map(geometry).joined(separator: ",") + "]}"
        }
    }

    private func position(_ c: Coordinate) -> String {
        "[" + JSONWriter.format(c.x, decimals: decimals) + "," + JSONWriter.format(c.y, decimals: decimals) + "]"
    }

    private func positions(_ cs: [Coordinate]) -> String { "[" + cs.map(position).joined(separator: ",") + "]" }

    private func rings(_ p: Polygon) -> String {
        let exterior = Ring.oriented(p.exterior, counterClockwise: true)
        let holes = p.holes.map { Ring.oriented($0, counterClockwise: false) }
        return "[" + ([exterior] + holes).map(positions).joined(separator: ",") + "]"
    }
}
