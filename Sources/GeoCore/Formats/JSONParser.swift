import Foundation

/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports the line and column of any error.
///
/// As an extension it accepts the tokens `NaN`, `Infinity` and `-Infinity` that some GIS tools write,
/// so that such coordinates are reported per feature instead of failing the whole file.
public struct JSONParser {
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let reason: String
        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    let bytes: [UInt8]
    /// The read position: the index of the next byte.
    var i = 0
    /// Per nesting depth, the last object parsed there: the next object with the same keys shares its
    /// keys and index.
    private var shapes: [JSONObject] = []
    /// The lists the feature scanner reads coordinates into, kept between geometries.
    var coordinateLists = FlatCoordinates()

    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    /// Parses a document whose top level is an object and hands each element of its array member
    /// `key` to `read` (with its index) instead of keeping the whole array: a large GeoJSON file then
    /// never exists as one tree. `read` reads the element itself from the parser, which stands at the
    /// element's first byte and must be left just after its last. The returned value is the document with
    /// that member as an empty array; `streamed` says whether there was one. An element list that
    /// appears twice (a repeated key) starts again at index 0. Other documents parse as by `parse`.
    static func parse(
        _ bytes: [UInt8], streaming key: String, _ read: (Int, inout JSONParser) throws -> Void
    ) throws -> (value: JSONValue, streamed: Bool) {
        var parser = JSONParser(bytes: bytes)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
        parser.skipSpace()
        var streamed = false
        let value: JSONValue
        if parser.i < parser.bytes.count, parser.bytes[parser.i] == UInt8(ascii: "{") {
            value = try parser.object(depth: 0) { member, p in
                guard member == key, p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "[") else { return nil }
                try p.elements(depth: 1, read)
                streamed = true
                return .array([])
            }
        } else {
            value = try parser.value(depth: 0)
        }
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return (value, streamed)
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The elements of the array at the parser's position, each read by `read` and not kept.
    private mutating func elements(depth: Int, _ read: (Int, inout JSONParser) throws -> Void) throws {
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        var index = 0
        while true {
            skipSpace()
            try read(index, &self)
            index += 1
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    private func error(_ reason: String) -> SyntaxError {
        var line = 1
        var column = 1
        for b in bytes[0..<min(i, bytes.count)] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SyntaxError(line: line, column: column, reason: reason)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
        let count = word.utf8CodeUnitCount
        let matches = bytes.withUnsafeBufferPointer { p in
            i + count <= p.count && memcmp(p.baseAddress! + i, word.utf8Start, count) == 0
        }
        guard matches else { throw error("invalid literal") }
        i += count
        return value
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 512 else { throw error("nesting deeper than 512 levels") }
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .number(.nan))
        case UInt8(ascii: "I"): return try literal("Infinity", .number(.infinity))
        case UInt8(ascii: "-") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "I"):
            i += 1
            return try literal("Infinity", .number(-.infinity))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[i])))'")
        }
    }

    /// An object; `member`, where given, may parse a member's value itself (returning nil leaves it
    /// to the parser).
    private mutating func object(
        depth: Int, member: (String, inout JSONParser) throws -> JSONValue? = { _, _ in nil }
    ) throws -> JSONValue {
        i += 1
        // While the keys are those of the last object at this depth, in the same order, only the values
        // are kept; the object then shares that object's keys and index.
        let shape = depth < shapes.count ? shapes[depth] : JSONObject()
        var values: [JSONValue] = []
        values.reserveCapacity(shape.count)
        var object: JSONObject?
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(JSONObject())
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error("expected a member name in quotes")
            }
            let key: String
            if object == nil, values.count < shape.count, skipKey(shape.keys[values.count]) {
                key = shape.keys[values.count]
            } else {
                key = try string()
                if object == nil { object = JSONObject(Array(zip(shape.keys, values))) }
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
            i += 1
            skipSpace()
            let value = try member(key, &self) ?? self.value(depth: depth + 1)
            if object == nil { values.append(value) } else { object![key] = value }
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                break
            }
            throw error("expected ',' or '}' in an object")
        }
        if object == nil, values.count == shape.count { return .object(JSONObject(shape: shape, values: values)) }
        let parsed = object ?? JSONObject(Array(zip(shape.keys, values)))
        while shapes.count <= depth { shapes.append(JSONObject()) }
        shapes[depth] = parsed
        return .object(parsed)
    }

    /// Reads the member name at the parser's position if it is `key` written without escapes.
    private mutating func skipKey(_ key: String) -> Bool {
        // The key's bytes are compared in place (iterating a string's UTF-8 view is much slower). A key with
        // a backslash is never written as it is: it is read by `string()`.
        let next: Int?? = key.utf8.withContiguousStorageIfAvailable { k in
            bytes.withUnsafeBufferPointer { p in
                let end = i + 1 + k.count
                guard end < p.count, p[end] == UInt8(ascii: "\""),
                    k.isEmpty || memcmp(p.baseAddress! + i + 1, k.baseAddress!, k.count) == 0,
                    k.isEmpty || memchr(k.baseAddress!, Int32(UInt8(ascii: "\\")), k.count) == nil
                else { return nil }
                return end + 1
            }
        }
        guard let next = next ?? nil else { return false }
        i = next
        return true
    }

    private mutating func array(depth: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        try elements(depth: depth) { (_, parser: inout JSONParser) in items.append(try parser.value(depth: depth + 1)) }
        return .array(items)
    }

    /// A JSON number. Numbers of at most 15 significant digits, a fraction of at most 22 digits and no
    /// exponent are read exactly in one pass over the bytes (`DecimalText.leading`): their digits form an
    /// integer below 2^53 and 10^k (k ≤ 22) is a double too, so one IEEE division rounds correctly and
    /// gives the same double as `strtod` (Clinger's fast path). Other numbers are checked here and read by
    /// `Double(String)`.
    mutating func number() throws -> Double {
        if let (value, end) = bytes.withUnsafeBufferPointer({ DecimalText.leading($0, from: i) }) {
            i = end
            return value
        }
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] &- 0x30 <= 9 { i += 1 }
            return i - s
        }
        guard digits() > 0 else { throw error("invalid number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw error("invalid number: no digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("invalid number: no exponent digits") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number '\(text)'") }
        return value
    }

    mutating func string() throws -> String {
        i += 1
        // Most strings have no escape: they are the bytes up to the closing quote (the file's UTF-8 is
        // checked before parsing).
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 {
            i += 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            i += 1
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(i - 1)]), as: UTF8.self)
            }
        }
        var out = Array(bytes[start..<i])
        while true {
            guard i < bytes.count else { throw error("unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                break
            }
            if b < 0x20 { throw error("control character in a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw error("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                    bytes[i + 1] == UInt8(ascii: "u")
                {
                    i += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default: throw error("invalid escape")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            i += 1
            v <<= 4
            switch b {
            case 0x30...0x39: v |= UInt32(b - 0x30)
            case 0x41...0x46: v |= UInt32(b - 0x41 + 10)
            case 0x61...0x66: v |= UInt32(b - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
        }
        return v
    }
}
