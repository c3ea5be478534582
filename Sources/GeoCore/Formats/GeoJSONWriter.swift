/// Writes RFC 7946 GeoJSON: a FeatureCollection in WGS84 lon/lat with no `crs` member, exterior
/// rings counter-clockwise and holes clockwise (§3.1.6), coordinates rounded to `decimals` places
/// (7 ≈ 1 cm). One feature per line, so that large files stay diff- and stream-friendly.
///
/// The text is made as UTF-8 bytes (`appendFeature`); the `String` functions wrap them.
public struct GeoJSONWriter: Sendable {
    public var decimals: Int

    public init(decimals: Int = 7) { self.decimals = decimals }

    /// The whole document. `members` are top-level members written before `features` (e.g. a name or a
    /// `generated` note).
    public func document(features: [Feature], members: JSONObject = JSONObject()) -> String {
        var out: [UInt8] = []
        appendHead(members: members, to: &out)
        for (i, f) in features.enumerated() {
            out.append(contentsOf: (i == 0 ? "\n" : ",\n").utf8)
            appendFeature(f, to: &out)
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The document up to the opening of its features array; `document` without features, minus "\n]}\n".
    public func appendHead(members: JSONObject, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"FeatureCollection\"".utf8)
        for (k, v) in members {
            out.append(UInt8(ascii: ","))
            JSONWriter.appendQuoted(k, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONWriter.append(v, to: &out)
        }
        out.append(contentsOf: ",\"features\":[".utf8)
    }

    /// The property names of a layer's features as the bytes that come before each value: `"name":`,
    /// with a comma before every name but the first. Made once per layer, appended in one copy each.
    public struct PropertyKeys: Sendable {
        let bytes: [UInt8]
        /// Where key k starts in `bytes`; one more entry for the end of the last.
        let starts: [Int]

        public init(_ names: [String]) {
            var bytes: [UInt8] = []
            var starts: [Int] = []
            for (k, name) in names.enumerated() {
                starts.append(bytes.count)
                if k > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONWriter.appendQuoted(name, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
            }
            starts.append(bytes.count)
            (self.bytes, self.starts) = (bytes, starts)
        }

        public var count: Int { starts.count - 1 }
    }

    /// A feature from its geometry and its values under `keys`; the value at `idIndex` (the `id`
    /// property), when not null or empty, is also the feature's id. The same text as `feature(_:)` of
    /// the equivalent `Feature`, without building its properties. `positions`, where given, are the
    /// geometry's positions (see `appendGeometry(_:positions:to:)`).
    public func appendFeature(
        geometry g: Geometry?, positions: [Coordinate]? = nil, keys: PropertyKeys, values: FieldValues, idIndex: Int?,
        to out: inout [UInt8]
    ) {
        precondition(values.count == keys.count, "\(values.count) values for \(keys.count) property names")
        out.append(contentsOf: "{\"type\":\"Feature\"".utf8)
        if let idIndex {
            values.withValue(at: idIndex) { id in
                switch id {
                case .null: return
                case .text(let bytes) where bytes.isEmpty: return
                case .text(let bytes):
                    out.append(contentsOf: ",\"id\":".utf8)
                    JSONWriter.appendQuoted(bytes, to: &out)
                default:
                    // A number, boolean or nested value: its text.
                    out.append(contentsOf: ",\"id\":".utf8)
                    JSONWriter.appendQuoted(id.jsonValue.text, to: &out)
                }
            }
        }
        out.append(contentsOf: ",\"geometry\":".utf8)
        appendGeometry(g, positions: positions, to: &out)
        out.append(contentsOf: ",\"properties\":{".utf8)
        // Keys read in place, values from their buffer.
        keys.bytes.withUnsafeBufferPointer { bytes in
            keys.starts.withUnsafeBufferPointer { starts in
                // Properties are gathered in a batch on the stack and appended a bufferful at a time.
                withByteBatch(appendingTo: &out) { batch, out in
                    values.forEach { k, value in
                        let key = UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]])
                        if case .number(let n) = value {
                            if batch.makeRoom(key.count + ByteBatch.numberRoom, flushingInto: &out) {
                                batch.put(key)
                                if batch.putNumber(n) != nil { return }
                                batch.flush(into: &out)
                            } else {
                                out.append(contentsOf: key)
                            }
                            JSONWriter.appendNumber(n, to: &out)
                            return
                        }
                        if Self.putKeyAndValue(key, value, into: &batch, flushingInto: &out) { return }
                        batch.flush(into: &out)
                        out.append(contentsOf: key)
                        switch value {
                        case .text(let text): JSONWriter.appendQuoted(text, to: &out)
                        default: JSONWriter.append(value.jsonValue, to: &out)
                        }
                    }
                }
            }
        }
        out.append(contentsOf: "}}".utf8)
    }

