/// The values of one feature's fields, in field order, packed into one buffer: per value a tag byte and
/// its bytes (a number's eight, a text's length and UTF-8). An output row holds its values so from the
/// layer that makes it to the writers that read it, and an input feature its properties
/// (`SourceProperties`): one allocation per feature instead of a value per field, and no text retained
/// and released per value by each writer that reads it. Nested arrays and objects (rare) are kept as
/// `JSONValue`s beside the bytes.
///
/// Writers read the values in place with `forEach`, as `Value`s whose texts are the bytes in the buffer.
public struct FieldValues: @unchecked Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The packed bytes, written by one `Builder` and never changed after it (so the values may be sent to
    /// other threads).
    @usableFromInline final class Storage: ManagedBuffer<Void, UInt8> {}

    @usableFromInline var storage: Storage?
    @usableFromInline var nested: [JSONValue] = []
    /// The bytes used.
    @usableFromInline var usedBytes: UInt32 = 0
    @usableFromInline var valueCount: UInt32 = 0
    /// The number of values.
    public var count: Int { Int(valueCount) }

    @usableFromInline enum Tag: UInt8 { case null, `false`, `true`, number, text, nested }

    /// One value as a writer reads it in place.
    public enum Value {
        case null
        case bool(Bool)
        case number(Double)
        /// The text's UTF-8 bytes, valid only during the call that passes them.
        case text(UnsafeBufferPointer<UInt8>)
        /// An array or object, valid only during the call that passes it (a pointer keeps the value
        /// trivial to copy: a writer reads many).
        case nested(UnsafePointer<JSONValue>)

        /// The value as a `JSONValue` (its text copied).
        public var jsonValue: JSONValue {
            switch self {
            case .null: .null
            case .bool(let b): .bool(b)
            case .number(let n): .number(n)
            case .text(let bytes): .string(String(decoding: bytes, as: UTF8.self))
            case .nested(let v): v.pointee
            }
        }

        /// Calls `body` with `value` as a `Value` (its text's bytes in place where it has them).
        public static func viewing<R>(_ value: JSONValue, _ body: (Value) throws -> R) rethrows -> R {
            switch value {
            case .null: return try body(.null)
            case .bool(let b): return try body(.bool(b))
            case .number(let n): return try body(.number(n))
            case .string(var s): return try s.withUTF8 { try body(.text($0)) }
            case .array, .object: return try withUnsafePointer(to: value) { try body(.nested($0)) }
            }
        }
    }

    /// No values.
    public init() {}

    /// `values`, packed into a buffer of their size (16 bytes at least).
    public init(_ values: [JSONValue]) {
        var size = 0
        for value in values {
            switch value {
            case .null, .bool: size += 1
            case .number: size += 9
            case .string(let s): size += 1 + Self.lengthSize(s.utf8.count) + s.utf8.count
            case .array, .object: size += 1 + Self.lengthSize(values.count)
            }
        }
        var builder = Builder(capacity: size)
        for value in values { builder.append(value) }
        self = builder.finish()
    }

    public init(arrayLiteral values: JSONValue...) { self.init(values) }

    @usableFromInline init(storage: Storage?, nested: [JSONValue], used: Int, count: Int) {
        self.storage = storage
        self.nested = nested
        usedBytes = UInt32(used)
        valueCount = UInt32(count)
    }

    /// The bytes used.
    @inlinable var used: Int { Int(usedBytes) }

    // MARK: Reading

    /// Calls `body` with each value's position and the value, in order; texts are read in place.
    @inlinable @inline(__always) public func forEach(_ body: (Int, Value) throws -> Void) rethrows {
        guard let storage else { return }
        try nested.withUnsafeBufferPointer { nested in
            try storage.withUnsafeMutablePointerToElements { bytes in
                var i = 0
                var k = 0
                let end = used
                while i < end {
                    try body(k, Self.value(at: &i, bytes, nested))
                    k += 1
                }
            }
        }
    }

    /// Calls `body` with value `k` (below `count`), found by walking the values before it.
    @inlinable public func withValue<R>(at k: Int, _ body: (Value) throws -> R) rethrows -> R {
        precondition(k >= 0 && k < count, "value \(k) of \(count)")
        return try nested.withUnsafeBufferPointer { nested in
            try storage!.withUnsafeMutablePointerToElements { bytes in
                var i = 0
                for _ in 0..<k { Self.skip(at: &i, bytes) }
                return try body(Self.value(at: &i, bytes, nested))
            }
        }
    }

    /// Value `k` as a `JSONValue` (found by walking the values before it: for occasional reads).
    public subscript(k: Int) -> JSONValue { withValue(at: k) { $0.jsonValue } }

    /// The values as `JSONValue`s.
    public var jsonValues: [JSONValue] {
        var out: [JSONValue] = []
        out.reserveCapacity(count)
        forEach { _, v in out.append(v.jsonValue) }
        return out
    }

    @inlinable static func value(
        at i: inout Int, _ bytes: UnsafeMutablePointer<UInt8>, _ nested: UnsafeBufferPointer<JSONValue>
    ) -> Value {
        let tag = Tag(rawValue: bytes[i])!
        i += 1
        switch tag {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number:
            let bits = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
            i += 8
            return .number(Double(bitPattern: UInt64(littleEndian: bits)))
        case .text:
            let n = readLength(at: &i, bytes)
            defer { i += n }
            return .text(UnsafeBufferPointer(start: bytes + i, count: n))
        case .nested: return .nested(nested.baseAddress! + readLength(at: &i, bytes))
        }
    }

    @inlinable static func skip(at i: inout Int, _ bytes: UnsafeMutablePointer<UInt8>) {
        let tag = Tag(rawValue: bytes[i])!
        i += 1
        switch tag {
        case .null, .false, .true: break
        case .number: i += 8
        case .text: i += readLength(at: &i, bytes)
        case .nested: _ = readLength(at: &i, bytes)
        }
    }

    // MARK: Lengths

    /// The number of bytes `putLength` writes for `n`.
    @inlinable static func lengthSize(_ n: Int) -> Int {
        var (n, size) = (n, 1)
        while n >= 0x80 {
            n >>= 7
            size += 1
        }
        return size
    }

    /// Writes `n` as LEB128: seven bits a byte, the high bit set on all but the last.
    @inlinable static func putLength(_ n: Int, at pointer: inout UnsafeMutablePointer<UInt8>) {
        var n = n
        while n >= 0x80 {
            pointer.pointee = UInt8(n & 0x7F) | 0x80
            pointer += 1
            n >>= 7
        }
        pointer.pointee = UInt8(n)
        pointer += 1
    }

    @inlinable static func readLength(at i: inout Int, _ bytes: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var shift = 0
        while true {
            let byte = bytes[i]
            i += 1
            n |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return n }
            shift += 7
        }
    }

    // MARK: Equality

    public static func == (a: FieldValues, b: FieldValues) -> Bool {
        guard a.valueCount == b.valueCount, a.usedBytes == b.usedBytes, a.nested == b.nested else { return false }
        return a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(valueCount)
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(nested)
    }

    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let storage else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return storage.withUnsafeMutablePointerToElements { body(UnsafeBufferPointer(start: $0, count: used)) }
    }
}
