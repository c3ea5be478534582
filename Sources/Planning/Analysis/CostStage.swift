import GeoCore

extension Analysis {
    /// The costs stage: prices the buildings eligible under the area programme and the buildings the
    /// scenario gives fibre (`CostPlan`), adds the costs up per underserved area, and groups the
    /// underserved areas into project areas with their gap and split.
    static func costStage(
        buildings: [BuildingResult], areas: inout [UnderservedArea], data: GeoData, settings: AnalysisSettings
    ) throws -> (CostPlan, [ProjectArea]) {
        let programme = settings.funding.areaProgramme
        let fibreIDs = Set(data.works.fibreBuildings)
        let starts = settings.costs.networkStart.technologies
        // Each building's part, from its result read in place (a copy of one retains each of its references), on
        // every core: to be connected, a start of the network (not to be connected, of the start's technologies),
        // or neither. Then gathered in building order.
        enum Part {
            case connect(anchor: Coordinate, homes: Int)
            case root(Coordinate)
            case neither
        }
        let parts = parallelMap(count: buildings.count, chunkSize: 4096) { i -> Part in
            buildings.withUnsafeBufferPointer { results in
                if results[i].service.funding[programme]!.eligible
                    || (!fibreIDs.isEmpty && fibreIDs.contains(results[i].building.id))
                {
                    return .connect(
                        anchor: results[i].building.geometry.anchor!, homes: CostPlan.homes(results[i].building))
                }
                guard let t = results[i].service.fixed.best?.technology, starts.contains(t) else { return .neither }
                return .root(results[i].building.geometry.anchor!)
            }
        }
        var connect: [Int] = []
        var anchors: [Coordinate] = []
        var homes: [Int] = []
        var roots = settings.costs.pointsOfPresence
        for (i, part) in parts.enumerated() {
            switch part {
            case .connect(let anchor, let count):
                connect.append(i)
                anchors.append(anchor)
                homes.append(count)
            case .root(let anchor): roots.append(anchor)
            case .neither: break
            }
        }
        var areaOf = [Int32](repeating: -1, count: buildings.count)
        for (a, area) in areas.enumerated() { for m in area.members { areaOf[m] = Int32(a) } }
        let plan = CostPlan.make(
            connect: connect, anchors: anchors, homes: homes, roots: roots, streets: data.streets,
            group: { areaOf[$0] >= 0 ? Int(areaOf[$0]) : -1 - $0 }, works: data.works, settings: settings.costs)
        for c in plan.buildings where areaOf[c.building] >= 0 { areas[Int(areaOf[c.building])].summary.cost.add(c) }
        // Project areas, from the districts or the project-area polygons.
        let grouping = settings.funding.projectAreas.grouping
        var names: [String?] = areas.map(\.district)
        var order = data.districts.map(\.name)
        if grouping == .layer {
            let locator = try DistrictLocator(data.projectAreaPolygons)
            order = data.projectAreaPolygons.map(\.name)
            names = try areas.map { area in
                var votes = [Int](repeating: 0, count: order.count)
                for m in area.members {
                    if let p = try locator.district(of: buildings[m].building.geometry.anchor!) { votes[p] += 1 }
                }
                guard let top = votes.max(), top > 0 else { return nil }
                return order[votes.firstIndex(of: top)!]
            }
        }
        let projectAreas = try ProjectAreas.make(
            areas: areas, areaCost: areas.map(\.summary.cost), settings: settings.funding.projectAreas,
            gapModel: settings.costs.gapModel, districtOf: { names[$0] }, order: order)
        return (plan, projectAreas)
    }
}