    public func feature(_ f: Feature) -> String {
        var out: [UInt8] = []
        appendFeature(f, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func appendFeature(_ f: Feature, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"type\":\"Feature\"".utf8)
        if let id = f.id {
            out.append(contentsOf: ",\"id\":".utf8)
            JSONWriter.appendQuoted(id, to: &out)
        }
        out.append(contentsOf: ",\"geometry\":".utf8)
        appendGeometry(f.geometry, to: &out)
        out.append(contentsOf: ",\"properties\":".utf8)
        JSONWriter.append(.object(f.properties), to: &out)
        out.append(UInt8(ascii: "}"))
    }

    public func geometry(_ g: Geometry) -> String {
        var out: [UInt8] = []
        appendGeometry(g, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A geometry object, or `null`.
    public func appendGeometry(_ g: Geometry?, to out: inout [UInt8]) {
        var next = 0
        appendGeometry(g, positions: nil, next: &next, to: &out)
    }

    /// A geometry object with the structure of `g` and its positions taken from `positions`, in the order
    /// `Geometry.forEachCoordinate` visits g's own: g's coordinates transformed (to WGS 84) without a
    /// geometry made of them. Rings are oriented by the positions written. With `positions` nil, g's own.
    public func appendGeometry(_ g: Geometry?, positions: [Coordinate]?, to out: inout [UInt8]) {
        var next = 0
        guard let positions else { return appendGeometry(g, positions: nil, next: &next, to: &out) }
        positions.withUnsafeBufferPointer { appendGeometry(g, positions: $0, next: &next, to: &out) }
        precondition(next == positions.count, "\(positions.count) positions for a geometry of \(next)")
    }

    /// The walk of `appendGeometry(_:positions:to:)`: each list of g's coordinates is written from the next
    /// positions (from `next` on) where there are positions, else from itself.
    private func appendGeometry(
        _ g: Geometry?, positions: UnsafeBufferPointer<Coordinate>?, next: inout Int, to out: inout [UInt8]
    ) {
        func head(_ type: String) { out.append(contentsOf: "{\"type\":\"\(type)\",\"coordinates\":".utf8) }
        func list<T>(_ items: [T], _ each: (T) -> Void) {
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                each(item)
            }
            out.append(UInt8(ascii: "]"))
        }
        /// The positions written for `cs`.
        func written(_ cs: [Coordinate], _ body: (UnsafeBufferPointer<Coordinate>) -> Void) {
            guard let positions else { return cs.withUnsafeBufferPointer(body) }
            precondition(next + cs.count <= positions.count, "fewer positions than the geometry's coordinates")
            body(UnsafeBufferPointer(rebasing: positions[next..<next + cs.count]))
            next += cs.count
        }
        func positionList(_ cs: [Coordinate]) {
            out.append(UInt8(ascii: "["))
            written(cs) { appendPositionList($0, to: &out) }
            out.append(UInt8(ascii: "]"))
        }
        func rings(_ p: Polygon) {
            out.append(UInt8(ascii: "["))
            written(p.exterior) { appendRing($0, counterClockwise: true, to: &out) }
            for hole in p.holes {
                out.append(UInt8(ascii: ","))
                written(hole) { appendRing($0, counterClockwise: false, to: &out) }
            }
            out.append(UInt8(ascii: "]"))
        }
        switch g {
        case nil: return out.append(contentsOf: "null".utf8)
        case .point(let c):
            head("Point")
            if positions == nil {
                withUnsafePointer(to: c) { appendPositionList(UnsafeBufferPointer(start: $0, count: 1), to: &out) }
            } else {
                written([c]) { appendPositionList($0, to: &out) }
            }
        case .multiPoint(let cs):
            head("MultiPoint")
            positionList(cs)
        case .lineString(let cs):
            head("LineString")
            positionList(cs)
        case .multiLineString(let ls):
            head("MultiLineString")
            list(ls, positionList)
        case .polygon(let p):
            head("Polygon")
            rings(p)
        case .multiPolygon(let ps):
            head("MultiPolygon")
            list(ps, rings)
        case .collection(let gs):
            out.append(contentsOf: "{\"type\":\"GeometryCollection\",\"geometries\":".utf8)
            list(gs) { appendGeometry($0, positions: positions, next: &next, to: &out) }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A ring's `[[x,y],…]`, in its order or reversed so that it turns as asked (`Ring.signedArea` of the
    /// positions written).
    private func appendRing(_ ring: UnsafeBufferPointer<Coordinate>, counterClockwise: Bool, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        appendPositionList(ring, reversed: (Ring.signedArea(ring) > 0) != counterClockwise, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// Positions separated by commas, each `[x,y]` with its ordinates as `JSONWriter.appendNumber(_:decimals:to:)`
    /// writes them, gathered in a batch; a position with an ordinate that `JSONWriter.scaledDigits` leaves to
    /// the general path is written through it, number by number.
    private func appendPositionList(
        _ cs: UnsafeBufferPointer<Coordinate>, reversed: Bool = false, to out: inout [UInt8]
    ) {
        let decimals = decimals
        let scale = JSONWriter.powersOfTen[decimals]
        let last = cs.count - 1
        withByteBatch(appendingTo: &out) { batch, out in
            for k in cs.indices {
                let c = cs[reversed ? last - k : k]
                if let x = JSONWriter.scaledDigits(c.x, scale: scale),
                    let y = JSONWriter.scaledDigits(c.y, scale: scale),
                    batch.makeRoom(2 * ByteBatch.numberRoom + 4, flushingInto: &out)
                {
                    if k > 0 { batch.put(UInt8(ascii: ",")) }
                    batch.put(UInt8(ascii: "["))
                    _ = batch.putScaled(x, decimals: decimals)
                    batch.put(UInt8(ascii: ","))
                    _ = batch.putScaled(y, decimals: decimals)
                    batch.put(UInt8(ascii: "]"))
                    continue
                }
                batch.flush(into: &out)
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                JSONWriter.appendNumber(c.x, decimals: decimals, to: &out)
                out.append(UInt8(ascii: ","))
                JSONWriter.appendNumber(c.y, decimals: decimals, to: &out)
                out.append(UInt8(ascii: "]"))
            }
        }
    }

    /// Puts a property's key and its value as `JSONWriter.append(_:to:indent:)` writes it into `batch`, for a
    /// text that needs no escape, null and a boolean; false for anything else, and for what does not fit
    /// (nothing is then put).
    @inline(__always) private static func putKeyAndValue(
        _ key: UnsafeBufferPointer<UInt8>, _ value: FieldValues.Value, into batch: inout ByteBatch,
        flushingInto out: inout [UInt8]
    ) -> Bool {
        func put(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) -> Bool {
            guard batch.makeRoom(key.count + bytes.count + 2, flushingInto: &out) else { return false }
            batch.put(key)
            if quoted { batch.put(UInt8(ascii: "\"")) }
            batch.put(bytes)
            if quoted { batch.put(UInt8(ascii: "\"")) }
            return true
        }
        switch value {
        case .text(let bytes): return JSONWriter.needsNoEscape(bytes) && put(bytes, quoted: true)
        case .null: return ("null" as StaticString).withUTF8Buffer { put($0, quoted: false) }
        case .bool(let b):
            let text: StaticString = b ? "true" : "false"
            return text.withUTF8Buffer { put($0, quoted: false) }
        default: return false
        }
    }
}
