/// Disjoint sets over 0..<count (union–find with path halving): single-linkage clusters, the parts of a
/// spanning forest, merged project areas.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The representative of the set that holds `x`.
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the set of `a` into the set of `b` (whose representative stays).
    mutating func join(_ a: Int, into b: Int) { parent[find(a)] = find(b) }
}
