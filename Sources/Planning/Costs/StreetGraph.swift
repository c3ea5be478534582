import GeoCore

/// The streets as a graph for routing trenches: a node at every vertex (vertices within 1 cm are one
/// node, so that streets that share a vertex are connected), an edge between consecutive vertices.
/// Points (buildings, PoPs) are attached at their nearest point on an edge, which splits the edge there.
struct StreetGraph {
    struct Edge {
        var a: Int
        var b: Int
        var length: Double
        var surface: Surface
    }

    var nodes: [Coordinate] = []
    var edges: [Edge] = []

    /// - Parameter surface: the trench class of each street.
    init(streets: [Street], surface: (Street) -> Surface) {
        var index: [SIMD2<Int64>: Int] = [:]
        func node(_ c: Coordinate) -> Int {
            let key = SIMD2(Int64((c.x * 100).rounded()), Int64((c.y * 100).rounded()))
            if let k = index[key] { return k }
            nodes.append(c)
            index[key] = nodes.count - 1
            return nodes.count - 1
        }
        for street in streets {
            let s = surface(street)
            let lines: [[Coordinate]]
            switch street.geometry {
            case .lineString(let l): lines = [l]
            case .multiLineString(let ls): lines = ls
            default: lines = []
            }
            for line in lines where line.count >= 2 {
                for k in 1..<line.count {
                    let (a, b) = (node(line[k - 1]), node(line[k]))
                    let length = nodes[a].distance(to: nodes[b])
                    if a != b && length > 0 { edges.append(Edge(a: a, b: b, length: length, surface: s)) }
                }
            }
        }
    }

    /// Attaches points to their nearest edge within `maximumDistance`: each attached point gets a node
    /// (the foot of its perpendicular, which splits the edge) and the length of its drop to it.
    /// Points farther from every edge get nil. Ties go to the lower edge index.
    mutating func attach(_ points: [Coordinate], maximumDistance: Double) -> [(node: Int, drop: Double)?] {
        guard !edges.isEmpty else { return points.map { _ in nil } }
        let tree = STRtree(
            boxes: edges.map { e in BoundingBox(covering: [nodes[e.a], nodes[e.b]])!.expanded(by: maximumDistance) })
        // The foot on each edge: (edge, position along it 0…1, point).
        var feet: [(edge: Int, t: Double, point: Int, drop: Double)] = []
        for (k, p) in points.enumerated() {
            var best: (edge: Int, t: Double, d: Double)?
            tree.query(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) { e in
                let (t, d) = Self.project(p, nodes[edges[e].a], nodes[edges[e].b])
                if d <= maximumDistance, best == nil || d < best!.d || d == best!.d && e < best!.edge {
                    best = (e, t, d)
                }
            }
            if let best { feet.append((best.edge, best.t, k, best.d)) }
        }
        var result: [(node: Int, drop: Double)?] = points.map { _ in nil }
        // Split each edge at its feet, in order along it.
        let byEdge = Dictionary(grouping: feet, by: \.edge)
        for e in byEdge.keys.sorted() {
            let edge = edges[e]
            let list = byEdge[e]!.sorted { ($0.t, $0.point) < ($1.t, $1.point) }
            var previous = edge.a
            var previousT = 0.0
            var pieces: [Edge] = []
            for foot in list {
                let node: Int
                if foot.t <= 0 {
                    node = edge.a
                } else if foot.t >= 1 {
                    node = edge.b
                } else if foot.t == previousT {
                    node = previous
                } else {
                    let (pa, pb) = (nodes[edge.a], nodes[edge.b])
                    nodes.append(Coordinate(pa.x + (pb.x - pa.x) * foot.t, pa.y + (pb.y - pa.y) * foot.t))
                    node = nodes.count - 1
                    pieces.append(
                        Edge(a: previous, b: node, length: edge.length * (foot.t - previousT), surface: edge.surface))
                    previous = node
                    previousT = foot.t
                }
                result[foot.point] = (node, foot.drop)
            }
            if pieces.isEmpty { continue }
            pieces.append(Edge(a: previous, b: edge.b, length: edge.length * (1 - previousT), surface: edge.surface))
            edges[e] = pieces[0]
            edges += pieces.dropFirst()
        }
        return result
    }

    /// The shortest-path tree from every root at once (Dijkstra): for each node the edge to its parent
    /// (nil for roots and unreachable nodes) and its distance (infinity when unreachable).
    func shortestPaths(from roots: [Int]) -> (parentEdge: [Int?], distance: [Double]) {
        var adjacency = [[Int]](repeating: [], count: nodes.count)
        for (k, e) in edges.enumerated() {
            adjacency[e.a].append(k)
            adjacency[e.b].append(k)
        }
        var distance = [Double](repeating: .infinity, count: nodes.count)
        var parent = [Int?](repeating: nil, count: nodes.count)
        var heap = MinHeap()
        for r in Set(roots).sorted() {
            distance[r] = 0
            heap.push(0, r)
        }
        while let (d, n) = heap.pop() {
            if d > distance[n] { continue }
            for k in adjacency[n] {
                let e = edges[k]
                let m = e.a == n ? e.b : e.a
                let candidate = d + e.length
                if candidate < distance[m] {
                    distance[m] = candidate
                    parent[m] = k
                    heap.push(candidate, m)
                }
            }
        }
        return (parent, distance)
    }

    /// The position (0…1) of the foot of the perpendicular from `p` on segment ab, and the distance to it.
    static func project(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> (t: Double, distance: Double) {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0
        return (t, p.distance(to: Coordinate(a.x + dx * t, a.y + dy * t)))
    }
}

/// A binary min-heap of (key, node), ties broken by node, for Dijkstra.
struct MinHeap {
    private var items: [(Double, Int)] = []

    private static func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool { a.0 < b.0 || a.0 == b.0 && a.1 < b.1 }

    mutating func push(_ key: Double, _ node: Int) {
        items.append((key, node))
        var k = items.count - 1
        while k > 0 {
            let parent = (k - 1) / 2
            guard Self.less(items[k], items[parent]) else { break }
            items.swapAt(k, parent)
            k = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var k = 0
            while true {
                let (l, r) = (2 * k + 1, 2 * k + 2)
                var smallest = k
                if l < items.count && Self.less(items[l], items[smallest]) { smallest = l }
                if r < items.count && Self.less(items[r], items[smallest]) { smallest = r }
                if smallest == k { break }
                items.swapAt(k, smallest)
                k = smallest
            }
        }
        return top
    }
}
