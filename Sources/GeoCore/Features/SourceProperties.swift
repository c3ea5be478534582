/// The properties of an input feature, kept to be passed through to the outputs (the `src_*` columns) and
/// read now and then by name. A building holds them from loading to the last writer, so they are packed:
/// the keys are shared with the other features of the file (`JSONObject` shares them), and the values
/// lie in one byte buffer, each a tag and its bytes. Nested arrays and objects (rare) are kept as values.
///
/// A million buildings with a dozen properties each hold about 150 bytes apiece this way, against 330
/// as a `JSONObject` (24 bytes per value plus the array).
public struct SourceProperties: Sendable, Hashable {
    /// The property names, in file order.
    public let keys: [String]
    private let packed: [UInt8]
    private let nested: [JSONValue]

    private enum Tag: UInt8 { case null, `false`, `true`, number, string, nested }

    public init() {
        keys = []
        packed = []
        nested = []
    }

    public init(_ object: JSONObject) {
        keys = object.keys
        // The size first: the buffer is allocated once, at the size it keeps.
        var size = 0
        for value in object.values {
            switch value {
            case .null, .bool: size += 1
            case .number: size += 9
            case .string(let s): size += 1 + Self.lengthSize(s.utf8.count) + s.utf8.count
            case .array, .object: size += 1 + 9
            }
        }
        var nested: [JSONValue] = []
        // Written through a pointer into the buffer of that size (an append per value cost more than most
        // values' bytes).
        packed = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard var at = buffer.baseAddress else {
                count = 0
                return
            }
            let start = at
            for value in object.values {
                switch value {
                case .null: Self.put(Tag.null.rawValue, at: &at)
                case .bool(let b): Self.put((b ? Tag.true : Tag.false).rawValue, at: &at)
                case .number(let n):
                    Self.put(Tag.number.rawValue, at: &at)
                    UnsafeMutableRawPointer(at).storeBytes(of: n.bitPattern.littleEndian, as: UInt64.self)
                    at += 8
                case .string(var s):
                    Self.put(Tag.string.rawValue, at: &at)
                    let length = s.utf8.count
                    Self.putLength(length, at: &at)
                    let destination = at
                    s.withUTF8 { if let source = $0.baseAddress { destination.update(from: source, count: length) } }
                    at += length
                case .array, .object:
                    Self.put(Tag.nested.rawValue, at: &at)
                    Self.putLength(nested.count, at: &at)
                    nested.append(value)
                }
            }
            count = at - start
        }
        self.nested = nested
    }

    public var count: Int { keys.count }

    /// The values, in the order of `keys`.
    public var values: [JSONValue] {
        var out: [JSONValue] = []
        out.reserveCapacity(keys.count)
        var i = 0
        while i < packed.count { out.append(value(at: &i)) }
        return out
    }

    /// The values as text, in the order of `keys`: each value's `JSONValue.text` as a string, and null where
    /// the value is null (the form of the `src_*` columns), made without making the values first.
    public var texts: [JSONValue] {
        var out: [JSONValue] = []
        out.reserveCapacity(keys.count)
        forEachText { _, text in out.append(text) }
        return out
    }

    /// Calls `body` with each value's position and its text as `texts` gives it, in the order of `keys`
    /// (without an array of them).
    @inline(__always) public func forEachText(_ body: (Int, JSONValue) -> Void) {
        var i = 0
        var k = 0
        while i < packed.count {
            let tag = Tag(rawValue: packed[i])!
            i += 1
            switch tag {
            case .null: body(k, .null)
            case .false: body(k, .string("false"))
            case .true: body(k, .string("true"))
            case .number:
                var bits: UInt64 = 0
                for b in 0..<8 { bits |= UInt64(packed[i + b]) << (8 * b) }
                i += 8
                body(k, .string(JSONWriter.format(Double(bitPattern: bits))))
            case .string:
                let length = readLength(at: &i)
                body(
                    k, .string(packed.withUnsafeBufferPointer { String(decoding: $0[i..<(i + length)], as: UTF8.self) })
                )
                i += length
            case .nested: body(k, .string(nested[readLength(at: &i)].text))
            }
            k += 1
        }
    }

    /// The value of property `key`, nil when the feature has none of that name.
    public subscript(key: String) -> JSONValue? {
        guard let position = keys.firstIndex(of: key) else { return nil }
        var i = 0
        for _ in 0..<position { skip(at: &i) }
        return value(at: &i)
    }

    private func value(at i: inout Int) -> JSONValue {
        let tag = Tag(rawValue: packed[i])!
        i += 1
        switch tag {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number:
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(packed[i + k]) << (8 * k) }
            i += 8
            return .number(Double(bitPattern: bits))
        case .string:
            let length = readLength(at: &i)
            defer { i += length }
            return .string(packed.withUnsafeBufferPointer { String(decoding: $0[i..<(i + length)], as: UTF8.self) })
        case .nested: return nested[readLength(at: &i)]
        }
    }

    private func skip(at i: inout Int) {
        let tag = Tag(rawValue: packed[i])!
        i += 1
        switch tag {
        case .null, .false, .true: break
        case .number: i += 8
        case .string: i += readLength(at: &i)
        case .nested: _ = readLength(at: &i)
        }
    }

    /// The number of bytes `putLength` writes for `n`.
    private static func lengthSize(_ n: Int) -> Int {
        var (n, size) = (n, 1)
        while n >= 0x80 {
            n >>= 7
            size += 1
        }
        return size
    }

    /// Writes `byte` and moves past it.
    private static func put(_ byte: UInt8, at pointer: inout UnsafeMutablePointer<UInt8>) {
        pointer.pointee = byte
        pointer += 1
    }

    /// Writes `n` as LEB128: seven bits a byte, the high bit set on all but the last.
    private static func putLength(_ n: Int, at pointer: inout UnsafeMutablePointer<UInt8>) {
        var n = n
        while n >= 0x80 {
            put(UInt8(n & 0x7F) | 0x80, at: &pointer)
            n >>= 7
        }
        put(UInt8(n), at: &pointer)
    }

    private func readLength(at i: inout Int) -> Int {
        var n = 0
        var shift = 0
        while true {
            let byte = packed[i]
            i += 1
            n |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return n }
            shift += 7
        }
    }
}
