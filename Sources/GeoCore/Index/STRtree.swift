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

    private static func tile(_ entries: [Int], box: (Int) -> BoundingBox, capacity: Int) -> [[Int]] {
        let leafCount = (entries.count + capacity - 1) / capacity
        let sliceCount = max(1, Int(Double(leafCount).squareRoot().rounded(.up)))
        let sliceSize = sliceCount * capacity
        let byX = entries.sorted { (box($0).center.x, $0) < (box($1).center.x, $1) }
        var groups: [[Int]] = []
        var s = 0
        while s < byX.count {
            let slice = byX[s..<min(s + sliceSize, byX.count)].sorted {
                (box($0).center.y, $0) < (box($1).center.y, $1)
            }
            var g = slice.startIndex
            while g < slice.endIndex {
                groups.append(Array(slice[g..<min(g + capacity, slice.endIndex)]))
                g += capacity
            }
            s += sliceSize
        }
        return groups
    }

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
