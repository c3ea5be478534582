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
        let connect = buildings.indices.filter {
            buildings[$0].service.funding[programme]!.eligible || fibreIDs.contains(buildings[$0].building.id)
        }
        // Where the network starts: the PoPs, and the buildings (not to be connected) of the start's technologies.
        let connected = Set(connect)
        let starts = settings.costs.networkStart.technologies
        let roots =
            settings.costs.pointsOfPresence
            + buildings.indices.filter { i in
                guard !connected.contains(i), let t = buildings[i].service.fixed.best?.technology else { return false }
                return starts.contains(t)
            }.map { buildings[$0].building.geometry.anchor! }
        var areaOf: [Int: Int] = [:]
        for (a, area) in areas.enumerated() { for m in area.members { areaOf[m] = a } }
        let plan = CostPlan.make(
            buildings: buildings.lazy.map { $0.building }, connect: connect, roots: roots, streets: data.streets,
            group: { areaOf[$0] ?? -1 - $0 }, works: data.works, settings: settings.costs)
        for c in plan.buildings { if let a = areaOf[c.building] { areas[a].summary.cost.add(c) } }
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
