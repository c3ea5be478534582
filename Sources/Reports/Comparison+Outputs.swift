import Foundation
import GeoCore
import Planning
import Radio

extension Comparison {
    /// The changed buildings as a layer (GeoPackage and GeoJSON): what changed, how the verdict under the
    /// area programme moved, the best rate before and after.
    func layer() -> OutputLayer {
        let geometries = changes.compactMap(\.geometry)
        return OutputLayer(
            name: "changed_buildings", geometryType: OutputLayer.declaredType(geometries),
            fields: [
                .init("id", .text), .init("aspects", .text), .init("kind", .text), .init("before", .text),
                .init("after", .text), .init("eligible_before", .boolean), .init("eligible_after", .boolean),
                .init("best_mbps_before", .real), .init("best_mbps_after", .real),
            ],
            features: changes.enumerated().map { k, c in
                Feature(
                    index: k, geometry: c.geometry.map(OutputLayer.multi),
                    properties: JSONObject([
                        ("id", .string(c.id)), ("aspects", .string(c.aspects.joined(separator: " "))),
                        ("kind", .string(c.kind)), ("before", .string(c.before)), ("after", .string(c.after)),
                        ("eligible_before", c.eligibleBefore.map { .bool($0) } ?? .null),
                        ("eligible_after", c.eligibleAfter.map { .bool($0) } ?? .null),
                        ("best_mbps_before", ResultLayers.number(c.bestMbpsBefore)),
                        ("best_mbps_after", ResultLayers.number(c.bestMbpsAfter)),
                    ]))
            }, description: "Buildings whose service or funding verdict changed (\(programme.rawValue))")
    }

    /// The comparison as JSON: counts per aspect and kind, coverage, districts and costs before and after.
    public func json(nameA: String, nameB: String) -> JSONValue {
        var aspects: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        for c in changes {
            for a in c.aspects { aspects[a, default: 0] += 1 }
            kinds[c.kind, default: 0] += 1
        }
        let coverage: [JSONValue] = classes.indices.map { k in
            .object(
                JSONObject([
                    ("class", .string(classes[k].name)),
                    ("km2_before", ResultLayers.number(cityCoverageBefore[k].areaKm2, 1000)),
                    ("km2_after", ResultLayers.number(cityCoverageAfter[k].areaKm2, 1000)),
                    ("residents_before", ResultLayers.number(cityCoverageBefore[k].residents, 1)),
                    ("residents_after", ResultLayers.number(cityCoverageAfter[k].residents, 1)),
                ]))
        }
        let districts: [JSONValue] = self.districts.map { d in
            .object(
                JSONObject(
                    [("name", .string(d.name))]
                        + FundingProgramme.allCases.map { p in
                            (
                                p.rawValue,
                                .object(
                                    JSONObject([
                                        ("before", .number(Double(d.eligibleBefore[p]!))),
                                        ("after", .number(Double(d.eligibleAfter[p]!))),
                                    ]))
                            )
                        }))
        }
        return .object(
            JSONObject([
                ("before", .string(nameA)), ("after", .string(nameB)), ("programme", .string(programme.rawValue)),
                ("changed_buildings", .number(Double(changes.count))),
                (
                    "by_aspect",
                    .object(JSONObject(aspects.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) }))
                ),
                (
                    "by_kind",
                    .object(JSONObject(kinds.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) }))
                ), ("coverage", .array(coverage)), ("districts", .array(districts)),
                (
                    "costs_eur",
                    .object(
                        JSONObject([
                            ("before", ResultLayers.number(capexBefore, 1)),
                            ("after", ResultLayers.number(capexAfter, 1)),
                        ]))
                ),
            ]))
    }

    /// A page: the numbers, a map of the changed buildings coloured by kind, the districts and the changes.
    func html(nameA: String, nameB: String, districtOutlines: [Geometry]) -> String {
        let title = HTML.escape("\(nameA) → \(nameB)")
        var page =
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(title)</title>"
            + "<style>\(HTMLReport.style)</style></head><body><h1>\(title)</h1>"
        page += "<pre>\(HTML.escape(text(nameA: nameA, nameB: nameB)))</pre>"
        let boxes = (districtOutlines + changes.compactMap(\.geometry)).compactMap(\.boundingBox)
        if let first = boxes.first {
            let box = boxes.dropFirst().reduce(first) { $0.union($1) }
            var map = SVGMap(box: box.expanded(by: max(100, max(box.width, box.height) * 0.03)))
            map.addPolygons(districtOutlines, fill: "none", stroke: "#555", label: "districts", strokeWidth: 1)
            for (kind, colour) in [
                ("newly eligible", "#d7301f"), ("no longer eligible", "#1a9641"), ("service", "#2b8cbe"),
            ] {
                let points = changes.filter { $0.kind == kind }.compactMap { $0.geometry?.anchor }
                map.addPoints(points, radius: 2.5, fill: colour, stroke: "#fff", label: "\(kind) (\(points.count))")
            }
            page += "<h2>Changed buildings</h2>" + map.render(title: "changed buildings")
        }
        page += "<h2>Eligible buildings per district</h2>"
        page += HTML.table(
            ["district"] + FundingProgramme.allCases.map { "\($0.rawValue) before → after" },
            districts.map { d in
                [d.name] + FundingProgramme.allCases.map { "\(d.eligibleBefore[$0]!) → \(d.eligibleAfter[$0]!)" }
            })
        page += "<h2>Changes</h2>"
        page += HTML.table(
            ["building", "kind", "before", "after"], changes.prefix(1000).map { [$0.id, $0.kind, $0.before, $0.after] })
        if changes.count > 1000 {
            page += "<p class=\"note\">The first 1000 of \(changes.count); all are in changed_buildings.csv.</p>"
        }
        return page + "</body></html>\n"
    }

    /// Writes the tables, the layer (GeoPackage and GeoJSON), the page and the JSON into `root`.
    public func write(root: String, nameA: String, nameB: String, districtOutlines: [Geometry]) throws {
        try AtomicFile.write(changesCSV(), to: root + "/changed_buildings.csv")
        try AtomicFile.write(districtsCSV(), to: root + "/districts.csv")
        let layer = layer()
        let writer = try GeoPackageWriter(path: root + "/comparison.gpkg")
        try writer.addLayer(
            layer.name, geometryType: layer.geometryType, crs: workingCRS, fields: layer.fields,
            description: layer.description)
        for i in 0..<layer.count {
            let row = layer.row(i)
            try writer.insert(into: layer.name, geometry: row.geometry, values: row.values)
        }
        try writer.finish()
        let projector = Projector()
        let features = try (0..<layer.count).map { i in
            let row = layer.row(i)
            var properties = JSONObject()
            for (f, value) in zip(layer.fields, row.values.jsonValues) { properties[f.name] = value }
            return Feature(
                index: i, geometry: try row.geometry.map { try projector.transform($0, from: workingCRS, to: .wgs84) },
                properties: properties)
        }
        try AtomicFile.write(
            GeoJSONWriter(decimals: 7).document(features: features), to: root + "/changed_buildings.geojson")
        try AtomicFile.write(
            html(nameA: nameA, nameB: nameB, districtOutlines: districtOutlines), to: root + "/comparison.html")
        try AtomicFile.write(
            JSONWriter.serialize(json(nameA: nameA, nameB: nameB), pretty: true) + "\n", to: root + "/comparison.json")
    }
}
