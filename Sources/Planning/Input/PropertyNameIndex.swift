/// The property names of features that share them, lower-cased, with their positions: of the name
/// written in lower case if there is one (an exact spelling wins), else of the first name that differs
/// only in case. Made once per set of names.
///
/// Most names a decoder asks for are absent (it tries every spelling of a field). Each name has a tag
/// of (UTF-8 length, first byte): a filter of the tags present rules most absent names out at once, a
/// binary search over the sorted tags finds the rest, and only names with the same tag are compared,
/// without hashing.
struct PropertyNameIndex {
    /// The property names, as the features have them.
    let keys: [String]
    /// Per lower-cased name, sorted by tag: its tag, the name and its position among the properties.
    private let tags: [UInt32]
    private let names: [String]
    private let positions: [Int]
    /// Bit (first byte mod 64) of word (UTF-8 length mod 64) is set for every tag present.
    private let filter: [UInt64]
    /// The lists of names asked for so far, resolved (`positions(of:)`).
    private let resolved = ResolvedLists()

    init(_ keys: [String]) {
        self.keys = keys
        var map: [String: Int] = [:]
        for (position, key) in keys.enumerated() {
            let lower = key.lowercased()
            if map[lower] == nil || key == lower { map[lower] = position }
        }
        let entries = map.map { (tag: Self.tag($0.key), name: $0.key, position: $0.value) }.sorted {
            ($0.tag, $0.position) < ($1.tag, $1.position)
        }
        tags = entries.map(\.tag)
        names = entries.map(\.name)
        positions = entries.map(\.position)
        var filter = [UInt64](repeating: 0, count: 64)
        for tag in tags where tag != 0 { filter[Int(tag >> 8) & 63] |= 1 << UInt64(tag & 63) }
        self.filter = filter
    }

    /// A name's tag, (UTF-8 length, first byte) in one number (0 for the empty name), and whether it has
    /// an ASCII capital: read in one pass over its bytes in place.
    @inline(__always) static func inspect(_ name: String) -> (tag: UInt32, hasCapitals: Bool) {
        func read<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (tag: UInt32, hasCapitals: Bool) {
            guard let first = bytes.first else { return (0, false) }
            return (
                UInt32(truncatingIfNeeded: bytes.count) << 8 | UInt32(first),
                bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
            )
        }
        return name.utf8.withContiguousStorageIfAvailable(read) ?? read(name.utf8)
    }

    private static func tag(_ name: String) -> UInt32 { inspect(name).tag }

    /// The position of the name that lower-cases to `name` (which is in lower case), if any.
    func position(ofLowercased name: String) -> Int? { position(ofLowercased: name, tag: Self.tag(name)) }

    /// The position of the name that lower-cases to `name`, whose tag (`inspect`) is `tag`, if any.
    func position(ofLowercased name: String, tag: UInt32) -> Int? {
        if tag != 0, filter[Int(tag >> 8) & 63] & (1 << UInt64(tag & 63)) == 0 { return nil }
        // The first entry whose tag is not below `tag`.
        var (low, high) = (0, tags.count)
        while low < high {
            let middle = (low + high) / 2
            if tags[middle] < tag { low = middle + 1 } else { high = middle }
        }
        while low < tags.count, tags[low] == tag {
            if names[low] == name { return positions[low] }
            low += 1
        }
        return nil
    }

    /// The positions of the properties named by `names`, in the order of `names`: for each name, the
    /// property of exactly that spelling if the name has ASCII capitals and there is one, else the name's
    /// position ignoring case (`position(ofLowercased:)`, for names written in lower case); names without
    /// a property are left out.
    ///
    /// Every feature of these property names asks for the same lists in the same order: a list is
    /// resolved once and then found by comparing it with the one asked for next (the same array, or
    /// equal names) before any other. The lists are kept in the index without a lock: an index is used
    /// on one thread (a decoder's loop over a layer).
    func positions(of names: [String]) -> [Int] {
        if let known = resolved.positions(of: names) { return known }
        var found: [Int] = []
        for n in names {
            let (tag, hasCapitals) = Self.inspect(n)
            let position =
                hasCapitals
                ? keys.firstIndex(of: n) ?? position(ofLowercased: n.lowercased()) : position(ofLowercased: n, tag: tag)
            if let position { found.append(position) }
        }
        resolved.add(names, found)
        return found
    }
}

/// Lists of names with their resolved positions, in the order they were first asked for.
private final class ResolvedLists {
    /// Enough for every list a decoder asks for; beyond it, lists are resolved each time.
    private static let capacity = 128
    // Read on one thread, per feature and name list: without the run-time exclusivity check of each access.
    @exclusivity(unchecked) private var names: [[String]] = []
    @exclusivity(unchecked) private var positions: [[Int]] = []
    /// Where the list asked for next is expected: after the one asked for last (or that one again).
    @exclusivity(unchecked) private var next = 0

    func positions(of list: [String]) -> [Int]? {
        if next < names.count, names[next] == list {
            next += 1
            return positions[next - 1]
        }
        // A decoder often asks for the list it asked for last again (`has` after reading the field).
        if next > 0, next <= names.count, names[next - 1] == list { return positions[next - 1] }
        guard let k = names.firstIndex(of: list) else { return nil }
        next = k + 1
        return positions[k]
    }

    func add(_ list: [String], _ found: [Int]) {
        guard names.count < Self.capacity else { return }
        names.append(list)
        positions.append(found)
        next = names.count
    }
}
