/// The values of rows waiting to be inserted, kept without a reference per value: NULLs and numbers in
/// place, texts and blobs as ranges of one byte buffer that a statement binds without a further copy
/// (`SQLiteStatement.run(_:slots:)`). Filling it retains no string or array, and emptying it keeps both
/// buffers' capacity for the next rows. Values go in the order of the statement's parameters.
struct SQLiteRows {
    /// One value: a text or blob is `count` bytes of `bytes` from `start`.
    enum Slot {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int, count: Int)
        case blob(start: Int, count: Int)
    }

    private(set) var slots: [Slot] = []
    private(set) var bytes: [UInt8] = []

    var count: Int { slots.count }

    mutating func appendNull() { slots.append(.null) }

    mutating func append(_ value: Int64) { slots.append(.integer(value)) }

    /// A non-finite real is bound as NULL.
    mutating func append(_ value: Double) { slots.append(.real(value)) }

    /// The text's UTF-8 bytes.
    mutating func appendText(_ text: String) {
        let start = bytes.count
        bytes.append(utf8Of: text)
        slots.append(.text(start: start, count: bytes.count - start))
    }

    /// A text from its UTF-8 bytes.
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        slots.append(.text(start: start, count: text.count))
    }

    /// A blob whose bytes `write` appends to the buffer it is given; what `write` returns is passed on.
    mutating func appendBlob<T>(_ write: (inout [UInt8]) -> T) -> T {
        let start = bytes.count
        let result = write(&bytes)
        slots.append(.blob(start: start, count: bytes.count - start))
        return result
    }

    /// Appends a value of the general form.
    mutating func append(_ value: SQLiteValue) {
        switch value {
        case .null: appendNull()
        case .integer(let v): append(v)
        case .real(let v): append(v)
        case .text(let v): appendText(v)
        case .blob(let v): appendBlob { $0.append(contentsOf: v) }
        }
    }

    /// Empties the rows, keeping the buffers' capacity.
    mutating func removeAll() {
        slots.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }
}
