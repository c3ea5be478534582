import Foundation
import GeoCore

/// One populated area cell in the working CRS.
struct PopulationArea {
    var id: String
    var polygon: Polygon
    var box: BoundingBox
    var population: Double
    var householdSize: Double
    var areaKm2: Double
}

/// A real school location (or a generated one for synthetic cities).
struct SchoolSite {
    var id: String
    var name: String
    var location: Coordinate
}

/// A district polygon for summaries.
struct DistrictArea {
    var id: String
    var name: String
    var geometry: Geometry
}

/// What the generator builds a city from: population cells, schools, districts, and the fixed-line
/// shares to reproduce.
struct CityInputs {
    var name: String
    var cells: [PopulationArea]
    var schools: [SchoolSite]
    var districts: [DistrictArea]
    var shares: FixedLineShares
    var sources: [String]
    /// Synthetic cities: the exact number of buildings to make.
    var targetBuildings: Int? = nil
    /// The municipality key (AGS) of the generated addresses; empty for a synthetic city.
    var ags = ""

    /// Münster: the Zensus 2011 1 km grid, the 100 real schools, the postcode areas and the Breitbandatlas row.
    /// The Breitbandatlas row that calibrates the fixed lines of each year the data can represent.
    static let fixedLineRows = [
        2018: ("gemeinde_privat_2018_ende_muenster.csv", "end of 2018"),
        2021: ("gemeinde_bezirke_privat_2021_mitte_muenster.csv", "mid-2021"),
    ]

    static func muenster(
        dataDirectory dir: String, projector: Projector, crs: CRS, year: Int = 2021
    ) throws -> CityInputs {
        guard let (row, when) = fixedLineRows[year] else {
            throw UnreadableFile(
                path: dir + "/breitbandatlas",
                reason: "no Breitbandatlas row for \(year) (years: "
                    + "\(fixedLineRows.keys.sorted().map(String.init).joined(separator: ", ")))")
        }
        let grid = try FeatureFileReader.read(path: dir + "/census2011-1km-grid.geojson")[0].prepared(
            for: crs, projector: projector)
        var sizes: [Double] = []
        var cells: [PopulationArea] = []
        for f in grid.features {
            guard let g = f.geometry, let polygon = g.polygons.first else { continue }
            let population = max(0, f.properties["Einwohner"]?.numberValue ?? 0)
            let size = f.properties["HHGroesse_D"]?.numberValue ?? -1
            if size > 0 { sizes.append(size) }
            cells.append(
                PopulationArea(
                    id: f.properties["Gitter_ID_1km"]?.text ?? String(f.index), polygon: polygon, box: g.boundingBox!,
                    population: population, householdSize: size, areaKm2: try g.area() / 1e6))
        }
        let meanSize = sizes.reduce(0, +) / Double(max(sizes.count, 1))
        for i in cells.indices where cells[i].householdSize <= 0 { cells[i].householdSize = meanSize }

        let schoolLayer = try FeatureFileReader.read(path: dir + "/schools-2024.geojson")[0].prepared(
            for: crs, projector: projector)
        let schools = schoolLayer.features.compactMap { f -> SchoolSite? in
            guard case .point(let c)? = f.geometry else { return nil }
            return SchoolSite(
                id: f.properties["LFDNR"]?.text ?? String(f.index),
                name: f.properties["NAME"]?.text ?? "School \(f.index)", location: c)
        }
        let postcodes = try FeatureFileReader.read(path: dir + "/postcode-areas.geojson")[0].prepared(
            for: crs, projector: projector)
        let districts = postcodes.features.compactMap { f -> DistrictArea? in
            guard let g = f.geometry, let code = f.properties["postal_code"]?.text else { return nil }
            let osmName = f.properties["name"]?.text ?? ""
            let label = osmName.hasPrefix(code) && !osmName.hasSuffix("Münster") ? osmName : "\(code) Münster"
            return DistrictArea(id: code, name: label, geometry: g)
        }.sorted { $0.id < $1.id }
        let shares = try FixedLineShares(breitbandatlasRow: dir + "/breitbandatlas/" + row)
        return CityInputs(
            name: "Münster", cells: cells, schools: schools, districts: districts, shares: shares,
            sources: [
                "census grid: Zensus 2011, © Statistische Ämter des Bundes und der Länder, dl-de/by-2.0",
                "schools: Stadt Münster, dl-de/by-2.0", "postcode areas: © OpenStreetMap contributors, ODbL 1.0",
                "fixed-line shares: Breitbandatlas \(when) (gigabitgrundbuch.bund.de), dl-de/by-2.0",
            ], ags: "05515000")
    }

