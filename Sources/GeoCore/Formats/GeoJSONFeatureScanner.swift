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

    private static let featureType = NameList(["Feature"])

    /// The feature at the read position, or nil (the read position is then undefined).
    mutating func scanFeature(depth: Int) -> ScannedFeature? {
        var feature = ScannedFeature()
        var seen = MemberNames()
        let complete = members { key, parser in
            guard seen.insert(key) else { return false }
            switch key {
            case .type: return parser.quotedName(of: Self.featureType) == 0
            case .id:
                guard let id = try? parser.value(depth: depth + 1) else { return false }
                feature.id = id
            case .properties:
                switch try? parser.value(depth: depth + 1) {
                case .object(let properties): feature.properties = properties
                case .null: break
                default: return false
                }
            case .geometry:
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
        guard complete, seen.contains(.type) else { return nil }
        return feature
    }

    private mutating func scanGeometry(depth: Int) -> Geometry? {
        var type: GeometryType?
        var coordinates: FlatCoordinates?
        var seen = MemberNames()
        let complete = members { key, parser in
            guard seen.insert(key) else { return false }
            switch key {
            case .type:
                type = parser.quotedName(of: GeometryType.names).map { GeometryType.allCases[$0] }
                return type != nil
            case .coordinates:
                // The nesting comes from the type where it was read before; else from the brackets.
                guard let levels = type?.levels ?? parser.leadingBrackets() else { return false }
                coordinates = parser.flatCoordinates(levels: levels)
                return coordinates != nil
            case .geometries: return false
            default: return (try? parser.value(depth: depth + 1)) != nil
            }
            return true
        }
        guard complete, let type, let coordinates, coordinates.levels == type.levels else { return nil }
        return coordinates.geometry(type)
    }

    /// The geometry types whose coordinates the scanner reads.
    enum GeometryType: String, CaseIterable {
        case point = "Point"
        case multiPoint = "MultiPoint"
        case lineString = "LineString"
        case multiLineString = "MultiLineString"
        case polygon = "Polygon"
        case multiPolygon = "MultiPolygon"

        static let names = NameList(allCases.map(\.rawValue))

        /// How deeply its coordinates nest: 1 for a position, 2 for a list of positions, 3 for a list of
        /// such lists, 4 for a list of those.
        var levels: Int {
            switch self {
            case .point: 1
            case .multiPoint, .lineString: 2
            case .multiLineString, .polygon: 3
            case .multiPolygon: 4
            }
        }
    }

    /// Coordinates read into one flat list of positions, with the end of each list of positions (a line or
    /// ring) and of each list of such lists (a polygon).
    struct FlatCoordinates {
        var levels = 0
        var positions: [Coordinate] = []
        /// Per list of positions, the end of its positions.
        var lineEnds: [Int] = []
        /// Per list of lists, the end of its lists.
        var partEnds: [Int] = []

        /// The lists of positions from `first` up to `end`, each copied into an array of its size.
        func lines(_ first: Int, _ end: Int) -> [[Coordinate]] {
            (first..<end).map { k in Array(positions[(k == 0 ? 0 : lineEnds[k - 1])..<lineEnds[k]]) }
        }

        /// A polygon of the lists `first` up to `end`, as `GeoJSONReader.parseGeometry` makes it.
        func polygon(_ first: Int, _ end: Int) -> Polygon {
            guard first < end else { return Polygon(exterior: []) }
            let rings = lines(first, end)
            return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
        }

        func geometry(_ type: GeometryType) -> Geometry {
            switch type {
            case .point: .point(positions[0])
            case .multiPoint: .multiPoint(lines(0, 1)[0])
            case .lineString: .lineString(lines(0, 1)[0])
            case .multiLineString: .multiLineString(lines(0, lineEnds.count))
            case .polygon: .polygon(polygon(0, lineEnds.count))
            case .multiPolygon:
                .multiPolygon(partEnds.indices.map { k in polygon(k == 0 ? 0 : partEnds[k - 1], partEnds[k]) })
            }
        }
    }

    /// The number of opening brackets before the first number, or nil when a list is empty or holds
    /// something else (then only the type tells the nesting).
    private func leadingBrackets() -> Int? {
        var k = i
        var levels = 0
        while k < bytes.count {
            switch bytes[k] {
            case UInt8(ascii: "["): levels += 1
            case 0x20, 0x0A, 0x0D, 0x09: break
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return levels > 0 ? levels : nil
            default: return nil
            }
            k += 1
        }
        return nil
    }

    /// The coordinates at the read position, nested `levels` deep, or nil when they nest otherwise or hold
    /// anything but plain numbers.
    private mutating func flatCoordinates(levels: Int) -> FlatCoordinates? {
        // The lists of the last geometry are filled again, without growing them from nothing each time.
        var flat = coordinateLists
        coordinateLists = FlatCoordinates(levels: 0)
        flat.levels = levels
        flat.positions.removeAll(keepingCapacity: true)
        flat.lineEnds.removeAll(keepingCapacity: true)
        flat.partEnds.removeAll(keepingCapacity: true)
        defer { coordinateLists = flat }
        guard list(levels, into: &flat) else { return nil }
        return flat
    }

    /// Reads a list nested `levels` deep (1: a position) into `flat`.
    private mutating func list(_ levels: Int, into flat: inout FlatCoordinates) -> Bool {
        if levels == 1 {
            guard let c = position() else { return false }
            flat.positions.append(c)
            return true
        }
        guard peek(UInt8(ascii: "[")) else { return false }
        i += 1
        skipSpace()
        if peek(UInt8(ascii: "]")) {
            i += 1
        } else {
            while true {
                skipSpace()
                guard list(levels - 1, into: &flat), let more = separator(close: UInt8(ascii: "]")) else {
                    return false
                }
                if !more { break }
            }
        }
        if levels == 2 { flat.lineEnds.append(flat.positions.count) }
        if levels == 3 { flat.partEnds.append(flat.lineEnds.count) }
        return true
    }

    /// `[x, y, …]`: two or more plain numbers; the first two are the position.
    private mutating func position() -> Coordinate? {
        guard peek(UInt8(ascii: "[")) else { return nil }
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
    private mutating func members(_ member: (MemberName, inout JSONParser) -> Bool) -> Bool {
        guard peek(UInt8(ascii: "{")) else { return false }
        i += 1
        skipSpace()
        if peek(UInt8(ascii: "}")) {
            i += 1
            return true
        }
        while true {
            skipSpace()
            guard let key = memberName() else { return false }
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

/// A member name of a GeoJSON feature or geometry: one of the names they use, or any other.
enum MemberName: Equatable {
    case type, id, properties, geometry, coordinates, bbox, geometries
    case other(String)

    static let usual = NameList(["type", "id", "properties", "geometry", "coordinates", "bbox", "geometries"])

    init(_ name: String) {
        switch Self.usual.names.firstIndex(of: name) {
        case 0: self = .type
        case 1: self = .id
        case 2: self = .properties
        case 3: self = .geometry
        case 4: self = .coordinates
        case 5: self = .bbox
        case 6: self = .geometries
        default: self = .other(name)
        }
    }

    /// The position of a usual name in `usual`.
    var usualIndex: Int? {
        switch self {
        case .type: 0
        case .id: 1
        case .properties: 2
        case .geometry: 3
        case .coordinates: 4
        case .bbox: 5
        case .geometries: 6
        case .other: nil
        }
    }
}

extension JSONParser {
    /// The member name at the read position (at its opening quote), with the parser past it. A usual
    /// name written without escapes is told from the bytes in place; any other is read as a string.
    fileprivate mutating func memberName() -> MemberName? {
        if let k = quotedName(of: MemberName.usual) { return Self.usualNames[k] }
        guard peek(UInt8(ascii: "\"")), let name = try? string() else { return nil }
        return MemberName(name)
    }

    private static let usualNames = MemberName.usual.names.map(MemberName.init)

    /// The index in `names` of the string at the read position, with the parser past it, if it is written
    /// without escapes and is one of `names`; else nil with the parser where it was.
    fileprivate mutating func quotedName(of names: NameList) -> Int? {
        guard peek(UInt8(ascii: "\"")) else { return nil }
        let start = i + 1
        let found: (index: Int, end: Int)? = bytes.withUnsafeBufferPointer { p in
            var end = start
            while end < p.count, p[end] != UInt8(ascii: "\""), p[end] != UInt8(ascii: "\\") { end += 1 }
            guard end < p.count, p[end] == UInt8(ascii: "\"") else { return nil }
            return names.index(of: UnsafeBufferPointer(rebasing: p[start..<end])).map { ($0, end + 1) }
        }
        guard let found else { return nil }
        i = found.end
        return found.index
    }
}

/// The member names of one object read so far, to tell a repeated member: the usual names as bits, any
/// other in a list (no set to allocate and hash per feature).
private struct MemberNames {
    private var usualSeen: UInt8 = 0
    private var others: [String] = []

    /// Adds `name`; false if it was there already.
    mutating func insert(_ name: MemberName) -> Bool {
        switch name {
        case .other(let text):
            if others.contains(text) { return false }
            others.append(text)
            return true
        default:
            let bit: UInt8 = 1 << name.usualIndex!
            defer { usualSeen |= bit }
            return usualSeen & bit == 0
        }
    }

    func contains(_ name: MemberName) -> Bool {
        if let k = name.usualIndex { return usualSeen & (1 << k) != 0 }
        if case .other(let text) = name { return others.contains(text) }
        return false
    }
}
