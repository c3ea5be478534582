/// Writes a layer's SQLite R*Tree (the GeoPackage RTree Spatial Indexes extension) in one pass, packed
/// by Sort-Tile-Recursive (Leutenegger et al. 1997), instead of inserting the boxes one by one (tens of
/// microseconds each, most of a large GeoPackage's writing).
///
/// The nodes are written straight into the virtual table's shadow tables in the format of SQLite's
/// rtree module (`ext/rtree/rtree.c`, two dimensions, 32-bit float coordinates): a node is a blob of
/// the tree's node size holding a 2-byte depth (read from the root only), a 2-byte cell count and the
/// cells, each an 8-byte rowid (leaves) or child node number followed by min x, max x, min y, max y as
/// big-endian floats, rounded outwards as the module rounds them. `%_rowid` maps each entry to its leaf,
/// `%_parent` each node but the root to its parent. SQLite's `rtreecheck()` accepts the result, and the
/// table takes later inserts and deletes (the GeoPackage triggers) like one built by inserts.
struct PackedRTree {
    struct Entry: Sendable {
        var id: Int64
        var minX: Float
        var maxX: Float
        var minY: Float
        var maxY: Float

        /// The box of `id` rounded outwards to floats, as the rtree module stores it.
        init(id: Int64, box: BoundingBox) {
            func down(_ d: Double) -> Float {
                let f = Float(d)
                return Double(f) > d ? f.nextDown : f
            }
            func up(_ d: Double) -> Float {
                let f = Float(d)
                return Double(f) < d ? f.nextUp : f
            }
            self.init(id: id, minX: down(box.minX), maxX: up(box.maxX), minY: down(box.minY), maxY: up(box.maxY))
        }

        init(id: Int64, minX: Float, maxX: Float, minY: Float, maxY: Float) {
            (self.id, self.minX, self.maxX, self.minY, self.maxY) = (id, minX, maxX, minY, maxY)
        }
    }

    /// The tree's levels from the leaves up: each level's nodes as lists of cells (child id and box).
    typealias Levels = [[[Entry]]]

    /// Replaces the content of the (empty, just created) rtree `table` with `entries`.
    static func write(_ entries: [Entry], into table: String, database db: SQLiteDatabase) throws {
        guard !entries.isEmpty else { return }
        let nodeSize = try nodeSize(of: table, database: db)
        try write(levels(entries, nodeSize: nodeSize), nodeSize: nodeSize, into: table, database: db)
    }

    /// The size of the nodes of the rtree `table`, bytes (set by SQLite when the table is made).
    static func nodeSize(of table: String, database db: SQLiteDatabase) throws -> Int {
        let nodeSize = try db.query("SELECT length(data) FROM \(quoted(table, "_node")) WHERE nodeno = 1").first?.first?
            .integer
        guard let nodeSize, nodeSize >= 4 + 24 * 4 else { throw GeoPackageError("rtree \(table) has no root node") }
        return Int(nodeSize)
    }

    /// The levels of the tree of `entries` in nodes of `nodeSize` bytes: no database involved, so that a
    /// writer can pack one layer's tree on another thread while it writes the next layer.
    static func levels(_ entries: [Entry], nodeSize: Int) -> Levels {
        guard !entries.isEmpty else { return [] }
        // As many cells as fit a node, but at most the module's 51 (RTREE_MAXCELLS).
        let capacity = min(51, (nodeSize - 4) / 24)
        var levels: Levels = []
        var current = entries
        repeat {
            let nodes = pack(current, capacity: capacity)
            levels.append(nodes)
            current = nodes.indices.map { k in Entry(id: Int64(k), union: nodes[k]) }
        } while current.count > 1
        return levels
    }

