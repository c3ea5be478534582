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
        // The results read in place (a copy of one retains each of its references), and the buildings to
        // connect marked in an array rather than a set.
        var connected = [Bool](repeating: false, count: buildings.count)
        var connect: [Int] = []
        var anchors: [Coordinate] = []
        var homes: [Int] = []
        var roots = settings.costs.pointsOfPresence
        buildings.withUnsafeBufferPointer { results in
            for i in results.indices
            where results[i].service.funding[programme]!.eligible
                || (!fibreIDs.isEmpty && fibreIDs.contains(results[i].building.id))
            {
                connected[i] = true
                connect.append(i)
                anchors.append(results[i].building.geometry.anchor!)
                homes.append(CostPlan.homes(results[i].building))
            }
            // Where the network starts: the PoPs, and the buildings (not to be connected) of the start's
            // technologies.
            for i in results.indices where !connected[i] {
                guard let t = results[i].service.fixed.best?.technology, starts.contains(t) else { continue }
                roots.append(results[i].building.geometry.anchor!)
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
