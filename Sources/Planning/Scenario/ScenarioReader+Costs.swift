import GeoCore
import Radio

extension ScenarioReader {
    /// The catalogue's keys (`costs:`), in €/m or € as docs/costs.md lists them.
    static var catalogueKeys: [(String, WritableKeyPath<CostCatalogue, Double>)] {
        [
            ("duct_and_cable_eur_per_m", \.ductAndCablePerM), ("house_connection_eur", \.houseConnectionPerBuilding),
            ("house_connection_extra_home_eur", \.houseConnectionPerExtraHome),
            ("house_connection_included_m", \.houseConnectionIncludedM),
            ("in_house_cabling_eur_per_home", \.inHouseCablingPerHome),
            ("active_equipment_eur_per_home", \.activeEquipmentPerHome), ("new_mobile_site_eur", \.newMobileSite),
            ("upgraded_mobile_site_eur", \.upgradedMobileSite), ("wlan_access_point_eur", \.wlanAccessPoint),
        ]
    }

    static var gapKeys: [(String, WritableKeyPath<FundingGapModel, Double>, ClosedRange<Double>)] {
        [
            ("discount_rate", \.discountRate, 0...0.5), ("take_up", \.takeUp, 0...1),
            ("arpu_eur_per_month", \.arpuPerMonth, 0...10_000),
            ("opex_eur_per_home_year", \.opexPerHomeYear, 0...100_000),
            ("opex_share_of_capex", \.opexShareOfCapex, 0...1), ("federal_share", \.federalShare, 0...1),
            ("state_share", \.stateShare, 0...1), ("municipal_share", \.municipalShare, 0...1),
        ]
    }

    /// Reads `costs:`: catalogue values, `civil_works_eur_per_m` per surface, `pop` (points of presence as
    /// lon/lat or x/y in the working CRS), `max_street_distance_m`, `default_surface`, `laying_method` and `gap`.
    static func readCosts(_ v: YAMLValue, into c: inout CostSettings, workingCRS: CRS) throws {
        let m = try v.mapping(
            allowed: catalogueKeys.map(\.0) + [
                "civil_works_eur_per_m", "pop", "network_start", "max_street_distance_m", "default_surface",
                "laying_method", "gap",
            ])
        for (key, path) in catalogueKeys {
            if let x = m[key] { c.catalogue[keyPath: path] = try x.double(in: 0...100_000_000) }
        }
        if let x = m["civil_works_eur_per_m"] {
            for (key, value) in try x.mapping(allowed: Surface.allCases.map(\.rawValue)) {
                c.catalogue.civilWorksPerM[Surface(rawValue: key)!] = try value.double(in: 0...100_000)
            }
        }
        if let x = m["max_street_distance_m"] { c.maximumStreetDistanceM = try x.double(in: 0...5000) }
        if let x = m["network_start"] { c.networkStart = try x.choice(CostSettings.NetworkStart.self) }
        if let x = m["default_surface"] { c.defaultSurface = try x.choice(Surface.self) }
        if let x = m["laying_method"] { c.layingMethod = try x.choice(Surface.self) }
        if let x = m["pop"] {
            let projector = Projector()
            c.pointsOfPresence = try x.list().map { item in
                let p = try item.mapping(allowed: ["lon", "lat", "x", "y"])
                if let lon = p["lon"], let lat = p["lat"] {
                    let point = Coordinate(try lon.double(in: -180...180), try lat.double(in: -90...90))
                    return try projector.transform(.point(point), from: .wgs84, to: workingCRS).anchor!
                }
                guard let x = p["x"], let y = p["y"] else { throw item.error("a PoP needs lon/lat (WGS84) or x/y") }
                return Coordinate(try x.double(), try y.double())
            }
        }
        if c.networkStart == .pop && c.pointsOfPresence.isEmpty {
            throw (m["network_start"] ?? v).error("network_start: pop needs at least one point of presence under pop")
        }
        if let x = m["gap"] {
            let g = try x.mapping(allowed: gapKeys.map(\.0) + ["years"])
            if let y = g["years"] { c.gapModel.years = try y.int(in: 1...30) }
            for (key, path, range) in gapKeys {
                if let y = g[key] { c.gapModel[keyPath: path] = try y.double(in: range) }
            }
            let sum = c.gapModel.federalShare + c.gapModel.stateShare + c.gapModel.municipalShare
            if abs(sum - 1) > 1e-9 {
                throw x.error(
                    "federal_share + state_share + municipal_share must be 1 (they are \(NumberText.plain(sum)))")
            }
        }
    }

    /// Reads `funding.project_areas`: `by` (district, layer, cluster), `max_cost_per_home_eur`,
    /// `merge_distance_m`.
    static func readProjectAreas(_ v: YAMLValue, into p: inout ProjectAreaSettings) throws {
        let m = try v.mapping(allowed: ["by", "max_cost_per_home_eur", "merge_distance_m"])
        if let x = m["by"] { p.grouping = try x.choice(ProjectAreaSettings.Grouping.self) }
        if let x = m["max_cost_per_home_eur"] { p.maximumCostPerHome = try x.double(in: 0...10_000_000) }
        if let x = m["merge_distance_m"] { p.mergeDistanceM = try x.double(in: 0...100_000) }
    }
}
