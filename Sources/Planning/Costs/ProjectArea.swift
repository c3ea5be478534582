import GeoCore

/// A project area (Fördergebiet): the eligible buildings one funding application covers, with its
/// boundary, costs, funding gap and split.
public struct ProjectArea: Sendable {
    /// "PG-001", …, in the order the areas are made.
    public var id: String
    public var name: String
    /// The union of its underserved areas' outlines.
    public var geometry: Geometry
    /// Its underserved areas, as indices into `RunResult.areas`.
    public var areas: [Int]
    /// Its buildings, as indices into `RunResult.buildings`, ascending.
    public var members: [Int]
    public var cost: CostTotals
    public var gap: FundingGap
}

/// Groups the underserved areas into project areas (`funding.project_areas`).
public enum ProjectAreas {
    /// - Parameters:
    ///   - areaCost: the cost totals of each underserved area.
    ///   - districtOf: for `district` and `layer`, the name of the district or polygon that holds most of an
    ///     area's buildings, nil outside all of them; `order` lists those names in layer order.
    public static func make(
        areas: [UnderservedArea], areaCost: [CostTotals], settings: ProjectAreaSettings, gapModel: FundingGapModel,
        districtOf: (Int) -> String?, order: [String]
    ) throws -> [ProjectArea] {
        var groups: [(name: String, areas: [Int])] = []
        switch settings.grouping {
        case .district, .layer:
            var byName: [String: [Int]] = [:]
            var outside: [Int] = []
            for k in areas.indices {
                if let name = districtOf(k) { byName[name, default: []].append(k) } else { outside.append(k) }
            }
            groups = order.compactMap { name in byName[name].map { (name, $0) } }
            if !outside.isEmpty {
                groups.append(
                    (settings.grouping == .district ? "außerhalb der Bezirke" : "außerhalb der Flächen", outside))
            }
        case .cluster:
            groups = cluster(areas: areas, cost: areaCost, settings: settings).map { members in
                let names = members.compactMap { districtOf($0) }
                let top = Dictionary(grouping: names, by: { $0 }).max {
                    ($0.value.count, $1.key) < ($1.value.count, $0.key)
                }?.key
                return (top ?? "", members)
            }
        }
        // Each group's outline on every core (each GEOS call has its own context), in group order.
        let members = groups.map(\.areas)
        let outlines = try parallelMap(count: members.count, chunkSize: 1) { range in
            range.map { k in Result { try PolygonDissolve.union(members[k].map { areas[$0].geometry }) } }
        }.map { try $0.get() }
        return groups.enumerated().map { k, group in
            var cost = CostTotals()
            for a in group.areas { cost.add(areaCost[a]) }
            let id = "PG-" + threeDigits(k + 1)
            let name =
                settings.grouping == .cluster
                ? "Projektgebiet \(k + 1)\(group.name.isEmpty ? "" : " (\(group.name))")" : group.name
            return ProjectArea(
                id: id, name: name, geometry: .multiPolygon(outlines[k]), areas: group.areas,
                members: group.areas.flatMap { areas[$0].members }.sorted(), cost: cost,
                gap: gapModel.gap(capex: cost.capex, homes: cost.homes))
        }
    }

    /// Merges areas nearest first (by the gap between their bounding boxes, up to `mergeDistanceM`; ties by
    /// index) while the merged cost per home stays within the maximum. Returns the groups, each ascending,
    /// ordered by their first area.
    static func cluster(areas: [UnderservedArea], cost: [CostTotals], settings: ProjectAreaSettings) -> [[Int]] {
        let boxes = areas.map { $0.geometry.boundingBox! }
        let tree = STRtree(boxes: boxes.map { $0.expanded(by: settings.mergeDistanceM / 2) })
        var pairs: [(Double, Int, Int)] = []
        for a in areas.indices {
            for b in tree.query(boxes[a].expanded(by: settings.mergeDistanceM / 2)) where b > a {
                let gap = boxGap(boxes[a], boxes[b])
                if gap <= settings.mergeDistanceM { pairs.append((gap, a, b)) }
            }
        }
        pairs.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var sets = DisjointSets(count: areas.count)
        var totals = cost
        for (_, a, b) in pairs {
            let (ra, rb) = (sets.find(a), sets.find(b))
            guard ra != rb else { continue }
            var merged = totals[ra]
            merged.add(totals[rb])
            guard (merged.costPerHome ?? 0) <= settings.maximumCostPerHome else { continue }
            let (keep, drop) = ra < rb ? (ra, rb) : (rb, ra)
            sets.join(drop, into: keep)
            totals[keep] = merged
        }
        var groups: [Int: [Int]] = [:]
        for a in areas.indices { groups[sets.find(a), default: []].append(a) }
        return groups.values.sorted { $0[0] < $1[0] }
    }

    /// The gap between two boxes (0 when they touch or overlap), m.
    static func boxGap(_ a: BoundingBox, _ b: BoundingBox) -> Double {
        let dx = max(0, max(a.minX, b.minX) - min(a.maxX, b.maxX))
        let dy = max(0, max(a.minY, b.minY) - min(a.maxY, b.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }
}

extension ProjectAreas {
    /// A number with at least three digits ("007").
    static func threeDigits(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
