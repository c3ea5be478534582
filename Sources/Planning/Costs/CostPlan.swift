import GeoCore

/// What closing the gaps costs: every building to connect priced with its share of a trench plan, and
/// the mobile sites and WLAN access points the scenario adds.
///
/// Trenches follow the streets: a shortest-path tree (Dijkstra over the street graph) from the points of
/// presence, or from the buildings that already have fibre, to every building to connect; a trench
/// that several buildings share is built (and counted) once, and its cost is split over the buildings
/// it serves in proportion to their homes. A building farther than `maximumStreetDistanceM` from every
/// street, or on streets that no root reaches, is priced by an estimate instead: the rectilinear
/// minimum spanning tree over the buildings of its group and the nearest root. That tree is at most
/// 3/2 of the rectilinear Steiner minimum tree (Hwang 1976), so the estimate errs high; it is marked
/// as an estimate wherever it is shown.
public struct CostPlan: Sendable {
    /// One per building to connect, in building order.
    public var buildings: [BuildingCost]
    public var segments: [TrenchSegment]
    /// The route along the streets, each metre once, m.
    public var routedM: Double
    /// The estimated route where no street leads, m.
    public var estimatedM: Double
    /// Sites and access points the scenario adds, with their costs.
    public var works: ScenarioWorks
    public var sitesCost: Double
    public var accessPointsCost: Double
    public var problems: [InputProblem]
    /// Building index → position in `buildings`, −1 for a building it does not connect (an array rather
    /// than a dictionary: every row of the buildings layer looks its building up).
    private var position: [Int32] = []

    /// The trench pieces that the given buildings' connections run through (indices into `segments`,
    /// ascending): each building's first piece and every next piece toward the network's start.
    public func segments(serving buildingIndices: [Int]) -> [Int] {
        var seen = Set<Int>()
        for i in buildingIndices {
            var piece = cost(ofBuilding: i)?.firstSegment
            while let p = piece, seen.insert(p).inserted { piece = segments[p].next }
        }
        return seen.sorted()
    }

    /// The cost of a building the plan connects.
    public func cost(ofBuilding i: Int) -> BuildingCost? {
        guard i >= 0 && i < position.count && position[i] >= 0 else { return nil }
        return buildings[Int(position[i])]
    }

    public var buildingsCapex: Double { buildings.reduce(0) { $0 + $1.capex } }
    public var capex: Double { buildingsCapex + sitesCost + accessPointsCost }

    /// The root closest (rectilinear) to any of the points; nil without roots. Searches the index in
    /// growing squares around each point, bounded by the best found so far.
    static func nearest(to points: [Coordinate], among roots: [Coordinate], index: STRtree) -> Coordinate? {
        guard !roots.isEmpty else { return nil }
        var best = (Double.infinity, 0)
        for p in points {
            var half = 250.0
            while true {
                let reach = min(half, best.0)
                var found = false
                index.query(BoundingBox(minX: p.x - reach, minY: p.y - reach, maxX: p.x + reach, maxY: p.y + reach)) {
                    r in
                    found = true
                    let d = RectilinearTree.distance(p, roots[r])
                    if d < best.0 || d == best.0 && r < best.1 { best = (d, r) }
                }
                // Done once a root within the square was seen (a closer one would lie within it too), or
                // the square reaches past the best distance already known.
                if found && best.0 <= reach || half >= best.0 || half > 1e7 { break }
                half *= 2
            }
        }
        return roots[best.1]
    }

    /// Homes a building counts for: households (rounded) plus businesses, at least one.
    public static func homes(_ b: Building) -> Int { max(1, Int(b.households.rounded()) + b.businesses) }

    /// - Parameters:
    ///   - buildings: every building, as any random-access view; only those in `connect` are read.
    ///   - connect: indices of the buildings to connect.
    ///   - roots: where the network starts (PoPs, else buildings with fibre).
    ///   - group: for the estimate, the group of each building (e.g. its underserved area); buildings
    ///     of one group share one estimated tree.
    public static func make<Buildings: RandomAccessCollection<Building>>(
        buildings: Buildings, connect: [Int], roots: [Coordinate], streets: [Street], group: (Int) -> Int,
        works: ScenarioWorks, settings: CostSettings
    ) -> CostPlan where Buildings.Index == Int {
        make(
            connect: connect, anchors: connect.map { buildings[$0].geometry.anchor! },
            homes: connect.map { Self.homes(buildings[$0]) }, roots: roots, streets: streets, group: group,
            works: works, settings: settings)
    }