    /// The name of one of the rtree `table`'s shadow tables, quoted.
    private static func quoted(_ table: String, _ suffix: String) -> String {
        "\"" + (table + suffix).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Replaces the content of the (empty, just created) rtree `table` with the tree of `levels`.
    static func write(_ levels: Levels, nodeSize: Int, into table: String, database db: SQLiteDatabase) throws {
        guard !levels.isEmpty else { return }
        let quoted = { (suffix: String) in Self.quoted(table, suffix) }
        // Node numbers: the root is 1, then level by level from the top.
        var firstNumber = [Int64](repeating: 0, count: levels.count)
        var next: Int64 = 1
        for level in stride(from: levels.count - 1, through: 0, by: -1) {
            firstNumber[level] = next
            next += Int64(levels[level].count)
        }
        try db.execute("DELETE FROM \(quoted("_node"))")
        try db.execute("DELETE FROM \(quoted("_rowid"))")
        try db.execute("DELETE FROM \(quoted("_parent"))")
        let node = SQLiteInserter(db, into: quoted("_node"), columns: ["nodeno", "data"])
        let rowid = SQLiteInserter(db, into: quoted("_rowid"), columns: ["rowid", "nodeno"])
        let parent = SQLiteInserter(db, into: quoted("_parent"), columns: ["nodeno", "parentnode"])
        let depth = levels.count - 1
        // The entries' leaves and the nodes' parents, inserted by key once the nodes are written: rows
        // added in key order are appended to their B-trees, where rows in the tree's order land all over them.
        // Each as (key, node): an entry's rowid and its leaf, a node's number and its parent.
        var leafOf: [(key: Int64, node: Int64)] = []
        leafOf.reserveCapacity(levels[0].reduce(0) { $0 + $1.count })
        var parentOf: [(key: Int64, node: Int64)] = []
        // The nodes from the root down, so that their numbers rise.
        for level in stride(from: depth, through: 0, by: -1) {
            for (k, cells) in levels[level].enumerated() {
                let number = firstNumber[level] + Int64(k)
                var blob = [UInt8](repeating: 0, count: nodeSize)
                if number == 1 { put(UInt16(depth), into: &blob, at: 0) }
                put(UInt16(cells.count), into: &blob, at: 2)
                for (c, cell) in cells.enumerated() {
                    let at = 4 + 24 * c
                    // Leaf cells hold the entry's id, the others the child's node number.
                    let child = level == 0 ? cell.id : firstNumber[level - 1] + cell.id
                    put(UInt64(bitPattern: child), into: &blob, at: at)
                    put(cell.minX.bitPattern, into: &blob, at: at + 8)
                    put(cell.maxX.bitPattern, into: &blob, at: at + 12)
                    put(cell.minY.bitPattern, into: &blob, at: at + 16)
                    put(cell.maxY.bitPattern, into: &blob, at: at + 20)
                    if level == 0 { leafOf.append((cell.id, number)) } else { parentOf.append((child, number)) }
                }
                try node.insert {
                    $0.append(number)
                    $0.appendBlob { $0.append(contentsOf: blob) }
                }
            }
        }
        try node.flush()
        try insertByKey(&leafOf, into: rowid)
        try insertByKey(&parentOf, into: parent)
    }

    /// Inserts `rows` (key, node) into a two-column shadow table in the order of their keys (sorted in
    /// place: region's leaves are a million).
    private static func insertByKey(_ rows: inout [(key: Int64, node: Int64)], into table: SQLiteInserter) throws {
        rows.sort { $0.key < $1.key }
        for (key, node) in rows {
            try table.insert {
                $0.append(key)
                $0.append(node)
            }
        }
        try table.flush()
    }

    /// One level of the tree: the items tiled into nodes of at most `capacity`, by x in vertical slices,
    /// then by y within each slice (ties by id, so that the tree does not depend on the input order).
    static func pack(_ items: [Entry], capacity: Int) -> [[Entry]] {
        let nodeCount = (items.count + capacity - 1) / capacity
        let slices = Int(Double(nodeCount).squareRoot().rounded(.up))
        let perSlice = slices * capacity
        func centreX(_ e: Entry) -> Float { e.minX / 2 + e.maxX / 2 }
        func centreY(_ e: Entry) -> Float { e.minY / 2 + e.maxY / 2 }
        let byX = items.sorted { (centreX($0), $0.id) < (centreX($1), $1.id) }
        var nodes: [[Entry]] = []
        nodes.reserveCapacity(nodeCount)
        var start = 0
        while start < byX.count {
            let slice = byX[start..<min(byX.count, start + perSlice)].sorted {
                (centreY($0), $0.id) < (centreY($1), $1.id)
            }
            var k = 0
            while k < slice.count {
                nodes.append(Array(slice[k..<min(slice.count, k + capacity)]))
                k += capacity
            }
            start += perSlice
        }
        return nodes
    }

    private static func put<T: FixedWidthInteger>(_ value: T, into blob: inout [UInt8], at offset: Int) {
        let bytes = MemoryLayout<T>.size
        for b in 0..<bytes { blob[offset + b] = UInt8(truncatingIfNeeded: value >> (8 * (bytes - 1 - b))) }
    }
}

extension PackedRTree.Entry {
    /// The box around `cells`, as the cell of their node numbered `id` within its level.
    init(id: Int64, union cells: [PackedRTree.Entry]) {
        self.init(
            id: id, minX: cells.map(\.minX).min()!, maxX: cells.map(\.maxX).max()!, minY: cells.map(\.minY).min()!,
            maxY: cells.map(\.maxY).max()!)
    }
}
