import Foundation
import GeoCore

/// Generates a plausible city from population cells: building footprints, cell sites, WLAN islands,
/// fixed-line availability, focus points and districts. Deterministic for a seed. Every feature it makes
/// carries `generated: true`; the method is described in docs/generated-data.md.
struct CityGenerator {
    let inputs: CityInputs
    let seed: UInt64
    let siteCount: Int
    /// Multiplies the number of buildings (1 = as the population implies).
    let buildingScale: Double
    /// Every site gets LTE 800, 1800, 2100, 2600 and NR 3600 (the benchmark workloads).
    var fiveCarriers = false

    struct Output {
        var buildings: [Feature] = []
        var fixed: [[String]] = []
        var sites: [Feature] = []
        var wlan: [Feature] = []
        var wlanSchools: [Feature] = []
        var focusPoints: [Feature] = []
        var districts: [Feature] = []
    }

    /// Internal record of a generated building.
    struct Plan {
        var id: String
        var polygon: Polygon
        var center: Coordinate
        var use: String
        var households: Int
        var residents: Double
        var businesses: Int
        var floors: Int
        var density: Double
        var name: String?
    }

    func generate() throws -> Output {
        var out = Output()
        var random = RandomSource(seed: seed)
        var plans = schoolBuildings(&random)
        let reserved = plans.map(\.center)
        var cellRandom = random.fork(1)
        for (k, cell) in inputs.cells.enumerated() {
            plans += buildings(in: cell, index: k, avoiding: reserved, &cellRandom)
        }
        if let target = inputs.targetBuildings, plans.count > target {
            // Trim to the exact size, keeping the schools, in a seeded random order.
            var trim = random.fork(6)
            var candidates = Array(inputs.schools.count..<plans.count)
            candidates.shuffle(using: &trim)
            let drop = Set(candidates.prefix(plans.count - target))
            plans = plans.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
        var focusRandom = random.fork(2)
        let (focus, focusBuildings) = focusPoints(plans: plans, &focusRandom)
        plans += focusBuildings
        out.focusPoints = focus
        let addresses = try addresses(plans)
        out.buildings = plans.indices.map { feature(plans[$0], address: addresses[$0]) }
        var fixedRandom = random.fork(3)
        out.fixed = fixedLines(plans, &fixedRandom)
        var siteRandom = random.fork(4)
        out.sites = sites(&siteRandom)
        var wlanRandom = random.fork(5)
        (out.wlan, out.wlanSchools) = wlan(plans, &wlanRandom)
        out.districts = try districts(plans)
        return out
    }

    // MARK: Buildings

    static func rectangle(center c: Coordinate, width: Double, depth: Double, angle: Double) -> Polygon {
        let (s, k) = (sin(angle), cos(angle))
        let corners = [
            (-width / 2, -depth / 2), (width / 2, -depth / 2), (width / 2, depth / 2), (-width / 2, depth / 2),
            (-width / 2, -depth / 2),
        ]
        return Polygon(exterior: corners.map { Coordinate(c.x + $0.0 * k - $0.1 * s, c.y + $0.0 * s + $0.1 * k) })
    }

    func schoolBuildings(_ random: inout RandomSource) -> [Plan] {
        inputs.schools.map { school in
            Plan(
                id: "school-\(school.id)",
                polygon: Self.rectangle(
                    center: school.location, width: 45, depth: 70, angle: random.uniform(0, .pi / 2)),
                center: school.location, use: "school", households: 0, residents: 0, businesses: 0,
                floors: random.integer(2...3), density: 0, name: school.name)
        }
    }

    func buildings(
        in cell: PopulationArea, index: Int, avoiding reserved: [Coordinate], _ random: inout RandomSource
    ) -> [Plan] {
        let density = cell.population / max(cell.areaKm2, 0.01)
        let households = Int((cell.population / cell.householdSize).rounded())
        let perBuilding: ClosedRange<Int> =
            density > 6000 ? 6...14 : density > 2500 ? 2...6 : density > 800 ? 1...3 : 1...2
        let meanPerBuilding = Double(perBuilding.lowerBound + perBuilding.upperBound) / 2
        let residential =
            households == 0 ? 0 : max(1, Int((Double(households) / meanPerBuilding * buildingScale).rounded()))
        let commercial =
            Int((Double(residential) * (density > 4000 ? 0.12 : 0.05)).rounded())
            + (density > 300 ? random.poisson(0.5) : 0)
        let industrial = density < 1500 ? random.poisson(cell.population > 0 ? 1.2 : 0.6) : random.poisson(0.3)
        let publicCount = Int((Double(residential) * 0.02).rounded()) + (density > 300 ? 1 : 0)
        let farms = density < 150 ? random.poisson(4 * buildingScale) : 0
        var uses: [String] = Array(repeating: "residential", count: residential)
        uses += Array(repeating: "commercial", count: commercial) + Array(repeating: "industrial", count: industrial)
        uses += Array(repeating: "public", count: publicCount) + Array(repeating: "other", count: farms)
        guard !uses.isEmpty else { return [] }
        // Lots on a grid over the cell, inside its polygon and away from the school sites.
        let lot = min(200, max(16, (cell.areaKm2 * 1e6 / (Double(uses.count) * 1.6)).squareRoot()))
        var lots: [Coordinate] = []
        var y = cell.box.minY + lot / 2
        while y < cell.box.maxY {
            var x = cell.box.minX + lot / 2
            while x < cell.box.maxX {
                let c = Coordinate(x, y)
                if Ring.contains(cell.polygon.exterior, c)
                    && !reserved.contains(where: { abs($0.x - c.x) < 60 && abs($0.y - c.y) < 60 })
                {
                    lots.append(c)
                }
                x += lot
            }
            y += lot
        }
        lots.shuffle(using: &random)
        // Households per residential building, scaled so that the cell's households match the census.
        var raw = (0..<residential).map { _ in Double(random.integer(perBuilding)) }
        let scale = Double(households) / max(raw.reduce(0, +), 1)
        raw = raw.map { $0 * scale }
        var counts = raw.map { Int($0.rounded(.down)) }
        var remainder = households - counts.reduce(0, +)
        for i in raw.indices.sorted(by: {
            (raw[$0] - raw[$0].rounded(.down), $1) > (raw[$1] - raw[$1].rounded(.down), $0)
        }) where remainder > 0 {
            counts[i] += 1
            remainder -= 1
        }
        let residentsPerHousehold = households > 0 ? cell.population / Double(households) : 0
        var plans: [Plan] = []
        for (k, use) in uses.enumerated() where k < lots.count {
            let center = Coordinate(
                lots[k].x + random.uniform(-0.1, 0.1) * lot, lots[k].y + random.uniform(-0.1, 0.1) * lot)
            var hh = use == "residential" ? counts[k] : 0
            var finalUse = use
            var businesses = 0
            switch use {
            case "commercial": businesses = random.integer(1...10)
            case "industrial": businesses = random.integer(1...5)
            case "residential" where density > 4000 && random.chance(0.25):
                finalUse = "mixed"
                businesses = random.integer(1...3)
            case "other": businesses = random.chance(0.5) ? 1 : 0
            default: break
            }
            if use == "residential" && hh == 0 { hh = 0 }
            let (w, d, floors): (Double, Double, Int) = {
                switch use {
                case "residential":
                    if hh <= 2 { return (random.uniform(9, 12), random.uniform(10, 14), random.integer(1...2)) }
                    if hh <= 6 { return (random.uniform(12, 18), random.uniform(12, 16), random.integer(2...4)) }
                    return (random.uniform(14, 20), random.uniform(25, 50), random.integer(4...8))
                case "commercial": return (random.uniform(18, 40), random.uniform(20, 45), random.integer(2...5))
                case "industrial": return (random.uniform(30, 70), random.uniform(35, 90), random.integer(1...2))
                case "public": return (random.uniform(20, 40), random.uniform(25, 45), random.integer(2...4))
                default: return (random.uniform(12, 25), random.uniform(15, 30), 1)
                }
            }()
            let limit = lot * 0.8
            plans.append(
                Plan(
                    id: "b\(index)-\(k)",
                    polygon: Self.rectangle(
                        center: center, width: min(w, limit), depth: min(d, limit), angle: random.uniform(0, .pi / 2)),
                    center: center, use: finalUse, households: hh, residents: Double(hh) * residentsPerHousehold,
                    businesses: businesses, floors: floors, density: density, name: nil))
        }
        // Lots ran out (a cell smaller than its buildings need): the households of the missing buildings go to the last
        // one.
        if residential > lots.count, let last = plans.lastIndex(where: { $0.use == "residential" || $0.use == "mixed" })
        {
            let missing = counts[lots.count...].reduce(0, +)
            plans[last].households += missing
            plans[last].residents += Double(missing) * residentsPerHousehold
        }
        return plans
    }

    /// Generated addresses: per postcode area (the district that holds the building), streets named
    /// "Planstraße N" of 20 numbers each in building order, every ninth number with a second building "a".
    func addresses(_ plans: [Plan]) throws -> [(street: String, number: String, postcode: String)] {
        let tree = STRtree(boxes: inputs.districts.map { $0.geometry.boundingBox! })
        let prepared = try inputs.districts.map { try PreparedGeometry($0.geometry) }
        var next: [String: Int] = [:]
        return try plans.map { p in
            var code = ""
            for d in tree.query(BoundingBox(minX: p.center.x, minY: p.center.y, maxX: p.center.x, maxY: p.center.y))
                .sorted() where try prepared[d].covers(p.center)
            {
                code = inputs.districts[d].id
                break
            }
            let k = next[code, default: 0]
            next[code] = k + 1
            // 20 numbers a street; number 9 and 18 carry a second building ("9a").
            let street = k / 22
            let slot = k % 22
            let number =
                slot < 9 ? "\(slot + 1)" : slot == 9 ? "9a" : slot < 19 ? "\(slot)" : slot == 19 ? "18a" : "\(slot - 1)"
            return ("Planstraße \(street + 1)", number, code.count == 5 ? code : "")
        }
    }

    func feature(_ p: Plan, address: (street: String, number: String, postcode: String)) -> Feature {
        var props = JSONObject()
        props["id"] = .string(p.id)
        props["use"] = .string(p.use)
        props["addr:street"] = .string(address.street)
        props["addr:housenumber"] = .string(address.number)
        if !address.postcode.isEmpty { props["addr:postcode"] = .string(address.postcode) }
        props["addr:city"] = .string(inputs.name)
        if !inputs.ags.isEmpty { props["ags"] = .string(inputs.ags) }
        if let name = p.name { props["name"] = .string(name) }
        props["households"] = .number(Double(p.households))
        props["residents"] = .number((p.residents * 100).rounded() / 100)
        props["businesses"] = .number(Double(p.businesses))
        props["floors"] = .number(Double(p.floors))
        props["height_m"] = .number(Double(p.floors) * 3 + 1)
        props["generated"] = .bool(true)
        return Feature(index: 0, geometry: .polygon(p.polygon), properties: props)
    }

    // MARK: Focus points

    func focusPoints(plans: [Plan], _ random: inout RandomSource) -> ([Feature], [Plan]) {
        let dense = inputs.cells.indices.sorted {
            (inputs.cells[$0].population, $1) > (inputs.cells[$1].population, $0)
        }
        let rural = inputs.cells.indices.filter { inputs.cells[$0].population < 150 }
        var features: [Feature] = []
        var buildings: [Plan] = []
        func point(in cell: PopulationArea) -> Coordinate {
            for _ in 0..<50 {
                let c = Coordinate(
                    random.uniform(cell.box.minX, cell.box.maxX), random.uniform(cell.box.minY, cell.box.maxY))
                if Ring.contains(cell.polygon.exterior, c) { return c }
            }
            return cell.box.center
        }
        func add(_ kind: String, _ name: String, _ c: Coordinate, building: (use: String, w: Double, d: Double)?) {
            let id = "\(kind)-\(features.count + 1)"
            var props = JSONObject([
                ("id", .string(id)), ("kind", .string(kind)), ("name", .string(name)), ("generated", .bool(true)),
            ])
            if let b = building {
                let bid = "focus-\(features.count + 1)"
                props["building_id"] = .string(bid)
                buildings.append(
                    Plan(
                        id: bid,
                        polygon: Self.rectangle(center: c, width: b.w, depth: b.d, angle: random.uniform(0, .pi / 2)),
                        center: c, use: b.use, households: 0, residents: 0, businesses: 1,
                        floors: random.integer(3...6), density: 0, name: name))
            }
            features.append(Feature(index: features.count, geometry: .point(c), properties: props))
        }
        let n = max(1, inputs.cells.count / 50)
        for k in 0..<min(dense.count, n + 1) {
            add(
                "hospital", "Generated hospital \(k + 1)", point(in: inputs.cells[dense[(k * 3) % dense.count]]),
                building: ("hospital", 80, 120))
        }
        for k in 0..<min(dense.count, n) {
            add(
                "authority", "Generated authority \(k + 1)", point(in: inputs.cells[dense[(k * 5 + 1) % dense.count]]),
                building: ("public", 40, 60))
        }
        if let hub = dense.first {
            add("transport_hub", "Generated main station", point(in: inputs.cells[hub]), building: nil)
        }
        let industrialCells = inputs.cells.indices.filter {
            inputs.cells[$0].population > 0 && inputs.cells[$0].population < 1500
        }
        for k in 0..<min(industrialCells.count, max(1, n / 2)) {
            let cell = inputs.cells[industrialCells[(k * 7) % industrialCells.count]]
            let c = point(in: cell)
            let id = "business_park-\(features.count + 1)"
            features.append(
                Feature(
                    index: features.count,
                    geometry: .polygon(Self.rectangle(center: c, width: 500, depth: 350, angle: 0)),
                    properties: JSONObject([
                        ("id", .string(id)), ("kind", .string("business_park")),
                        ("name", .string("Generated business park \(k + 1)")), ("generated", .bool(true)),
                    ])))
        }
        for k in 0..<min(rural.count, 2 * n) {
            add(
                "farm", "Generated farm \(k + 1)", point(in: inputs.cells[rural[(k * 11) % rural.count]]), building: nil
            )
        }
        return (features, buildings)
    }

    // MARK: Fixed lines

    /// Assigns fixed-line records so that the household shares of each class follow the Breitbandatlas row:
    /// buildings are ranked by a density score with noise, and each class goes to the top share of households.
    func fixedLines(_ plans: [Plan], _ random: inout RandomSource) -> [[String]] {
        let weights = plans.map { Double($0.households) + 0.2 }
        let total = weights.reduce(0, +)
        func ranking(noise: Double) -> [Double] {
            let score = plans.map { log(max($0.density, 10)) + random.uniform(-noise, noise) }
            var quantile = [Double](repeating: 0, count: plans.count)
            var cumulative = 0.0
            for i in plans.indices.sorted(by: { (score[$0], $1) > (score[$1], $0) }) {
                cumulative += weights[i]
                quantile[i] = cumulative / total
            }
            return quantile
        }
        let dslQ = ranking(noise: 1.0)
        let catvQ = ranking(noise: 2.5)
        let fibreQ = plans.map { _ in random.unit() }
        let s = inputs.shares
        func dslShare(_ mbps: Double) -> Double { s.dsl.first { $0.minimumMbps == mbps }?.share ?? 1 }
        var rows: [[String]] = [
            ["building_id", "technology", "down_mbps", "up_mbps", "provider", "planned_within_3y", "generated"]
        ]
        for (i, p) in plans.enumerated() {
            let q = dslQ[i]
            let dsl: (String, Int, Double) =
                q <= dslShare(200)
                ? ("vdsl", 250, 40)
                : q <= dslShare(100)
                    ? ("vdsl", 100, 40)
                    : q <= dslShare(50)
                        ? ("vdsl", 50, 10)
                        : q <= dslShare(30)
                            ? ("vdsl", 40, 10)
                            : q <= dslShare(16)
                                ? ("adsl", 16, 1) : q <= dslShare(6) ? ("adsl", 6, 0.6) : ("adsl", 2, 0.4)
            rows.append([
                p.id, dsl.0, String(dsl.1), JSONWriter.format(dsl.2), "DSL provider (generated)", "false", "true",
            ])
            if catvQ[i] <= s.catv1000 {
                rows.append([p.id, "hfc", "1000", "50", "Cable provider (generated)", "false", "true"])
            } else if catvQ[i] <= s.catvAny {
                rows.append([p.id, "hfc", "500", "25", "Cable provider (generated)", "false", "true"])
            }
            let schoolFibre = p.use == "school" && random.chance(0.4)
            if fibreQ[i] <= s.fibre1000 || schoolFibre {
                rows.append([p.id, "ftth", "1000", "500", "Fibre provider (generated)", "false", "true"])
            } else if fibreQ[i] <= s.fibreAny {
                rows.append([p.id, "fttb", "500", "200", "Fibre provider (generated)", "false", "true"])
            } else if q > 0.97 && catvQ[i] > s.catvAny && random.chance(0.4) {
                rows.append([p.id, "ftth", "1000", "500", "Fibre provider (generated)", "true", "true"])
            }
        }
        return rows
    }

    // MARK: Sites

    func sites(_ random: inout RandomSource) -> [Feature] {
        let operators = ["operator-a", "operator-b", "operator-c"]
        let weights = inputs.cells.map { 0.25 * $0.areaKm2 + $0.population / 4500 }
        var features: [Feature] = []
        for k in 0..<siteCount {
            let cell = inputs.cells[CityInputs.pick(weights, &random)]
            var c = cell.box.center
            for _ in 0..<50 {
                let p = Coordinate(
                    random.uniform(cell.box.minX, cell.box.maxX), random.uniform(cell.box.minY, cell.box.maxY))
                if Ring.contains(cell.polygon.exterior, p) {
                    c = p
                    break
                }
            }
            let density = cell.population / max(cell.areaKm2, 0.01)
            let height =
                density > 4000
                ? random.uniform(20, 30) : density > 800 ? random.uniform(25, 38) : random.uniform(35, 50)
            let tilt = density > 800 ? random.uniform(5, 8) : random.uniform(2, 4)
            let first = random.uniform(0, 120).rounded()
            // tech, MHz, bandwidth, tx, eirp, gain, layers
            var carriers: [(String, Double, Double, Double?, Double?, Double, Int)] = [
                ("lte", 800, 10, 43, nil, 15, 2), ("lte", 1800, 20, 46, nil, 17, 2),
            ]
            if fiveCarriers {
                carriers += [
                    ("lte", 2100, 10, 43, nil, 17, 2), ("lte", 2600, 20, 46, nil, 17, 2),
                    ("nr", 3600, 90, nil, 72, 24, 4),
                ]
            } else {
                if random.chance(0.5) { carriers.append(("lte", 2100, 10, 43, nil, 17, 2)) }
                if density > 800 && random.chance(0.7) { carriers.append(("lte", 2600, 20, 46, nil, 17, 2)) }
                if (density > 2500 && random.chance(0.4)) || (density > 800 && random.chance(0.15)) {
                    carriers.append(("nr", 3600, 90, nil, 72, 24, 4))
                }
                if random.chance(0.1) { carriers.append(("hsdpa", 2100, 5, 43, nil, 17, 1)) }
            }
            var sectors: [JSONValue] = []
            for (s, az) in [first, first + 120, first + 240].enumerated() {
                for (t, f, bw, tx, eirp, gain, layers) in carriers {
                    var o = JSONObject([
                        ("sector_id", .string("S\(k + 1)-\(s + 1)-\(t)\(Int(f))")),
                        ("azimuth_deg", .number(az.truncatingRemainder(dividingBy: 360))),
                        ("tilt_deg", .number((tilt * 10).rounded() / 10)), ("beamwidth_deg", .number(65)),
                        ("technology", .string(t)), ("frequency_mhz", .number(f)), ("bandwidth_mhz", .number(bw)),
                    ])
                    if let eirp { o["eirp_dbm"] = .number(eirp) } else { o["tx_power_dbm"] = .number(tx!) }
                    o["antenna_gain_dbi"] = .number(gain)
                    o["layers"] = .number(Double(layers))
                    sectors.append(.object(o))
                }
            }
            features.append(
                Feature(
                    index: k, geometry: .point(c),
                    properties: JSONObject([
                        ("id", .string("S\(k + 1)")), ("operator", .string(operators[k % 3])),
                        ("height_m", .number((height * 10).rounded() / 10)), ("generated", .bool(true)),
                        ("sectors", .array(sectors)),
                    ])))
        }
        return features
    }

    // MARK: WLAN

    /// About 40 city buildings (public buildings nearest the centre) and 30 schools get WLAN islands.
    func wlan(_ plans: [Plan], _ random: inout RandomSource) -> (city: [Feature], schools: [Feature]) {
        let center =
            inputs.cells.max { ($0.population, $1.id) < ($1.population, $0.id) }?.box.center ?? Coordinate(0, 0)
        let city = plans.filter { $0.use == "public" }.sorted {
            ($0.center.distance(to: center), $0.id) < ($1.center.distance(to: center), $1.id)
        }.prefix(40)
        var schools = plans.filter { $0.use == "school" }
        schools.shuffle(using: &random)
        var features: [Feature] = []
        func add(_ p: Plan, island: String, isPublic: Bool, backhaul: Double) {
            let box = BoundingBox(covering: p.polygon.exterior)!
            let count = min(10, max(2, Int(box.width * box.height / 400)))
            for k in 0..<count {
                var c = p.center
                for _ in 0..<30 {
                    let q = Coordinate(random.uniform(box.minX, box.maxX), random.uniform(box.minY, box.maxY))
                    if Ring.contains(p.polygon.exterior, q) {
                        c = q
                        break
                    }
                }
                let standard = random.chance(0.6) ? "ac" : "ax"
                let outdoor = isPublic && k == 0
                features.append(
                    Feature(
                        index: features.count, geometry: .point(c),
                        properties: JSONObject([
                            ("id", .string("\(p.id)-ap\(k + 1)")), ("island", .string(island)),
                            ("building_id", .string(p.id)), ("standard", .string(standard)),
                            ("band_ghz", .number(random.chance(0.2) ? 2.4 : 5)), ("indoor", .bool(!outdoor)),
                            ("public", .bool(isPublic)), ("backhaul_mbps", .number(backhaul)),
                            ("generated", .bool(true)),
                        ])))
            }
        }
        for p in city {
            add(
                p, island: "City WLAN \(p.id)", isPublic: random.chance(0.7),
                backhaul: [200, 500, 1000][random.integer(0...2)])
        }
        let cityFeatures = features
        features = []
        for p in schools.prefix(30) {
            add(p, island: p.name ?? p.id, isPublic: false, backhaul: [50, 100, 250][random.integer(0...2)])
        }
        return (cityFeatures, features)
    }

    // MARK: Districts

    func districts(_ plans: [Plan]) throws -> [Feature] {
        let tree = STRtree(boxes: inputs.districts.map { $0.geometry.boundingBox! })
        let prepared = try inputs.districts.map { try PreparedGeometry($0.geometry) }
        var population = [Double](repeating: 0, count: inputs.districts.count)
        var households = [Double](repeating: 0, count: inputs.districts.count)
        for p in plans {
            for d in tree.query(BoundingBox(minX: p.center.x, minY: p.center.y, maxX: p.center.x, maxY: p.center.y))
            where try prepared[d].covers(p.center) {
                population[d] += p.residents
                households[d] += Double(p.households)
                break
            }
        }
        return inputs.districts.enumerated().map { i, d in
            Feature(
                index: i, geometry: d.geometry,
                properties: JSONObject([
                    ("id", .string(d.id)), ("name", .string(d.name)), ("population", .number(population[i].rounded())),
                    ("households", .number(households[i])),
                    ("generated", .string("population and households summed from the generated buildings")),
                ]))
        }
    }
}
