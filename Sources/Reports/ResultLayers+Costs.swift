import GeoCore
import Planning
import Radio

extension ResultLayers {
    /// The cost fields of a building: its project area, capex, route share and drop, and whether the
    /// trench is the estimate.
    static let costFields: [GeoPackageField] = [
        .init("project_area", .text), .init("capex_eur", .real), .init("route_m", .real), .init("drop_m", .real),
        .init("cost_estimated", .boolean),
    ]

    /// The cost totals of an area or district.
    static let totalFields: [GeoPackageField] = [
        .init("priced_buildings", .integer), .init("homes", .integer), .init("route_m", .real),
        .init("capex_eur", .real), .init("capex_eur_per_home", .real), .init("estimated_buildings", .integer),
    ]

    /// Per building index, the index of its project area, −1 for none (an array: every row of the buildings
    /// layer looks its building up).
    static func projectAreaIndex(_ r: RunResult) -> [Int32] {
        var index = [Int32](repeating: -1, count: r.buildings.count)
        for (k, p) in r.projectAreas.enumerated() { for m in p.members { index[m] = Int32(k) } }
        return index
    }

    static func addressValues(_ a: PostalAddress?, _ category: AddressCategory, into o: inout RowBuilder) {
        o["street"] = a?.street
        o["house_number"] = a.map { $0.houseNumber + $0.suffix }
        o["postcode"] = a?.postcode
        o["town"] = a?.town
        o["ags"] = a?.ags
        o["address_category"] = category.rawValue
    }

    static func costValues(_ c: BuildingCost?, projectArea: String?, into o: inout RowBuilder) {
        o["project_area"] = projectArea
        o["capex_eur"] = rounded(c?.capex)
        o["route_m"] = rounded(c?.routeM, 10)
        o["drop_m"] = rounded(c?.dropM, 10)
        o["cost_estimated"] = c?.estimated
    }

    static func totals(_ c: CostTotals, into o: inout JSONObject) {
        o["priced_buildings"] = .number(Double(c.buildings))
        o["homes"] = .number(Double(c.homes))
        o["route_m"] = number(c.routeM, 1)
        o["capex_eur"] = number(c.capex, 1)
        o["capex_eur_per_home"] = number(c.costPerHome, 1)
        o["estimated_buildings"] = .number(Double(c.estimatedBuildings))
    }

    /// The fields of a project area: name, counts, costs, gap and split.
    static let projectAreaFields: [GeoPackageField] =
        [.init("id", .text), .init("name", .text), .init("underserved_areas", .integer)] + totalFields + [
            .init("gap_eur", .real), .init("federal_eur", .real), .init("state_eur", .real),
            .init("municipal_eur", .real),
        ]

    static func projectAreaValues(_ p: ProjectArea) -> JSONObject {
        var o = JSONObject([
            ("id", .string(p.id)), ("name", .string(p.name)), ("underserved_areas", .number(Double(p.areas.count))),
        ])
        totals(p.cost, into: &o)
        o["gap_eur"] = number(p.gap.gap, 1)
        o["federal_eur"] = number(p.gap.federal, 1)
        o["state_eur"] = number(p.gap.state, 1)
        o["municipal_eur"] = number(p.gap.municipal, 1)
        return o
    }

    /// The fields of an address of the application's address list.
    static let addressFields: [GeoPackageField] = [
        .init("project_area", .text), .init("building_id", .text), .init("street", .text), .init("house_number", .text),
        .init("postcode", .text), .init("town", .text), .init("ags", .text), .init("category", .text),
        .init("homes", .integer), .init("programme", .text), .init("eligible", .boolean), .init("reason", .text),
        .init("down_mbps_today", .real), .init("up_mbps_today", .real), .init("technology_today", .text),
        .init("planned", .text), .init("capex_eur", .real), .init("generated", .boolean),
    ]

    static let addressNames = addressFields.map(\.name)

