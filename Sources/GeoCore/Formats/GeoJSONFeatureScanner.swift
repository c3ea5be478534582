/// Reads a GeoJSON Feature straight from the bytes into its id, geometry and properties, without
/// making its geometry a tree of JSON values first.
///
/// It takes only what it can read without doubt: a `"type": "Feature"` object without repeated
/// members whose geometry is null or a Point, MultiPoint, LineString, MultiLineString, Polygon or
/// MultiPolygon of plain numbers. For anything else it gives nil, and the caller reads the feature
/// again as a JSON value, with every check and message of `GeoJSONReader`.
extension JSONParser {
    struct ScannedFeature {
        var id: JSONValue?
        var geometry: Geometry?
        var properties: JSONObject?
    }

    /// The feature at the read position, or nil (the read position is then undefined).
    mutating func scanFeature(depth: Int) -> ScannedFeature? {
        var feature = ScannedFeature()
        var seen = MemberNames()
        let complete = members { key, parser in
            guard seen.insert(key) else { return false }
            switch key {
            case "type":
                guard parser.peek(UInt8(ascii: "\"")), let type = try? parser.string() else { return false }
                return type == "Feature"
            case "id":
                guard let id = try? parser.value(depth: depth + 1) else { return false }
                feature.id = id
            case "properties":
                switch try? parser.value(depth: depth + 1) {
                case .object(let properties): feature.properties = properties
                case .null: break
                default: return false
                }
            case "geometry":
                if parser.peek(UInt8(ascii: "n")) {
                    guard (try? parser.value(depth: depth + 1)) == .null else { return false }
                } else {
                    guard let geometry = parser.scanGeometry(depth: depth + 1) else { return false }
                    feature.geometry = geometry
                }
            default: guard (try? parser.value(depth: depth + 1)) != nil else { return false }
            }
            return true
        }
        guard complete, seen.contains("type") else { return nil }
        return feature
    }

    private mutating func scanGeometry(depth: Int) -> Geometry? {
        var type: String?
        var coordinates: Nested?
        var seen = MemberNames()
        let complete = members { key, parser in
            guard seen.insert(key) else { return false }
            switch key {
            case "type":
                guard parser.peek(UInt8(ascii: "\"")), let t = try? parser.string() else { return false }
                type = t
            case "coordinates":
                coordinates = parser.nested()
                return coordinates != nil
            case "geometries": return false
            default: return (try? parser.value(depth: depth + 1)) != nil
            }
            return true
        }
        guard complete, let type, let coordinates else { return nil }
        switch type {
        case "Point":
            guard case .position(let c) = coordinates else { return nil }
            return .point(c)
        case "MultiPoint": return coordinates.positions.map { .multiPoint($0) }
        case "LineString": return coordinates.positions.map { .lineString($0) }
        case "MultiLineString":
            guard let lines = coordinates.list?.map(\.positions), !lines.contains(where: { $0 == nil }) else {
                return nil
            }
            return .multiLineString(lines.map { $0! })
        case "Polygon": return coordinates.polygon.map { .polygon($0) }
        case "MultiPolygon":
            guard let polygons = coordinates.list?.map(\.polygon), !polygons.contains(where: { $0 == nil }) else {
                return nil
            }
            return .multiPolygon(polygons.map { $0! })
        default: return nil
        }
    }

    /// Nested coordinate arrays: a position, an array of positions, or an array of such arrays.
    private enum Nested {
        case position(Coordinate)
        case positions([Coordinate])
        case list([Nested])

        var positions: [Coordinate]? {
            switch self {
            case .positions(let cs): cs
            case .list(let items) where items.isEmpty: []
            default: nil
            }
        }

        var list: [Nested]? {
            if case .list(let items) = self { return items }
            return nil
        }

        /// A polygon from its rings, as `GeoJSONReader.parseGeometry` makes it.
        var polygon: Polygon? {
            guard let rings = list?.map(\.positions), !rings.contains(where: { $0 == nil }) else { return nil }
            guard let exterior = rings.first else { return Polygon(exterior: []) }
            return Polygon(exterior: exterior!, holes: rings.dropFirst().map { $0! })
        }
    }

    private mutating func nested() -> Nested? {
        guard peek(UInt8(ascii: "[")) else { return nil }
        var k = i + 1
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x09 { k += 1 }
        guard k < bytes.count else { return nil }
        if bytes[k] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[k]) { return position().map { .position($0) } }
        i = k
        if bytes[k] == UInt8(ascii: "]") {
            i += 1
            return .list([])
        }
        guard bytes[k] == UInt8(ascii: "[") else { return nil }
        var positions: [Coordinate] = []
        var items: [Nested] = []
        while true {
            skipSpace()
            guard let item = nested() else { return nil }
            switch item {
            case .position(let c):
                guard items.isEmpty else { return nil }
                positions.append(c)
            default:
                guard positions.isEmpty else { return nil }
                items.append(item)
            }
            guard let more = separator(close: UInt8(ascii: "]")) else { return nil }
            if !more { return positions.isEmpty ? .list(items) : .positions(positions) }
        }
    }

    /// `[x, y, …]`: two or more plain numbers; the first two are the position.
    private mutating func position() -> Coordinate? {
        i += 1
        var numbers = 0
        var x = 0.0
        var y = 0.0
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[i]),
                let n = try? number()
            else { return nil }
            if numbers == 0 { x = n } else if numbers == 1 { y = n }
            numbers += 1
            guard let more = separator(close: UInt8(ascii: "]")) else { return nil }
            if !more { return numbers >= 2 ? Coordinate(x, y) : nil }
        }
    }

    /// Whether the next byte is `byte`.
    private func peek(_ byte: UInt8) -> Bool { i < bytes.count && bytes[i] == byte }

    /// The members of the object at the read position, each handed to `member` with the parser at its
    /// value; false when the object is malformed or `member` declines one.
    private mutating func members(_ member: (String, inout JSONParser) -> Bool) -> Bool {
        guard peek(UInt8(ascii: "{")) else { return false }
        i += 1
        skipSpace()
        if peek(UInt8(ascii: "}")) {
            i += 1
            return true
        }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")), let key = try? string() else { return false }
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { return false }
            i += 1
            skipSpace()
            guard member(key, &self) else { return false }
            guard let more = separator(close: UInt8(ascii: "}")) else { return false }
            if !more { return true }
        }
    }

    /// After an element of a list: true past a comma (more follow), false past `close`, nil otherwise.
    private mutating func separator(close: UInt8) -> Bool? {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ",") || bytes[i] == close else { return nil }
        i += 1
        return bytes[i - 1] == UInt8(ascii: ",")
    }
}

/// The member names of one object read so far, to tell a repeated member: the names a GeoJSON feature
/// and geometry use as bits, any other in a list (no set to allocate and hash per feature).
private struct MemberNames {
    private static let usual = ["type", "id", "properties", "geometry", "coordinates", "bbox"]
    private var usualSeen: UInt8 = 0
    private var others: [String] = []

    /// Adds `name`; false if it was there already.
    mutating func insert(_ name: String) -> Bool {
        if let k = Self.usual.firstIndex(of: name) {
            let bit: UInt8 = 1 << k
            defer { usualSeen |= bit }
            return usualSeen & bit == 0
        }
        if others.contains(name) { return false }
        others.append(name)
        return true
    }

    func contains(_ name: String) -> Bool {
        if let k = Self.usual.firstIndex(of: name) { return usualSeen & (1 << k) != 0 }
        return others.contains(name)
    }
}
