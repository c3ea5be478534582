import Foundation
import GeoCore
import Planning
import Radio

/// The self-contained HTML report of a run (no network needed: styles and SVG maps inline), for the
/// whole city or for one district or underserved area.
public enum HTMLReport {
    public enum Scope: Sendable {
        case city
        case district(Int)
        case area(Int)
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em \
        auto;max-width:1100px;color:#1b1f23;padding:0 1em}
        h1{margin-bottom:.2em}h2{border-bottom:2px solid #0b5394;padding-bottom:.2em;margin-top:2em}
        .generated{background:#fff3cd;border:2px solid #b58900;padding:.8em 1em;margin:1em 0;font-weight:600}
        .cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#eef3f8;border-radius:6px;padding:10px \
        14px;min-width:150px}
        .card b{display:block;font-size:1.5em}table{border-collapse:collapse;margin:.6em 0;font-size:.9em;width:100%}
        th,td{border:1px solid #ccd;padding:3px \
        6px;text-align:left}th{background:#e4eaf1}td.n{text-align:right;font-variant-numeric:tabular-nums}
        svg.map{width:100%;height:auto;border:1px solid #bbb;margin:.5em 0}.note{color:#555;font-size:.9em}
        @media print{body{max-width:none;margin:0;padding:0;font-size:10pt}
        svg.map,.cards,tr,.generated{break-inside:avoid}h2,h3{break-after:avoid}thead{display:table-header-group}}
        """

    /// The print page: A4, and on every page a header with the title, the date the data stands for and
    /// the version (a CSS margin box).
    static func printPage(_ header: String) -> String {
        let text = header.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "<", with: "\\3c ")
        return "@page{size:A4;margin:16mm 12mm 14mm 12mm;@top-center{content:\"\(text)\";font-size:8pt;color:#555}}"
    }

    static func n(_ v: Double, _ decimals: Int = 0) -> String { NumberFormat.grouped(v, decimals: decimals) }

    /// The report of a run, or of one district or underserved area of it.
    public static func render(_ r: RunResult, scope: Scope = .city) throws -> String {
        let scenario = r.scenario
        let districtOutlines = r.districts.compactMap(\.geometry)
        // What the scope holds: its title, map extent, counts, buildings and schools.
        var title = scenario.name
        var box: BoundingBox
        var inScopeBuilding: (Int) -> Bool = { _ in true }
        var inScopeSchool: (SchoolReport) -> Bool = { _ in true }
        var summary = r.city
        switch scope {
        case .city:
            // The districts, else everything located; a run with nothing located draws an empty map.
            let located =
                districtOutlines.compactMap(\.boundingBox) + r.buildings.compactMap(\.building.geometry.boundingBox)
                + r.sites.map {
                    BoundingBox(minX: $0.location.x, minY: $0.location.y, maxX: $0.location.x, maxY: $0.location.y)
                }
            let boxes = districtOutlines.isEmpty ? located : districtOutlines.compactMap(\.boundingBox)
            box = boxes.dropFirst().reduce(boxes.first ?? BoundingBox(minX: 0, minY: 0, maxX: 1000, maxY: 1000)) {
                $0.union($1)
            }
        case .district(let d):
            title += " — \(r.districts[d].name)"
            box = r.districts[d].geometry!.boundingBox!
            summary = r.districts[d]
            inScopeBuilding = { r.buildings[$0].district == d }
            inScopeSchool = { $0.district == d }
        case .area(let a):
            let area = r.areas[a]
            title += " — underserved area \(area.id)"
            box = area.geometry.boundingBox!.expanded(by: 200)
            summary = area.summary
            let members = Set(area.members)
            inScopeBuilding = { members.contains($0) }
            inScopeSchool = { members.contains($0.building) }
        }
        box = box.expanded(by: max(max(box.width, box.height) * 0.03, max(0, 250 - max(box.width, box.height) / 2)))
        let inScope: (Geometry) -> Bool = { g in
            guard let gb = g.boundingBox else { return false }
            return gb.intersects(box)
        }

        var html =
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(title)) — "
            + "gigaplan</title><style>\(style)" + printPage("\(title) · Stand \(r.standDate) · \(RunHistory.version)")
            + "</style></head><body>"
        html +=
            "<h1>\(HTML.escape(title))</h1><p class=\"note\">\(HTML.escape(scenario.description ?? "")) · working CRS "
            + "\(scenario.workingCRS.identifier) · Stand (data as of) \(r.standDate) · \(RunHistory.version)</p>"
        let generated = r.generatedLayers
        if !generated.isEmpty {
            html +=
                "<div class=\"generated\" id=\"generated-data\">Generated data: the layers "
                + "\(HTML.escape(generated.joined(separator: ", "))) are generated demo data, plausible but not "
                + "real. Do not use these results for decisions or funding applications.</div>"
        }

        // Headline numbers.
        let area = r.settings.funding.areaProgramme
        html += "<h2>Headline numbers</h2><div class=\"cards\">"
        func card(_ value: String, _ label: String) {
            html += "<div class=\"card\"><b>\(HTML.escape(value))</b>\(HTML.escape(label))</div>"
        }
        card(n(Double(summary.all.buildings)), "buildings")
        card(n(summary.all.households), "households")
        card(n(summary.all.residents), "residents")
        card(n(Double(summary.eligible[area]?.buildings ?? 0)), "buildings eligible under \(area.rawValue)")
        card(n(summary.eligible[area]?.households ?? 0), "households eligible under \(area.rawValue)")
        if case .city = scope { card(n(Double(r.areas.count)), "underserved areas (\(area.rawValue))") }
        for c in summary.coverage { card("\(n(c.areaKm2, 1)) km²", "\(c.coverageClass.label) outdoors") }
        html += "</div>"

        // Maps.
        html += "<h2>Maps</h2>"
        var coverageMap = SVGMap(box: box)
        if let grid = r.grid {
            let extent = BoundingBox(
                minX: grid.origin.x, minY: grid.origin.y, maxX: grid.origin.x + Double(grid.columns) * grid.resolutionM,
                maxY: grid.origin.y + Double(grid.rows) * grid.resolutionM)
            coverageMap.addImage(
                png: CoverageTiles.image(grid), extent: extent,
                legend: CoverageLegend.legend.map { ("\($0.label), best outdoor", $0.colour) })
        }
        coverageMap.addPolygons(
            districtOutlines.filter(inScope), fill: "none", stroke: "#555", label: "districts", strokeWidth: 1)
        let palette = ["#9ecae1", "#31a354", "#fd8d3c", "#756bb1"]
        for (k, entry) in r.coveragePolygons.enumerated() where inScope(entry.1) {
            coverageMap.addPolygons(
                [entry.1], fill: "none", stroke: palette[k % palette.count],
                label: "\(entry.0.label) (outdoor), outline", strokeWidth: 2)
        }
        // The run's own report sits beside its csv/ folder; a district's or area's report does not.
        var outputs = "csv/"
        if case .city = scope {} else { outputs = "the outputs of gigaplan run \(scenario.name): csv/" }
        let streets = r.streets.map(\.geometry).filter(inScope)
        if !streets.isEmpty {
            coverageMap.addLines(
                streets, stroke: "#666", width: 0.5,
                label: "streets (WLAN street coverage in \(outputs)street_wlan_coverage.csv)")
        }
        coverageMap.addPolygons(
            r.islands.compactMap(\.outdoorCoverage).filter(inScope), fill: "#e7298a66", stroke: "#e7298a",
            label: "public WLAN coverage")
        coverageMap.addPoints(
            r.sites.map(\.location), radius: 2.2, fill: "#222", stroke: "#fff", label: "cell sites",
            titles: r.sites.map { "\($0.id) (\($0.operatorName ?? ""))" })
        coverageMap.addPoints(
            r.islands.compactMap { $0.accessPoints.first?.location }, radius: 3, fill: "#e7298a", stroke: "#fff",
            label: "WLAN islands", titles: r.islands.map(\.name))
        html +=
            "<h3>Coverage, sites and WLAN islands</h3>" + coverageMap.render(title: "Coverage, sites and WLAN islands")

        var areaMap = SVGMap(box: box)
        areaMap.addPolygons(
            districtOutlines.filter(inScope), fill: "#ffffff", stroke: "#555", label: "districts", strokeWidth: 1)
        let areaIndices = r.areas.indices.filter { inScope(r.areas[$0].geometry) }
        areaMap.addPolygons(
            areaIndices.map { r.areas[$0].geometry }, fill: "#d7301f88", stroke: "#b30000",
            label: "underserved areas (\(area.rawValue))",
            title: { k in
                let a = r.areas[areaIndices[k]]
                return "\(a.id): \(a.counts.buildings) buildings, \(a.dominantReason)"
            })
        areaMap.addPoints(
            r.schools.compactMap(\.location), radius: 3.5, fill: "#2b8cbe", stroke: "#fff", label: "schools",
            titles: r.schools.map(\.name))
        html += "<h3>Underserved areas and schools</h3>" + areaMap.render(title: "Underserved areas and schools")

        // Programmes.
        html += "<h2>Funding programmes</h2>"
        html += HTML.table(
            [
                "programme", "guideline (in force from)", "eligible buildings", "households", "residents", "businesses",
                "school buildings", "hospitals", "other focus points",
            ],
            FundingProgramme.allCases.map { p in
                let c = summary.eligible[p] ?? BuildingCounts()
                return [
                    p.rawValue, "\(p.source.title) (\(p.source.inForce))", n(Double(c.buildings)), n(c.households),
                    n(c.residents), n(Double(c.businesses)), n(Double(c.schools)), n(Double(c.hospitals)),
                    n(Double(c.otherFocusPoints)),
                ]
            }, numeric: Set(2...8))
        var reasonRows: [[String]] = []
        for p in FundingProgramme.allCases {
            var tally: [FundingReason: Int] = [:]
            for (i, b) in r.buildings.enumerated() where inScopeBuilding(i) {
                tally[b.service.funding[p]!.reason, default: 0] += 1
            }
            for (reason, count) in tally.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                reasonRows.append([
                    p.rawValue, reason.rawValue, reason.eligible ? "yes" : "no", reason.labelEN(r.settings.funding),
                    n(Double(count)),
                ])
            }
        }
        html +=
            "<h3>Reasons</h3>"
            + HTML.table(["programme", "reason", "eligible", "meaning", "buildings"], reasonRows, numeric: [4])
        let funding = r.settings.funding
        let reliable =
            (funding.mobileCountsAsReliable ? ", plus indoor mobile service" : "")
            + (funding.wlanCountsAsReliable ? ", plus WLAN islands" : "")
        let gigabit = "\(NumberText.plain(funding.gigabitMbps))/\(NumberText.plain(funding.gigabitUpMbps))"
        let due = funding.surveyDate.map { " and are due by \($0.adding(years: funding.planningHorizonYears))" } ?? ""
        html +=
            "<p class=\"note\">Only fixed lines count as reliable\(reliable). Focus points (schools, hospitals, "
            + "authorities, business parks, transport hubs, farms) are eligible under the 2021, 2023 and 2024 rules "
            + "while they have no gigabit connection (\(gigabit) Mbit/s) and none is planned; the 2015 framework "
            + "treats them like every other building. Planned networks count when they meet the programme's own "
            + "bar\(due). The rules and their sources: docs/funding-rules.md.</p>"

        // Districts.
        if case .city = scope, !r.districts.isEmpty {
            html += "<h2>Districts</h2>"
            html += HTML.table(
                [
                    "district", "buildings", "households", "residents", "eligible buildings (\(area.rawValue))",
                    "eligible households", "eligible schools",
                ] + r.city.coverage.map { "\($0.coverageClass.label) km²" },
                r.districts.map { d in
                    [
                        d.name, n(Double(d.all.buildings)), n(d.all.households), n(d.all.residents),
                        n(Double(d.eligible[area]?.buildings ?? 0)), n(d.eligible[area]?.households ?? 0),
                        n(Double(d.eligible[area]?.schools ?? 0)),
                    ] + d.coverage.map { n($0.areaKm2, 2) }
                } + [
                    [
                        "City", n(Double(r.city.all.buildings)), n(r.city.all.households), n(r.city.all.residents),
                        n(Double(r.city.eligible[area]?.buildings ?? 0)), n(r.city.eligible[area]?.households ?? 0),
                        n(Double(r.city.eligible[area]?.schools ?? 0)),
                    ] + r.city.coverage.map { n($0.areaKm2, 2) }
                ], numeric: Set(1...(6 + r.city.coverage.count)))
        }

        // Schools.
        let schoolRows = r.schools.enumerated().filter { inScopeSchool($0.element) }
        html += "<h2>Schools</h2>"
        html += HTML.table(
            [
                "school", "connection", "down Mbit/s", "classes", "Mbit/s per class", "≥ 30 per class", "WLAN island",
                "best mobile (indoor, peak)", "busy hour", "eligible under",
            ],
            schoolRows.map { _, s in
                [
                    s.name, s.connection?.technology.rawValue.uppercased() ?? "none", n(s.connection?.downMbps ?? 0),
                    s.classes.map { String($0) } ?? "–", s.mbpsPerClass.map { n($0, 1) } ?? "–",
                    s.meetsClassRule.map { $0 ? "yes" : "no" } ?? "–", s.wlanIsland ?? "no",
                    s.bestMobile.map { "\($0.0.technology.displayName) \(n($0.1.downlinkMbps)) Mbit/s" } ?? "none",
                    s.bestMobileLoadedMbps.map { "\(n($0)) Mbit/s" } ?? "–",
                    s.eligibleUnder.map(\.rawValue).joined(separator: ", "),
                ]
            }, numeric: [2, 3, 4])
        html +=
            "<p class=\"note\">Old rule: 30 Mbit/s per class; classes from the schools layer, or one per 23 pupils. "
            + "Mobile rates: the peak is what one user alone in the cell gets (truncated Shannon at the SINR); "
            + "the busy-hour rate shares the serving sector with its other active users: the homes it serves, "
            + "split evenly over the operators, \(n(r.settings.busyHourActivity * 100)) % of them active at once, "
            + "each getting an equal share of the time (proportional fair, without its diversity gain).</p>"

        // Areas.
        let listed = areaIndices.sorted { r.areas[$0].counts.buildings > r.areas[$1].counts.buildings }.prefix(100)
        html += "<h2>Underserved areas (\(area.rawValue))</h2>"
        html += HTML.table(
            [
                "area", "district", "buildings", "households", "residents", "businesses", "schools", "hospitals",
                "dominant reason",
            ],
            listed.map { k in
                let a = r.areas[k]
                return [
                    a.id, a.district ?? "", n(Double(a.counts.buildings)), n(a.counts.households),
                    n(a.counts.residents), n(Double(a.counts.businesses)), n(Double(a.counts.schools)),
                    n(Double(a.counts.hospitals)), a.dominantReason,
                ]
            }, numeric: Set(2...7))
        if areaIndices.count > listed.count {
            html +=
                "<p class=\"note\">The \(listed.count) largest of \(areaIndices.count) areas; all are in "
                + "\(HTML.escape(outputs))underserved_areas.csv and the GeoPackage.</p>"
        }

        // Download times.
        html += "<h2>Download times</h2>" + downloadTable()

        // Sources.
        html += "<h2>Data sources</h2><ul>"
        for input in r.sources {
            let mark = input.generated ? " — <b>generated, not real</b>" : ""
            let source = [input.attribution, input.licence.map { "licence: \($0)" }].compactMap { $0 }.joined(
                separator: ", ")
            let attribution =
                source.isEmpty
                ? "<i>no attribution given</i> (add attribution: to the input in the scenario, or a .source.json "
                    + "sidecar)" : HTML.escape(source)
            html += "<li>\(input.layer.rawValue): \(HTML.escape(input.fileName))\(mark) — \(attribution)</li>"
        }
        let outside = r.network.extrapolated.count
        let los =
            r.losMethod == .footprints
            ? "from building footprints up to \(NumberText.plain(r.settings.losTraceDistanceM)) m, "
                + "by probability beyond" : "by probability"
        html +=
            "</ul><p class=\"note\">Radio models: 3GPP TR 38.901 path loss (LOS \(los)), ITU-R P.2109 entry loss, "
            + "TR 36.942 truncated Shannon throughput; see docs/radio-models.md. "
        let limits = Set(r.network.extrapolated.values.flatMap { $0.map(RunSummary.limitKind) }).sorted()
        html +=
            outside == 0
            ? "Every site lies inside the TR 38.901 validity range of its scenario.</p>"
            : "\(outside) of \(r.sites.count) sites lie outside the TR 38.901 validity range of their scenario "
                + "(\(HTML.escape(limits.joined(separator: "; ")))); their path loss is extrapolated "
                + "(summary.json lists the limits).</p>"
        return html + "</body></html>\n"
    }

    /// The download-time table in the report's language.
    static func downloadTable() -> String {
        let cells = DownloadTimeText.cells(DownloadTimeTable(), locale: .en)
        return HTML.table(cells.header, cells.rows, numeric: Set(1..<cells.header.count))
    }
}
