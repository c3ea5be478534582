/// A static R-tree packed by the Sort-Tile-Recursive algorithm (Leutenegger, Lopez & Edgington, 1997).
///
/// Pure Swift and immutable, so it is Sendable and can be queried from any number of tasks at once.
/// Items are indices into the caller's own arrays.
public struct STRtree: Sendable {
    private struct Node: Sendable {
        var box: BoundingBox
        /// For leaves: range into `items`; for inner nodes: range into `nodes`.
        var start: Int32
        var count: Int32
        var isLeaf: Bool
    }

    private let nodes: [Node]
    private let items: [Int32]
    private let itemBoxes: [BoundingBox]
    private let root: Int?

    public let nodeCapacity: Int

    /// Builds the tree over `boxes`; the item for `boxes[i]` is `i`.
    public init(boxes: [BoundingBox], nodeCapacity: Int = 16) {
        self.nodeCapacity = max(2, nodeCapacity)
        self.itemBoxes = boxes
        var nodes: [Node] = []
        var items: [Int32] = []
        items.reserveCapacity(boxes.count)
        guard !boxes.isEmpty else {
            self.nodes = []
            self.items = []
            self.root = nil
            return
        }
        // Leaves.
        var level: [Int] = []
        for group in Self.tile(Array(0..<boxes.count), box: { boxes[$0] }, capacity: self.nodeCapacity) {
            let start = items.count
            items.append(contentsOf: group.map { Int32($0) })
            var box = boxes[group[0]]
            for i in group.dropFirst() { box = box.union(boxes[i]) }
            level.append(nodes.count)
            nodes.append(Node(box: box, start: Int32(start), count: Int32(group.count), isLeaf: true))
        }
        // Upper levels: children of each node are stored contiguously.
        while level.count > 1 {
            var next: [Int] = []
            for group in Self.tile(level, box: { nodes[$0].box }, capacity: self.nodeCapacity) {
                let start = nodes.count
                for child in group { nodes.append(nodes[child]) }
                var box = nodes[start].box
                for i in (start + 1)..<nodes.count { box = box.union(nodes[i].box) }
                next.append(nodes.count)
                nodes.append(Node(box: box, start: Int32(start), count: Int32(group.count), isLeaf: false))
            }
            level = next
        }
        self.nodes = nodes
        self.items = items
        self.root = level[0]
    }

    /// The STR packing of `entries` into groups of `capacity`: sorted by their boxes' centres' x, cut into
    /// vertical slices, each slice sorted by y and cut into groups. Ties are broken by the entry, so that
    /// the keys are unique and the order is the one the keys define; the slices of a large layer are sorted
    /// on all cores.
    private static func tile(_ entries: [Int], box: (Int) -> BoundingBox, capacity: Int) -> [[Int]] {
        let leafCount = (entries.count + capacity - 1) / capacity
        let sliceCount = max(1, Int(Double(leafCount).squareRoot().rounded(.up)))
        let sliceSize = sliceCount * capacity
        // The centres worked out once, not at every comparison.
        let byX = entries.map { e in
            let c = box(e).center
            return Keyed(x: c.x, y: c.y, entry: e)
        }.sorted { ($0.x, $0.entry) < ($1.x, $1.entry) }
        let slices = (byX.count + sliceSize - 1) / sliceSize
        let sortSlice = { @Sendable (k: Int) -> [Keyed] in
            byX[(k * sliceSize)..<min((k + 1) * sliceSize, byX.count)].sorted { ($0.y, $0.entry) < ($1.y, $1.entry) }
        }
        let sorted: [[Keyed]] =
            byX.count >= parallelThreshold
            ? parallelMap(count: slices, chunkSize: 1) { ks in ks.map(sortSlice) } : (0..<slices).map(sortSlice)
        var groups: [[Int]] = []
        groups.reserveCapacity(leafCount)
        for slice in sorted {
            var g = 0
            while g < slice.count {
                groups.append(slice[g..<min(g + capacity, slice.count)].map(\.entry))
                g += capacity
            }
        }
        return groups
    }

    /// An entry with its box's centre.
    private struct Keyed: Sendable {
        var x: Double
        var y: Double
        var entry: Int
    }

    /// The entries from which the slices are sorted on all cores.
    private static let parallelThreshold = 1 << 16

    public var count: Int { items.count }

    /// Calls `visit` with every item whose box intersects `query`, in a deterministic order.
    public func query(_ query: BoundingBox, _ visit: (Int) -> Void) {
        guard let root else { return }
        var stack = [root]
        while let n = stack.popLast() {
            let node = nodes[n]
            guard node.box.intersects(query) else { continue }
            let range = Int(node.start)..<Int(node.start + node.count)
            if node.isLeaf {
                for i in range where itemBoxes[Int(items[i])].intersects(query) { visit(Int(items[i])) }
            } else {
                for child in range.reversed() { stack.append(child) }
            }
        }
    }

    /// Every item, in the order in which the queries visit them: the items an unsorted query returns
    /// are a subsequence of this order, so that arrays laid out in it are read front to back.
    public var itemsInQueryOrder: [Int] {
        var out: [Int] = []
        out.reserveCapacity(items.count)
        query(BoundingBox(minX: -.infinity, minY: -.infinity, maxX: .infinity, maxY: .infinity)) { out.append($0) }
        return out
    }

    /// Every item whose box intersects `query`, in ascending order.
    public func query(_ box: BoundingBox) -> [Int] {
        var out: [Int] = []
        query(box) { out.append($0) }
        return out.sorted()
    }

    /// Items whose box lies within `radius` of `point`, ascending.
    /// Like `query(near:radius:)`, into a buffer the caller keeps (no allocation once it is large
    /// enough); `sorted: false` leaves the items in the tree's order (deterministic, not ascending: a
    /// subsequence of `itemsInQueryOrder`).
    public func query(near point: Coordinate, radius: Double, into out: inout [Int], sorted: Bool = true) {
        out.removeAll(keepingCapacity: true)
        let box = BoundingBox(
            minX: point.x - radius, minY: point.y - radius, maxX: point.x + radius, maxY: point.y + radius)
        query(box) { if itemBoxes[$0].distance(to: point) <= radius { out.append($0) } }
        if sorted { out.sort() }
    }

    public func query(near point: Coordinate, radius: Double) -> [Int] {
        let box = BoundingBox(
            minX: point.x - radius, minY: point.y - radius, maxX: point.x + radius, maxY: point.y + radius)
        var out: [Int] = []
        query(box) { if itemBoxes[$0].distance(to: point) <= radius { out.append($0) } }
        return out.sorted()
    }
}
