extension FieldValues {
    /// Packs values one after another into a buffer that it alone holds, then hands them over as
    /// `FieldValues` (`finish`). It cannot be copied, so no value written needs a check that the buffer is
    /// shared.
    public struct Builder: ~Copyable {
        @usableFromInline var storage: Storage
        @usableFromInline var capacity: Int
        @usableFromInline var used = 0
        @usableFromInline var nested: [JSONValue] = []
        @usableFromInline var valueCount = 0
        /// The number of values so far.
        public var count: Int { valueCount }

        /// A builder with room for `capacity` bytes (it grows beyond them where needed).
        public init(capacity: Int) {
            self.capacity = Swift.max(capacity, 16)
            storage = Storage.create(minimumCapacity: self.capacity) { _ in } as! Storage
        }

        /// The values built.
        public consuming func finish() -> FieldValues {
            FieldValues(storage: valueCount > 0 ? storage : nil, nested: nested, used: used, count: valueCount)
        }

        /// Appends a value.
        @inlinable @inline(__always) public mutating func append(_ value: JSONValue) {
            switch value {
            case .null: appendNull()
            case .bool(let b): append(b)
            case .number(let n): append(n)
            case .string(let s): appendText(s)
            case .array, .object: appendNested(value)
            }
        }

        /// Appends a value read from a `FieldValues` (its text copied).
        @inlinable public mutating func append(_ value: Value) {
            switch value {
            case .null: appendNull()
            case .bool(let b): append(b)
            case .number(let n): append(n)
            case .text(let bytes): appendText(bytes)
            case .nested(let v): appendNested(v.pointee)
            }
        }

        @inlinable @inline(__always) public mutating func appendNull() { putTag(.null) }

        @inlinable @inline(__always) public mutating func append(_ b: Bool) { putTag(b ? .true : .false) }

        @inlinable @inline(__always) public mutating func append(_ n: Double) {
            let at = room(9)
            at.pointee = Tag.number.rawValue
            UnsafeMutableRawPointer(at + 1).storeBytes(of: n.bitPattern.littleEndian, as: UInt64.self)
            used &+= 9
            valueCount &+= 1
        }

        /// Appends a text (its UTF-8 bytes).
        @inlinable @inline(__always) public mutating func appendText(_ s: String) {
            // Native strings are contiguous UTF-8 (read in place); others are made so in a copy.
            if s.utf8.withContiguousStorageIfAvailable({ appendText($0) }) == nil {
                var s = s
                s.withUTF8 { appendText($0) }
            }
        }

        /// Appends a text from its UTF-8 bytes.
        @inlinable @inline(__always) public mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
            let n = bytes.count
            var at = room(1 + FieldValues.lengthSize(n) + n)
            let start = at
            at.pointee = Tag.text.rawValue
            at += 1
            FieldValues.putLength(n, at: &at)
            // Most texts are short: copied without a call to `memmove`.
            if let source = bytes.baseAddress { ByteBatch.copy(source, to: at, count: n) }
            used &+= at - start + n
            valueCount &+= 1
        }

        /// Appends a value as text, the way a table shows it (`JSONValue.text`: a number in its shortest
        /// form, a boolean as `true` or `false`, an array or object as JSON), null as null: the form of
        /// columns that pass an input's properties through.
        @inlinable public mutating func appendAsText(_ value: Value) {
            switch value {
            case .null: appendNull()
            case .bool(let b): (b ? "true" : "false" as StaticString).withUTF8Buffer { appendText($0) }
            case .number(let n):
                guard let (scaled, decimals) = JSONWriter.shortestDigits(n) else {
                    return appendText(JSONWriter.format(n))
                }
                // The digits are written backwards into the room's end (the text is at most 127 bytes: its
                // length takes one byte), then moved to follow the tag and the length.
                let room = room(2 + JSONWriter.scaledTextCapacity)
                let end = room + 2 + JSONWriter.scaledTextCapacity
                let start = JSONWriter.writeScaled(scaled, decimals: decimals, endingAt: end)
                let n = end - start
                room.pointee = Tag.text.rawValue
                room[1] = UInt8(n)
                (room + 2).update(from: start, count: n)
                used &+= 2 + n
                valueCount &+= 1
            case .text(let bytes): appendText(bytes)
            case .nested(let v): appendText(JSONWriter.serialize(v.pointee))
            }
        }

        @usableFromInline mutating func appendNested(_ value: JSONValue) {
            var at = room(1 + FieldValues.lengthSize(nested.count))
            let start = at
            at.pointee = Tag.nested.rawValue
            at += 1
            FieldValues.putLength(nested.count, at: &at)
            used &+= at - start
            valueCount &+= 1
            nested.append(value)
        }

        @inlinable @inline(__always) mutating func putTag(_ tag: Tag) {
            room(1).pointee = tag.rawValue
            used &+= 1
            valueCount &+= 1
        }

        /// Where the next `n` bytes go, the buffer grown first where they do not fit.
        @inlinable @inline(__always) mutating func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
            if used + n > capacity { grow(to: used + n) }
            let used = used
            return storage.withUnsafeMutablePointerToElements { $0 + used }
        }

        /// A buffer of at least `minimum` bytes, twice the one before at least, with the bytes so far.
        @usableFromInline mutating func grow(to minimum: Int) {
            let size = Swift.max(minimum, 2 * capacity)
            precondition(size <= Int(UInt32.max), "field values of \(size) bytes")
            let fresh = Storage.create(minimumCapacity: size) { _ in } as! Storage
            let used = used
            storage.withUnsafeMutablePointerToElements { source in
                fresh.withUnsafeMutablePointerToElements { $0.update(from: source, count: used) }
            }
            storage = fresh
            capacity = size
        }
    }
}