    /// One address of the list: the building's address at its anchor point, its verdict under the area
    /// programme, its rate today and what is planned; values in the order of `addressFields`.
    static func addressRow(_ r: RunResult, building i: Int, projectArea: String) -> OutputRow {
        // The building's result is read in place: a copy would retain and release each of its references.
        r.buildings.withUnsafeBufferPointer {
            addressRow(r, building: i, $0.baseAddress! + i, projectArea: projectArea)
        }
    }

    private static func addressRow(
        _ r: RunResult, building i: Int, _ b: UnsafePointer<BuildingResult>, projectArea: String
    ) -> OutputRow {
        let programme = r.settings.funding.areaProgramme
        let verdict = b.pointee.service.funding[programme]!
        let best = b.pointee.service.fixed.best
        let planned = b.pointee.service.fixed.planned.map {
            "\($0.technology.rawValue) \(NumberText.plain($0.downMbps))/\(NumberText.plain($0.upMbps))"
                + ($0.plannedDate.map { " \($0)" } ?? "")
        }.joined(separator: "; ")
        let a = b.pointee.building.address
        var o = RowBuilder(addressNames)
        o["project_area"] = projectArea
        o["building_id"] = b.pointee.building.id
        o["street"] = a?.street ?? ""
        o["house_number"] = a.map { $0.houseNumber + $0.suffix } ?? ""
        o["postcode"] = a?.postcode ?? ""
        o["town"] = a?.town ?? ""
        o["ags"] = a?.ags ?? ""
        o["category"] = AddressCategory.of(use: b.pointee.building.use, focusKind: b.pointee.focusKind).rawValue
        o["homes"] = Double(CostPlan.homes(b.pointee.building))
        o["programme"] = programme.rawValue
        o["eligible"] = verdict.eligible
        o["reason"] = verdict.reason.rawValue
        o["down_mbps_today"] = rounded(best?.downMbps ?? 0)
        o["up_mbps_today"] = rounded(best?.upMbps ?? 0)
        o["technology_today"] = best?.technology.rawValue ?? "none"
        o["planned"] = planned
        o["capex_eur"] = rounded(r.cost(ofBuilding: i)?.capex, 1)
        o["generated"] = b.pointee.building.attributes["generated"] == .bool(true)
        return OutputRow(geometry: b.pointee.building.geometry.anchor.map { .point($0) }, values: o.finish())
    }

    /// The fields of a planned trench piece.
    static let trenchFields: [GeoPackageField] = [
        .init("surface", .text), .init("length_m", .real), .init("homes", .integer), .init("estimated", .boolean),
    ]

    /// One trench piece as a line, values in the order of `trenchFields`.
    static func trenchRow(_ s: TrenchSegment) -> OutputRow {
        OutputRow(
            geometry: .lineString([s.from, s.to]),
            values: [.string(s.surface.rawValue), number(s.lengthM, 10), .number(Double(s.homes)), .bool(s.estimated)])
    }

    /// The layers of the cost plan: project areas, the planned trenches, and the address list. Trench and
    /// address rows are made when a writer asks for them.
    static func costLayers(_ r: RunResult) throws -> [OutputLayer] {
        let segments = r.costs?.segments ?? []
        let addresses = r.projectAreas.flatMap { p in p.members.map { (area: p.id, building: $0) } }
        return [
            OutputLayer(
                name: "project_areas", geometryType: "MULTIPOLYGON", fields: projectAreaFields,
                features: r.projectAreas.enumerated().map { k, p in
                    Feature(index: k, geometry: p.geometry, properties: projectAreaValues(p))
                }, description: "Project areas (Fördergebiete): costs, funding gap and split"),
            OutputLayer(
                name: "trenches", geometryType: "LINESTRING", fields: trenchFields, count: segments.count,
                description: "Planned trenches: along streets, or a rectilinear estimate where none leads"
            ) { trenchRow(segments[$0]) },
            OutputLayer(
                name: "addresses", geometryType: "POINT", fields: addressFields, count: addresses.count,
                description: "Address list of the project areas"
            ) { addressRow(r, building: addresses[$0].building, projectArea: addresses[$0].area) },
        ]
    }
}