    /// A synthetic city of `areaKm2` around `center` (in the working CRS) with `targetBuildings` buildings:
    /// 1 km cells whose population falls off with distance from the centre like a real city's.
    static func synthetic(
        center: Coordinate, areaKm2: Double, targetBuildings: Int, seed: UInt64, residentsPerBuilding: Double = 7
    ) -> CityInputs {
        var random = RandomSource(seed: seed)
        let side = max(1, Int(areaKm2.squareRoot().rounded()))
        let half = Double(side) * 500
        var cells: [PopulationArea] = []
        var weights: [Double] = []
        for row in 0..<side {
            for col in 0..<side {
                let x0 = center.x - half + Double(col) * 1000
                let y0 = center.y - half + Double(row) * 1000
                let box = BoundingBox(minX: x0, minY: y0, maxX: x0 + 1000, maxY: y0 + 1000)
                let r = box.center.distance(to: center) / half
                let w = exp(-3 * r * r) * random.uniform(0.6, 1.4)
                weights.append(w)
                cells.append(
                    PopulationArea(
                        id: "cell-\(row)-\(col)", polygon: .rectangle(box), box: box, population: 0,
                        householdSize: 1.9 + 0.6 * min(1, r), areaKm2: 1))
            }
        }
        // Slightly more residents than the buildings need; the generator then trims to exactly the target.
        let totalPopulation = Double(targetBuildings) * residentsPerBuilding
        let sum = weights.reduce(0, +)
        for i in cells.indices { cells[i].population = (totalPopulation * weights[i] / sum).rounded() }
        let schoolCount = max(3, targetBuildings / 1000)
        let schools = (0..<schoolCount).map { k -> SchoolSite in
            let c = cells[Self.pick(weights, &random)]
            return SchoolSite(
                id: "S\(k + 1)", name: "Generated school \(k + 1)",
                location: Coordinate(
                    random.uniform(c.box.minX + 100, c.box.maxX - 100),
                    random.uniform(c.box.minY + 100, c.box.maxY - 100)))
        }
        let blocks = side >= 2 ? max(2, side / 4) : 1
        let step = Double(side) * 1000 / Double(blocks)
        var districts: [DistrictArea] = []
        for row in 0..<blocks {
            for col in 0..<blocks {
                let box = BoundingBox(
                    minX: center.x - half + Double(col) * step, minY: center.y - half + Double(row) * step,
                    maxX: center.x - half + Double(col + 1) * step, maxY: center.y - half + Double(row + 1) * step)
                districts.append(
                    DistrictArea(
                        id: "D\(row * blocks + col + 1)", name: "District \(row * blocks + col + 1)",
                        geometry: .polygon(.rectangle(box))))
            }
        }
        return CityInputs(
            name: "Synthetic city", cells: cells, schools: schools, districts: districts, shares: .muenster2021,
            sources: ["synthetic, seed \(seed)"], targetBuildings: targetBuildings)
    }

    static func pick(_ weights: [Double], _ random: inout RandomSource) -> Int {
        let total = weights.reduce(0, +)
        var target = random.unit() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.count - 1
    }
}
