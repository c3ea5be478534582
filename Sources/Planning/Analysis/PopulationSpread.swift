import GeoCore

/// Spreads the population grid over the buildings: each cell's residents go to the residential and
/// mixed buildings whose centre lies in it, in proportion to their households (given or estimated);
/// households = residents / the cell's household size (the grid's mean where the cell gives none).
/// Buildings that state their households keep them (and their residents, when given).
/// Buildings outside every cell keep their households, with residents = households × the mean size.
public enum PopulationSpread {
    public static let defaultHouseholdSize = 2.0

    public static func apply(_ buildings: inout [Building], cells: [PopulationCell]) throws {
        let sizes = cells.compactMap(\.householdSize)
        let meanSize = sizes.isEmpty ? defaultHouseholdSize : sizes.reduce(0, +) / Double(sizes.count)
        guard !cells.isEmpty else {
            for i in buildings.indices where buildings[i].residents == nil {
                buildings[i].residents = buildings[i].households * meanSize
            }
            return
        }
        // Buildings that already state their households keep them; only estimated ones are rescaled.
        let tree = STRtree(boxes: cells.map { $0.geometry.boundingBox! })
        let prepared = try cells.map { try PreparedGeometry($0.geometry) }
        var members = [[Int]](repeating: [], count: cells.count)
        var inCell = [Bool](repeating: false, count: buildings.count)
        for (i, b) in buildings.enumerated() where b.use == .residential || b.use == .mixed {
            guard let c = b.geometry.anchor else { continue }
            for k in tree.query(BoundingBox(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)) where try prepared[k].covers(c)
            {
                members[k].append(i)
                inCell[i] = true
                break
            }
        }
        for (k, cell) in cells.enumerated() {
            let size = cell.householdSize ?? meanSize
            let estimated = members[k].filter { buildings[$0].householdsEstimated }
            let fixedResidents = members[k].filter { !buildings[$0].householdsEstimated }.reduce(0.0) {
                $0 + (buildings[$1].residents ?? buildings[$1].households * size)
            }
            for i in members[k] where !buildings[i].householdsEstimated && buildings[i].residents == nil {
                buildings[i].residents = buildings[i].households * size
            }
            let weight = estimated.reduce(0.0) { $0 + max(buildings[$1].households, 1) }
            let remaining = max(0, cell.population - fixedResidents)
            for i in estimated {
                let residents = weight > 0 ? remaining * max(buildings[i].households, 1) / weight : 0
                buildings[i].residents = residents
                buildings[i].households = residents / size
            }
        }
        for i in buildings.indices where !inCell[i] && buildings[i].residents == nil {
            buildings[i].residents = buildings[i].households * meanSize
        }
    }
}
