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
    /// - Parameter locale: the language and number format of the page (German: decimal comma, German labels).
    public static func render(_ r: RunResult, scope: Scope = .city, locale: ReportLocale = .en) throws -> String {
        let scenario = r.scenario
        func t(_ en: String, _ de: String) -> String { locale == .de ? de : en }
        func n(_ v: Double, _ decimals: Int = 0) -> String {
            NumberFormat.grouped(v, decimals: decimals, locale: locale)
        }
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
            var boxes = districtOutlines.compactMap(\.boundingBox)
            if districtOutlines.isEmpty {
                // Read in place: a key path through a building's result copies the whole result.
                r.buildings.withUnsafeBufferPointer { buildings in
                    for i in buildings.indices {
                        if let b = buildings[i].building.geometry.boundingBox { boxes.append(b) }
                    }
                }
                boxes += r.sites.map {
                    BoundingBox(minX: $0.location.x, minY: $0.location.y, maxX: $0.location.x, maxY: $0.location.y)
                }
            }
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
            title += t(" — underserved area ", " — unterversorgtes Gebiet ") + area.id
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
            "<!DOCTYPE html><html lang=\"\(locale.rawValue)\"><head><meta charset=\"utf-8\">"
            + "<title>\(HTML.escape(title)) — " + "gigaplan</title><style>\(style)"
            + printPage("\(title) · Stand \(r.standDate) · \(RunHistory.version)") + "</style></head><body>"
        html +=
            "<h1>\(HTML.escape(title))</h1><p class=\"note\">\(HTML.escape(scenario.description ?? "")) · "
            + t("working CRS ", "Koordinatensystem ") + "\(scenario.workingCRS.identifier) · "
            + t("Stand (data as of) ", "Stand ") + "\(r.standDate) · \(RunHistory.version)</p>"
        let generated = r.generatedLayers
        if !generated.isEmpty {
            html +=
                "<div class=\"generated\" id=\"generated-data\">"
                + t("Generated data: the layers ", "Generierte Daten: die Layer ")
                + HTML.escape(generated.joined(separator: ", "))
                + t(
                    " are generated demo data, plausible but not real. Do not use these results for decisions or "
                        + "funding applications.",
                    " sind generierte Demodaten, plausibel, aber nicht real. Nicht für Entscheidungen oder "
                        + "Förderanträge verwenden.") + "</div>"
        }
        if r.lacksFixedLineData {
            html +=
                "<div class=\"generated\" id=\"no-fixed-line-data\">" + noFixedLineData(locale)
                + t(
                    " Add the market survey (inputs: fixed) before using these verdicts.",
                    " Vor der Nutzung dieser Ergebnisse die Markterkundung (inputs: fixed) ergänzen.") + "</div>"
        }

        // Headline numbers.
        let area = r.settings.funding.areaProgramme
        html += "<h2>\(t("Headline numbers", "Kennzahlen"))</h2><div class=\"cards\">"
        func card(_ value: String, _ label: String) {
            html += "<div class=\"card\"><b>\(HTML.escape(value))</b>\(HTML.escape(label))</div>"
        }
        card(n(Double(summary.all.buildings)), t("buildings", "Gebäude"))
        card(n(summary.all.households), t("households", "Haushalte"))
        card(n(summary.all.residents), t("residents", "Einwohner"))
        card(
            n(Double(summary.eligible[area]?.buildings ?? 0)),
            t("buildings eligible under ", "förderfähige Gebäude nach ") + area.rawValue)
        card(
            n(summary.eligible[area]?.households ?? 0),
            t("households eligible under ", "förderfähige Haushalte nach ") + area.rawValue)
        if case .city = scope {
            card(n(Double(r.areas.count)), t("underserved areas", "unterversorgte Gebiete") + " (\(area.rawValue))")
        }
        if let c = summary.cost.costPerHome, summary.cost.homes > 0 {
            card(n(summary.cost.capex) + " €", t("to connect them", "Investition für ihren Anschluss"))
            card(n(c) + " €", t("per home", "je Einheit"))
        }
        for c in summary.coverage {
            card("\(n(c.areaKm2, 1)) km²", "\(c.coverageClass.label) " + t("outdoors", "im Freien"))
        }
        html += "</div>"

        // Maps.
        html += "<h2>\(t("Maps", "Karten"))</h2>"
        var coverageMap = SVGMap(box: box)
        if let grid = r.grid {
            let extent = BoundingBox(
                minX: grid.origin.x, minY: grid.origin.y, maxX: grid.origin.x + Double(grid.columns) * grid.resolutionM,
                maxY: grid.origin.y + Double(grid.rows) * grid.resolutionM)
            coverageMap.addImage(
                png: CoverageTiles.image(grid), extent: extent,
                legend: CoverageLegend.legend(locale).map {
                    ("\($0.label), " + t("best outdoor", "bester Wert im Freien"), $0.colour)
                })
        }
        coverageMap.addPolygons(
            districtOutlines.filter(inScope), fill: "none", stroke: "#555", label: t("districts", "Bezirke"),
            strokeWidth: 1)
        let palette = ["#9ecae1", "#31a354", "#fd8d3c", "#756bb1"]
        for (k, entry) in r.coveragePolygons.enumerated() where inScope(entry.1) {
            coverageMap.addPolygons(
                [entry.1], fill: "none", stroke: palette[k % palette.count],
                label: "\(entry.0.label) " + t("(outdoor), outline", "(im Freien), Umriss"), strokeWidth: 2)
        }
        // The run's own report sits beside its csv/ folder; a district's or area's report does not.
        var outputs = "csv/"
        if case .city = scope {
        } else {
            outputs = t("the outputs of gigaplan run ", "den Ergebnissen von gigaplan run ") + "\(scenario.name): csv/"
        }
        let streets = r.streets.map(\.geometry).filter(inScope)
        if !streets.isEmpty {
            coverageMap.addLines(
                streets, stroke: "#666", width: 0.5,
                label: t("streets (WLAN street coverage in ", "Straßen (WLAN-Versorgung der Straßen in ")
                    + "\(outputs)street_wlan_coverage.csv)")
        }
        coverageMap.addPolygons(
            r.islands.compactMap(\.outdoorCoverage).filter(inScope), fill: "#e7298a66", stroke: "#e7298a",
            label: t("public WLAN coverage", "öffentliches WLAN"))
        coverageMap.addPoints(
            r.sites.map(\.location), radius: 2.2, fill: "#222", stroke: "#fff",
            label: t("cell sites", "Mobilfunkstandorte"), titles: r.sites.map { "\($0.id) (\($0.operatorName ?? ""))" })
        coverageMap.addPoints(
            r.islands.compactMap { $0.accessPoints.first?.location }, radius: 3, fill: "#e7298a", stroke: "#fff",
            label: t("WLAN islands", "WLAN-Inseln"), titles: r.islands.map(\.name))
        let coverageTitle = t("Coverage, sites and WLAN islands", "Versorgung, Standorte und WLAN-Inseln")
        html += "<h3>\(coverageTitle)</h3>" + coverageMap.render(title: coverageTitle)

        var areaMap = SVGMap(box: box)
        areaMap.addPolygons(
            districtOutlines.filter(inScope), fill: "#ffffff", stroke: "#555", label: t("districts", "Bezirke"),
            strokeWidth: 1)
        let areaIndices = r.areas.indices.filter { inScope(r.areas[$0].geometry) }
        areaMap.addPolygons(
            areaIndices.map { r.areas[$0].geometry }, fill: "#d7301f88", stroke: "#b30000",
            label: t("underserved areas", "unterversorgte Gebiete") + " (\(area.rawValue))",
            title: { k in
                let a = r.areas[areaIndices[k]]
                return "\(a.id): \(a.counts.buildings) " + t("buildings", "Gebäude") + ", \(a.dominantReason)"
            })
        areaMap.addPoints(
            r.schools.compactMap(\.location), radius: 3.5, fill: "#2b8cbe", stroke: "#fff",
            label: t("schools", "Schulen"), titles: r.schools.map(\.name))
        let areaTitle = t("Underserved areas and schools", "Unterversorgte Gebiete und Schulen")
        html += "<h3>\(areaTitle)</h3>" + areaMap.render(title: areaTitle)

        // Programmes.
        html += "<h2>\(t("Funding programmes", "Förderprogramme"))</h2>"
        html += HTML.table(
            locale == .de
                ? [
                    "Programm", "Richtlinie (in Kraft seit)", "förderfähige Gebäude", "Haushalte", "Einwohner",
                    "Unternehmen", "Schulgebäude", "Krankenhäuser", "weitere Schwerpunkte",
                ]
                : [
                    "programme", "guideline (in force from)", "eligible buildings", "households", "residents",
                    "businesses", "school buildings", "hospitals", "other focus points",
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
        // Per programme (by its case index), the buildings in scope by their reason, counted in one pass; the
        // verdicts are read in place, without copying each building's result.
        let programmes = FundingProgramme.allCases
        var tally = [CaseCounts<FundingReason>](repeating: CaseCounts(), count: programmes.count)
        r.buildings.withUnsafeBufferPointer { buildings in
            for i in buildings.indices where inScopeBuilding(i) {
                for p in programmes { tally[p.caseIndex].add(buildings[i].service.funding[p]!.reason) }
            }
        }
        for p in programmes {
            for (reason, count) in tally[p.caseIndex].counted.sorted(by: { $0.0.rawValue < $1.0.rawValue }) {
                reasonRows.append([
                    p.rawValue, reason.rawValue, reason.eligible ? t("yes", "ja") : t("no", "nein"),
                    locale == .de ? reason.labelDE(r.settings.funding) : reason.labelEN(r.settings.funding),
                    n(Double(count)),
                ])
            }
        }
        html +=
            "<h3>\(t("Reasons", "Gründe"))</h3>"
            + HTML.table(
                locale == .de
                    ? ["Programm", "Grund", "förderfähig", "Bedeutung", "Gebäude"]
                    : ["programme", "reason", "eligible", "meaning", "buildings"], reasonRows, numeric: [4])
        let funding = r.settings.funding
        let reliable =
            (funding.mobileCountsAsReliable ? t(", plus indoor mobile service", ", dazu Mobilfunk im Gebäude") : "")
            + (funding.wlanCountsAsReliable ? t(", plus WLAN islands", ", dazu WLAN-Inseln") : "")
        let gigabit = "\(NumberText.plain(funding.gigabitMbps))/\(NumberText.plain(funding.gigabitUpMbps))"
        let due =
            funding.surveyDate.map {
                t(" and are due by ", " und bis ") + "\($0.adding(years: funding.planningHorizonYears))"
                    + t("", " fertig sind")
            } ?? ""
        html +=
            locale == .de
            ? "<p class=\"note\">Nur Festnetzanschlüsse gelten als zuverlässig\(reliable). Sozioökonomische "
                + "Schwerpunkte (Schulen, Krankenhäuser, Verwaltungen, Gewerbegebiete, Verkehrsknoten, "
                + "landwirtschaftliche Betriebe) sind nach den Regeln von 2021, 2023 und 2024 förderfähig, solange "
                + "sie keinen gigabitfähigen Anschluss (\(gigabit) Mbit/s) haben und keiner geplant ist; die "
                + "NGA-Rahmenregelung 2015 behandelt sie wie jedes Gebäude. Geplante Netze zählen, wenn sie die "
                + "Schwelle des Programms erreichen\(due). Regeln und Quellen: docs/funding-rules.md.</p>"
            : "<p class=\"note\">Only fixed lines count as reliable\(reliable). Focus points (schools, hospitals, "
                + "authorities, business parks, transport hubs, farms) are eligible under the 2021, 2023 and 2024 "
                + "rules while they have no gigabit connection (\(gigabit) Mbit/s) and none is planned; the 2015 "
                + "framework treats them like every other building. Planned networks count when they meet the "
                + "programme's own bar\(due). The rules and their sources: docs/funding-rules.md.</p>"

        // Districts.
        if case .city = scope, !r.districts.isEmpty {
            html += "<h2>\(t("Districts", "Bezirke"))</h2>"
            html += HTML.table(
                (locale == .de
                    ? [
                        "Bezirk", "Gebäude", "Haushalte", "Einwohner", "förderfähige Gebäude (\(area.rawValue))",
                        "förderfähige Haushalte", "förderfähige Schulen",
                    ]
                    : [
                        "district", "buildings", "households", "residents", "eligible buildings (\(area.rawValue))",
                        "eligible households", "eligible schools",
                    ]) + r.city.coverage.map { "\($0.coverageClass.label) km²" },
                r.districts.map { d in
                    [
                        d.name, n(Double(d.all.buildings)), n(d.all.households), n(d.all.residents),
                        n(Double(d.eligible[area]?.buildings ?? 0)), n(d.eligible[area]?.households ?? 0),
                        n(Double(d.eligible[area]?.schools ?? 0)),
                    ] + d.coverage.map { n($0.areaKm2, 2) }
                } + [
                    [
                        t("City", "Stadt"), n(Double(r.city.all.buildings)), n(r.city.all.households),
                        n(r.city.all.residents), n(Double(r.city.eligible[area]?.buildings ?? 0)),
                        n(r.city.eligible[area]?.households ?? 0), n(Double(r.city.eligible[area]?.schools ?? 0)),
                    ] + r.city.coverage.map { n($0.areaKm2, 2) }
                ], numeric: Set(1...(6 + r.city.coverage.count)))
        }

        // Schools.
        let schoolRows = r.schools.enumerated().filter { inScopeSchool($0.element) }
        html += "<h2>\(t("Schools", "Schulen"))</h2>"
        html += HTML.table(
            locale == .de
                ? [
                    "Schule", "Anschluss", "Download Mbit/s", "Klassen", "Mbit/s je Klasse", "≥ 30 je Klasse",
                    "WLAN-Insel", "bester Mobilfunk (innen, Spitze)", "Hauptlastzeit", "förderfähig nach",
                ]
                : [
                    "school", "connection", "down Mbit/s", "classes", "Mbit/s per class", "≥ 30 per class",
                    "WLAN island", "best mobile (indoor, peak)", "busy hour", "eligible under",
                ],
            schoolRows.map { _, s in
                [
                    s.name, s.connection?.technology.rawValue.uppercased() ?? t("none", "keiner"),
                    n(s.connection?.downMbps ?? 0), s.classes.map { String($0) } ?? "–",
                    s.mbpsPerClass.map { n($0, 1) } ?? "–",
                    s.meetsClassRule.map { $0 ? t("yes", "ja") : t("no", "nein") } ?? "–",
                    s.wlanIsland ?? t("no", "nein"),
                    s.bestMobile.map { "\($0.0.technology.displayName) \(n($0.1.downlinkMbps)) Mbit/s" }
                        ?? t("none", "keiner"), s.bestMobileLoadedMbps.map { "\(n($0)) Mbit/s" } ?? "–",
                    s.eligibleUnder.map(\.rawValue).joined(separator: ", "),
                ]
            }, numeric: [2, 3, 4])
        html +=
            locale == .de
            ? "<p class=\"note\">Alte Regel: 30 Mbit/s je Klasse; Klassen aus dem Schullayer oder eine je 23 "
                + "Schülerinnen und Schüler. Mobilfunk: die Spitze erhält ein Nutzer allein in der Zelle (begrenzte "
                + "Shannon-Formel beim SINR); zur Hauptlastzeit teilt er den versorgenden Sektor mit den anderen "
                + "aktiven Nutzern: den Einheiten, die er versorgt, gleich auf die Betreiber verteilt, davon "
                + "\(n(r.settings.busyHourActivity * 100)) % gleichzeitig aktiv, jeder mit gleichem Zeitanteil "
                + "(Proportional Fair ohne Diversitätsgewinn).</p>"
            : "<p class=\"note\">Old rule: 30 Mbit/s per class; classes from the schools layer, or one per 23 pupils. "
                + "Mobile rates: the peak is what one user alone in the cell gets (truncated Shannon at the SINR); "
                + "the busy-hour rate shares the serving sector with its other active users: the homes it serves, "
                + "split evenly over the operators, \(n(r.settings.busyHourActivity * 100)) % of them active at "
                + "once, each getting an equal share of the time (proportional fair, without its diversity gain).</p>"

        // Areas.
        let listed = areaIndices.sorted { r.areas[$0].counts.buildings > r.areas[$1].counts.buildings }.prefix(100)
        html += "<h2>\(t("Underserved areas", "Unterversorgte Gebiete")) (\(area.rawValue))</h2>"
        html += HTML.table(
            locale == .de
                ? [
                    "Gebiet", "Bezirk", "Gebäude", "Haushalte", "Einwohner", "Unternehmen", "Schulen", "Krankenhäuser",
                    "häufigster Grund", "Investition €",
                ]
                : [
                    "area", "district", "buildings", "households", "residents", "businesses", "schools", "hospitals",
                    "dominant reason", "capex €",
                ],
            listed.map { k in
                let a = r.areas[k]
                return [
                    a.id, a.district ?? "", n(Double(a.counts.buildings)), n(a.counts.households),
                    n(a.counts.residents), n(Double(a.counts.businesses)), n(Double(a.counts.schools)),
                    n(Double(a.counts.hospitals)), a.dominantReason, n(a.summary.cost.capex),
                ]
            }, numeric: Set(2...7).union([9]))
        if areaIndices.count > listed.count {
            html +=
                "<p class=\"note\">"
                + t(
                    "The \(listed.count) largest of \(areaIndices.count) areas; all are in ",
                    "Die \(listed.count) größten von \(areaIndices.count) Gebieten; alle stehen in ")
                + "\(HTML.escape(outputs))underserved_areas.csv " + t("and the GeoPackage.", "und im GeoPackage.")
                + "</p>"
        }

        // Download times.
        html += "<h2>\(t("Download times", "Downloadzeiten"))</h2>" + downloadTable(locale)

        // Sources.
        html += "<h2>\(t("Data sources", "Datenquellen"))</h2><ul>"
        for input in r.sources {
            let mark = input.generated ? " — <b>\(t("generated, not real", "generiert, nicht real"))</b>" : ""
            let source = [input.attribution, input.licence.map { t("licence: ", "Lizenz: ") + $0 }].compactMap { $0 }
                .joined(separator: ", ")
            let attribution =
                source.isEmpty
                ? t(
                    "<i>no attribution given</i> (add attribution: to the input in the scenario, or a .source.json "
                        + "sidecar)",
                    "<i>keine Quellenangabe</i> (attribution: beim Input im Szenario oder eine .source.json-Datei)")
                : HTML.escape(source)
            html += "<li>\(input.layer.rawValue): \(HTML.escape(input.fileName))\(mark) — \(attribution)</li>"
        }
        let outside = r.network.extrapolated.count
        let los =
            r.losMethod == .footprints
            ? t("from building footprints up to ", "aus Gebäudeumrissen bis ")
                + "\(NumberText.plain(r.settings.losTraceDistanceM)) m, "
                + t("by probability beyond", "darüber nach Wahrscheinlichkeit")
            : t("by probability", "nach Wahrscheinlichkeit")
        html +=
            "</ul><p class=\"note\">"
            + t(
                "Radio models: 3GPP TR 38.901 path loss (LOS ",
                "Funkmodelle: 3GPP TR 38.901 Pfadverlust (Sichtverbindung ") + los
            + t(
                "), ITU-R P.2109 entry loss, TR 36.942 truncated Shannon throughput; see docs/radio-models.md. ",
                "), ITU-R P.2109 Gebäudedämpfung, TR 36.942 begrenzte Shannon-Formel; siehe docs/radio-models.md. ")
        let limits = Set(r.network.extrapolated.values.flatMap { $0.map(RunSummary.limitKind) }).sorted()
        html +=
            outside == 0
            ? t(
                "Every site lies inside the TR 38.901 validity range of its scenario.</p>",
                "Jeder Standort liegt im Gültigkeitsbereich von TR 38.901 für sein Szenario.</p>")
            : "\(outside) " + t("of", "von") + " \(r.sites.count) "
                + t(
                    "sites lie outside the TR 38.901 validity range of their scenario",
                    "Standorten liegen außerhalb des Gültigkeitsbereichs von TR 38.901 für ihr Szenario")
                + " (\(HTML.escape(limits.joined(separator: "; ")))); "
                + t(
                    "their path loss is extrapolated (summary.json lists the limits).</p>",
                    "ihr Pfadverlust ist extrapoliert (summary.json nennt die Grenzen).</p>")
        return html + "</body></html>\n"
    }

    /// What a run without fixed-line records means for its verdicts (`RunResult.lacksFixedLineData`), said at
    /// the top of the report and of each application-pack page.
    static func noFixedLineData(_ locale: ReportLocale) -> String {
        locale == .de
            ? "Keine Festnetzdaten: Das Szenario enthält keine Festnetz-Datensätze, daher wird jedes Gebäude ohne "
                + "Festnetzversorgung bewertet und fast alle gelten als unterversorgt."
            : "No fixed-line data: the scenario has no fixed-line records, so every building is judged without "
                + "fixed-line service and nearly all count as underserved."
    }

    /// The download-time table in the report's language.
    static func downloadTable(_ locale: ReportLocale = .en) -> String {
        let cells = DownloadTimeText.cells(DownloadTimeTable(), locale: locale)
        return HTML.table(cells.header, cells.rows, numeric: Set(1..<cells.header.count))
    }
}
