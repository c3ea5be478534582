import GeoCore

/// A spanning tree of points with rectilinear (|dx| + |dy|) edge lengths, rooted at one point: the
/// estimate of a trench where no street leads.
///
/// Kruskal's algorithm over every pair of points within `radius` gives the exact rectilinear minimum
/// spanning forest of those pairs; the parts it leaves are then joined, nearest part first, by their
/// closest pair of points (Prim's step over the parts). Where the points are connected by steps no
/// longer than `radius` this is the rectilinear minimum spanning tree, which is at most 3/2 of the
/// rectilinear Steiner minimum tree (Hwang 1976).
struct RectilinearTree {
    /// The parent of each point (-1 for the root), the length of the edge to it, and an order in which
    /// every parent comes before its children.
    var parent: [Int]
    var length: [Double]
    var order: [Int]

    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double { abs(a.x - b.x) + abs(a.y - b.y) }

    init(points: [Coordinate], root: Int, radius: Double) {
        let n = points.count
        var sets = DisjointSets(count: n)
        var edges: [(Double, Int, Int)] = []
        let tree = STRtree(
            boxes: points.map { BoundingBox(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y).expanded(by: radius / 2) })
        for (i, p) in points.enumerated() {
            tree.query(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y).expanded(by: radius / 2)) { j in
                if j > i {
                    let d = Self.distance(p, points[j])
                    if d <= radius { edges.append((d, i, j)) }
                }
            }
        }
        edges.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var adjacency = [[(Int, Double)]](repeating: [], count: n)
        func link(_ a: Int, _ b: Int, _ d: Double) {
            sets.join(a, into: b)
            adjacency[a].append((b, d))
            adjacency[b].append((a, d))
        }
        for (d, a, b) in edges where sets.find(a) != sets.find(b) { link(a, b, d) }
        // Join the parts: from the root's part, always the closest pair to a part not yet joined.
        var parts: [Int: [Int]] = [:]
        for i in 0..<n { parts[sets.find(i), default: []].append(i) }
        if parts.count > 1 {
            let rootPart = sets.find(root)
            var joined = parts[rootPart]!
            var rest = parts.filter { $0.key != rootPart }.map(\.value).sorted { $0[0] < $1[0] }
            while !rest.isEmpty {
                var best = (Double.infinity, 0, 0, 0)  // distance, part, from, to
                for (k, part) in rest.enumerated() {
                    for a in joined {
                        for b in part {
                            let d = Self.distance(points[a], points[b])
                            if d < best.0 { best = (d, k, a, b) }
                        }
                    }
                }
                link(best.2, best.3, best.0)
                joined += rest.remove(at: best.1)
            }
        }
        // Orient from the root.
        parent = [Int](repeating: -1, count: n)
        length = [Double](repeating: 0, count: n)
        order = [root]
        var seen = [Bool](repeating: false, count: n)
        seen[root] = true
        var k = 0
        while k < order.count {
            let a = order[k]
            for (b, d) in adjacency[a] where !seen[b] {
                seen[b] = true
                parent[b] = a
                length[b] = d
                order.append(b)
            }
            k += 1
        }
    }
}
