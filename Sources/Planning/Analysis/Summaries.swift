import GeoCore
import Radio

/// The summarise stage: counts per district and for the city. Every building counts in the district
/// that holds its centre and in the city, so that the districts' counts add up to the city's when the
/// districts cover it; coverage areas count the grid cells whose centre lies in the district.
enum Summaries {
    /// Which coverage classes each building meets outdoors, `classes` flags per building in building
    /// order: what the summaries count of the mobile coverage, worked out while the coverage is held.
    static func classesMet(buildings: Int, mobile: MobileCoverage, settings: AnalysisSettings) -> [Bool] {
        let classes = settings.coverageClasses
        var met: [Bool] = []
        met.reserveCapacity(buildings * classes.count)
        for i in 0..<buildings {
            for cls in classes {
                let rate = mobile.bestRate(
                    receiver: i, technology: cls.technology, operatorName: cls.operatorName, indoor: false)
                met.append((rate ?? 0) >= cls.minimumMbps)
            }
        }
        return met
    }

    /// - Parameter classesMet: from `classesMet(buildings:mobile:settings:)`.
    static func make(
        buildings: [BuildingResult], context: SpatialContext, grid: CoverageGrid?, classesMet: [Bool],
        settings: AnalysisSettings, box: BoundingBox
    ) throws -> (districts: [AreaSummary], city: AreaSummary) {
        let classes = settings.coverageClasses
        let coverage = classes.map { ClassCoverage(coverageClass: $0, areaKm2: 0, residents: 0) }
        let locator = context.districts
        let cityArea =
            locator.isEmpty
            ? box.width * box.height / 1e6 : try locator.districts.reduce(0) { $0 + (try $1.geometry.area()) } / 1e6
        var city = AreaSummary(id: "city", name: "City", areaKm2: cityArea, coverage: coverage)
        var districts = try locator.districts.map {
            AreaSummary(
                id: $0.id, name: $0.name, geometry: $0.geometry, areaKm2: try $0.geometry.area() / 1e6,
                coverage: coverage)
        }
        // Read in place: a copy of a building's result retains each of its texts.
        buildings.withUnsafeBufferPointer { buildings in
            func add(_ summary: inout AreaSummary, _ i: Int) {
                summary.add(buildings.baseAddress! + i)
                for k in classes.indices where classesMet[i * classes.count + k] {
                    summary.coverage[k].residents += buildings[i].residents ?? 0
                }
            }
            for i in buildings.indices {
                add(&city, i)
                if let d = buildings[i].district { add(&districts[d], i) }
            }
        }
        if let grid {
            let cellKm2 = grid.resolutionM * grid.resolutionM / 1e6
            let cells = grid.rows * grid.columns
            // Each cell's district, row by row; none asked for without districts (every cell counts).
            let cellDistricts =
                locator.isEmpty
                ? nil
                : try locator.districts(
                    of: (0..<cells).map { grid.center(column: $0 % grid.columns, row: $0 / grid.columns) })
            for cell in 0..<cells {
                let d = cellDistricts?[cell] ?? nil
                if cellDistricts != nil && d == nil { continue }
                for (k, cls) in classes.enumerated() where grid.meets(cell, cls) {
                    city.coverage[k].areaKm2 += cellKm2
                    if let d { districts[d].coverage[k].areaKm2 += cellKm2 }
                }
            }
        }
        return (districts, city)
    }
}
