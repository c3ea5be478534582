/// Bytes gathered in a buffer on the stack and appended to an array a bufferful at a time. Each
/// `Array.append(contentsOf:)` costs about 100 instructions, more than the text of most properties and
/// cells; the writers put those into a batch instead (`withByteBatch(appendingTo:_:)`).
///
/// The buffer's last `JSONWriter.scaledTextCapacity` bytes are where a number's digits are made
/// (backwards, `JSONWriter.writeScaled`) before they are moved to the end of what is gathered.
public struct ByteBatch {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    /// Where the room for gathered bytes ends (the number's room follows).
    @usableFromInline let limit: Int
    /// The bytes gathered so far, from `base`.
    @usableFromInline var used = 0
    /// The bytes gathered so far.
    @inlinable public var count: Int { used }

    /// The size of a batch's buffer.
    public static let capacity = 1024
    /// The room a number takes at most (`putNumber`, `putScaled`).
    public static let numberRoom = JSONWriter.scaledTextCapacity

    @usableFromInline init(base: UnsafeMutablePointer<UInt8>, size: Int) {
        self.base = base
        limit = size - JSONWriter.scaledTextCapacity
    }

    /// Makes room for `n` more bytes, appending what is gathered to `out` first where it would not fit;
    /// false where `n` is more than the batch holds at all (then the caller appends to `out` itself,
    /// after `flush`).
    @inlinable @inline(__always) public mutating func makeRoom(_ n: Int, flushingInto out: inout [UInt8]) -> Bool {
        if used + n <= limit { return true }
        flush(into: &out)
        return n <= limit
    }

    /// Appends what is gathered to `out` and empties the batch.
    @inlinable @inline(__always) public mutating func flush(into out: inout [UInt8]) {
        guard used > 0 else { return }
        out.append(contentsOf: UnsafeBufferPointer(start: base, count: used))
        used = 0
    }

    /// Puts bytes for which `makeRoom` made room.
    @inlinable @inline(__always) public mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        Self.copy(start, to: base + used, count: bytes.count)
        used += bytes.count
    }

    /// Copies `count` bytes that do not overlap. Most of what a writer puts (a cell, a key, a number's
    /// digits) is 16 bytes or shorter: those are moved as two words that overlap where the length is not
    /// a word's (or byte by byte below 4 bytes), without a call to `memmove`, which costs more than the
    /// move itself.
    @inlinable @inline(__always) static func copy(
        _ from: UnsafePointer<UInt8>, to: UnsafeMutablePointer<UInt8>, count n: Int
    ) {
        let source = UnsafeRawPointer(from)
        let target = UnsafeMutableRawPointer(to)
        if n >= 8 && n <= 16 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else if n < 4 {
            for i in 0..<n { to[i] = from[i] }
        } else {
            to.update(from: from, count: n)
        }
    }

    /// Puts a byte for which `makeRoom` made room.
    @inlinable @inline(__always) public mutating func put(_ byte: UInt8) {
        base[used] = byte
        used += 1
    }

    /// Puts the text of `JSONWriter.appendScaled(scaled, decimals:)`, for which `makeRoom` made room
    /// (`numberRoom` bytes); returns where it starts among the gathered bytes.
    @inlinable @inline(__always) public mutating func putScaled(_ scaled: Double, decimals: Int) -> Int {
        let end = base + limit + JSONWriter.scaledTextCapacity
        let start = JSONWriter.writeScaled(scaled, decimals: decimals, endingAt: end)
        let at = used
        Self.copy(start, to: base + used, count: end - start)
        used += end - start
        return at
    }

    /// Puts `JSONWriter.appendNumber(n, to:)`'s text where it has the digits that function writes it from
    /// (and `makeRoom` made room for `numberRoom` bytes); returns where it starts among
    /// the gathered bytes, or nil (nothing put) for a number it writes otherwise.
    @inlinable @inline(__always) public mutating func putNumber(_ n: Double) -> Int? {
        guard let (scaled, decimals) = JSONWriter.shortestDigits(n) else { return nil }
        return putScaled(scaled, decimals: decimals)
    }

    /// The gathered byte at `index` (below `count`), to be changed in place.
    @inlinable public subscript(index: Int) -> UInt8 {
        get { base[index] }
        set { base[index] = newValue }
    }
}

/// Runs `body` with an empty batch on the stack and appends what it gathered to `out` at the end.
/// `body` must flush the batch before it appends to `out` itself.
@inlinable @inline(__always) public func withByteBatch<R>(
    appendingTo out: inout [UInt8], _ body: (inout ByteBatch, inout [UInt8]) throws -> R
) rethrows -> R {
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ByteBatch.capacity) { buffer in
        var batch = ByteBatch(base: buffer.baseAddress!, size: buffer.count)
        let result = try body(&batch, &out)
        batch.flush(into: &out)
        return result
    }
}