    /// `make(buildings:…)` from what it reads of the buildings to connect: each one's anchor (where its drop
    /// starts) and homes, in the order of `connect` (the analysis reads them in place, without a copy of any
    /// building).
    public static func make(
        connect: [Int], anchors: [Coordinate], homes: [Int], roots: [Coordinate], streets: [Street],
        group: (Int) -> Int, works: ScenarioWorks, settings: CostSettings
    ) -> CostPlan {
        precondition(
            anchors.count == connect.count && homes.count == connect.count, "one anchor and count per building")
        let catalogue = settings.catalogue
        var problems: [InputProblem] = []
        var costs = connect.indices.map { k in
            BuildingCost(
                building: connect[k], homes: homes[k], routeM: 0, dropM: 0, civilWorks: 0, ductAndCable: 0,
                houseConnection: catalogue.houseConnectionPerBuilding + Double(homes[k] - 1)
                    * catalogue.houseConnectionPerExtraHome,
                inHouseCabling: Double(homes[k]) * catalogue.inHouseCablingPerHome,
                activeEquipment: Double(homes[k]) * catalogue.activeEquipmentPerHome, estimated: false)
        }
        var segments: [TrenchSegment] = []
        func addDrop(_ k: Int, _ metres: Double) {
            costs[k].dropM = metres
            costs[k].civilWorks +=
                max(0, metres - catalogue.houseConnectionIncludedM) * catalogue.civilWorksPerM[.unpaved]!
        }

        // Along the streets.
        var graph = StreetGraph(streets: streets) { street in
            settings.layingMethod ?? Surface.of(
                surfaceTag: street.attributes["surface"]?.text, highway: street.attributes["highway"]?.text)
                ?? settings.defaultSurface
        }
        let attached = graph.attach(anchors + roots, maximumDistance: settings.maximumStreetDistanceM)
        let rootNodes = attached[anchors.count...].compactMap { $0?.node }
        let (parent, distance) = graph.shortestPaths(from: rootNodes)
        var downstream = [Int](repeating: 0, count: graph.edges.count)
        var paths: [[Int]] = Array(repeating: [], count: connect.count)
        var routed = [Bool](repeating: false, count: connect.count)
        for k in connect.indices {
            guard let (node, _) = attached[k], distance[node].isFinite else { continue }
            routed[k] = true
            var n = node
            while let e = parent[n] {
                paths[k].append(e)
                downstream[e] += homes[k]
                n = graph.edges[e].a == n ? graph.edges[e].b : graph.edges[e].a
            }
        }
        var routedM = 0.0
        // Per edge: its piece of trench (−1: none) and its civil works per metre, read per building and edge.
        var segmentOfEdge = [Int](repeating: -1, count: graph.edges.count)
        let civilWorksPerM = graph.edges.map { catalogue.civilWorksPerM[$0.surface]! }
        for (e, served) in downstream.enumerated() where served > 0 {
            let edge = graph.edges[e]
            routedM += edge.length
            segmentOfEdge[e] = segments.count
            segments.append(
                TrenchSegment(
                    from: graph.nodes[edge.a], to: graph.nodes[edge.b], lengthM: edge.length, surface: edge.surface,
                    homes: served, estimated: false))
        }
        // Each piece links to the next toward the network's start, and each building to its first piece.
        for k in connect.indices where routed[k] {
            let path = paths[k].map { segmentOfEdge[$0] }
            costs[k].firstSegment = path.first
            for (j, piece) in path.enumerated() { segments[piece].next = j + 1 < path.count ? path[j + 1] : nil }
        }
        for k in connect.indices where routed[k] {
            for e in paths[k] {
                let edge = graph.edges[e]
                let metres = edge.length * Double(homes[k]) / Double(downstream[e])
                costs[k].routeM += metres
                costs[k].civilWorks += metres * civilWorksPerM[e]
                costs[k].ductAndCable += metres * catalogue.ductAndCablePerM
            }
            addDrop(k, attached[k]!.drop)
        }

        // The estimate, per group, where no street leads.
        let surface = settings.layingMethod ?? settings.defaultSurface
        var estimatedM = 0.0
        let unrouted = connect.indices.filter { !routed[$0] }
        if !unrouted.isEmpty && roots.isEmpty {
            problems.append(
                InputProblem(
                    .warning, code: "no-network-start", file: "scenario", layer: "costs", field: "pop",
                    reason: "no point of presence (costs.pop) and no building with fibre: the feeder from the "
                        + "existing network to each group of buildings is not priced"))
        }
        let groups = Dictionary(grouping: unrouted, by: { group(connect[$0]) })
        let rootIndex = STRtree(boxes: roots.map { BoundingBox(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) })
        let keys = groups.keys.sorted()
        let radius = settings.estimateLinkRadiusM
        // The groups' trees on every core (each group's own points); their pieces are then numbered in group
        // order, as before.
        let trees = parallelMap(count: keys.count, chunkSize: 1) { range in
            range.map { g in
                var points = groups[keys[g]]!.map { anchors[$0] }
                // The nearest root (rectilinear) joins the tree as its root; without roots, the first member.
                var root = 0
                if let nearest = Self.nearest(to: points, among: roots, index: rootIndex) {
                    points.append(nearest)
                    root = points.count - 1
                }
                return (points: points, tree: RectilinearTree(points: points, root: root, radius: radius))
            }
        }
        let civilWorksPerMEstimated = catalogue.civilWorksPerM[surface]!
        for (g, key) in keys.enumerated() {
            let members = groups[key]!
            let (points, tree) = trees[g]
            var below = [Int](repeating: 0, count: points.count)
            for (m, k) in members.enumerated() { below[m] = homes[k] }
            for i in tree.order.reversed() where tree.parent[i] >= 0 { below[tree.parent[i]] += below[i] }
            var segmentOf = [Int?](repeating: nil, count: points.count)
            for i in tree.order where tree.parent[i] >= 0 {
                estimatedM += tree.length[i]
                segmentOf[i] = segments.count
                segments.append(
                    TrenchSegment(
                        from: points[i], to: points[tree.parent[i]], lengthM: tree.length[i], surface: surface,
                        homes: below[i], estimated: true, next: segmentOf[tree.parent[i]]))
            }
            // Per point, the trench metres per home on its way to the root: each edge's length shared by the
            // homes below it, summed from the root down once. Walking from every member to the root instead
            // took the tree's depth per member, which on an area of a million buildings is long.
            var metresPerHome = [Double](repeating: 0, count: points.count)
            for i in tree.order where tree.parent[i] >= 0 {
                metresPerHome[i] = tree.length[i] / Double(below[i]) + metresPerHome[tree.parent[i]]
            }
            for (m, k) in members.enumerated() {
                costs[k].estimated = true
                costs[k].firstSegment = segmentOf[m]
                let metres = metresPerHome[m] * Double(homes[k])
                costs[k].routeM += metres
                costs[k].civilWorks += metres * civilWorksPerMEstimated
                costs[k].ductAndCable += metres * catalogue.ductAndCablePerM
            }
        }
        let sitesCost =
            Double(works.newSites) * catalogue.newMobileSite + Double(works.upgradedSites)
            * catalogue.upgradedMobileSite
        var plan = CostPlan(
            buildings: costs, segments: segments, routedM: routedM, estimatedM: estimatedM, works: works,
            sitesCost: sitesCost, accessPointsCost: Double(works.newAccessPoints) * catalogue.wlanAccessPoint,
            problems: problems)
        plan.position = Array(repeating: -1, count: (costs.map(\.building).max() ?? -1) + 1)
        for (k, c) in costs.enumerated() {
            precondition(plan.position[c.building] < 0, "building \(c.building) is connected twice")
            plan.position[c.building] = Int32(k)
        }
        return plan
    }
}

/// What a scenario's changes build besides fibre: new and upgraded mobile sites, new WLAN access points,
/// and the buildings it gives fibre (`add_fibre`), which are priced like the eligible ones.
public struct ScenarioWorks: Sendable, Equatable {
    public var newSites = 0
    /// Sites with at least one upgraded or added sector.
    public var upgradedSiteIDs: Set<String> = []
    public var newAccessPoints = 0
    /// Ids of the buildings that `add_fibre` connects.
    public var fibreBuildings: [String] = []

    public init() {}

    public var upgradedSites: Int { upgradedSiteIDs.count }
}
