extension [UInt8] {
    /// Appends the UTF-8 bytes of `text` in one copy from where the string keeps them (appending a
    /// string's UTF-8 view goes through it piece by piece).
    @inlinable public mutating func append(utf8Of text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }
}
