/// The property names of features that share them, lower-cased, with their positions: of the name
/// written in lower case if there is one (an exact spelling wins), else of the first name that differs
/// only in case. Made once per set of names.
///
/// Most names a decoder asks for are absent (it tries every spelling of a field). A filter of
/// (length, first byte) pairs rules most of them out without hashing the name.
struct PropertyNameIndex {
    private let positions: [String: Int]
    /// Bit (first byte mod 64) of word (UTF-8 length mod 64) is set for every lower-cased name.
    private let filter: [UInt64]

    init(_ keys: [String]) {
        var map: [String: Int] = [:]
        for (position, key) in keys.enumerated() {
            let lower = key.lowercased()
            if map[lower] == nil || key == lower { map[lower] = position }
        }
        var filter = [UInt64](repeating: 0, count: 64)
        for name in map.keys {
            guard let first = name.utf8.first else { continue }
            filter[name.utf8.count & 63] |= 1 << UInt64(first & 63)
        }
        positions = map
        self.filter = filter
    }

    /// The position of the name that lower-cases to `name` (which is in lower case), if any.
    func position(ofLowercased name: String) -> Int? {
        let utf8 = name.utf8
        guard let first = utf8.first else { return positions[name] }
        guard filter[utf8.count & 63] & (1 << UInt64(first & 63)) != 0 else { return nil }
        return positions[name]
    }
}
