import Foundation
import GeoCore
import Planning
import Radio

/// The German report page of one project area: map, key figures, costs, funding gap and split, and the
/// address list; printable on A4 (tables repeat their header on every page, the map stays whole).
enum ProjectAreaPage {
    static let style = """
        body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:2em;color:#222;font-size:11pt}
        h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.4em}
        table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left}
        td.n{text-align:right}thead{display:table-header-group}tr{break-inside:avoid}
        .warn{background:#fff3cd;border:1px solid #e0c060;padding:.5em}
        .map{width:100%;max-width:900px;break-inside:avoid}
        @media print{body{margin:0;font-size:9pt}}
        """

    static func euro(_ v: Double) -> String { NumberFormat.grouped(v, locale: .de) + " €" }
    static func metres(_ v: Double) -> String { NumberFormat.grouped(v, locale: .de) + " m" }

    static func render(_ r: RunResult, area k: Int, trenches: [TrenchSegment]) throws -> String {
        let p = r.projectAreas[k]
        let funding = r.settings.funding
        let title = "Projektgebiet \(p.id): \(p.name)"
        var html =
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(title))</title>"
            + "<style>\(style)" + HTMLReport.printPage("\(title) · Stand \(r.standDate) · \(RunHistory.version)")
            + "</style></head><body><h1>\(HTML.escape(title))</h1>"
            + "<p>Szenario <b>\(HTML.escape(r.scenario.name))</b> · Förderprogramm "
            + HTML.escape(funding.areaProgramme.title)
            + " · Koordinatensystem \(r.scenario.workingCRS.identifier) · Stand \(r.standDate) · "
            + "\(RunHistory.version)</p>"
        if !r.generatedLayers.isEmpty {
            html +=
                "<p class=\"warn\"><b>Enthält generierte Daten ("
                + HTML.escape(r.generatedLayers.joined(separator: ", ")) + "):"
                + " nicht real, nicht für einen Antrag verwenden.</b></p>"
        }
        if r.lacksFixedLineData {
            html +=
                "<p class=\"warn\"><b>" + HTMLReport.noFixedLineData(.de)
                + " Ohne Markterkundung nicht für einen Antrag verwenden.</b></p>"
        }
        if p.cost.estimatedBuildings > 0 {
            html +=
                "<p class=\"warn\">\(p.cost.estimatedBuildings) von \(p.cost.buildings) Adressen liegen an "
                + "keiner Straße des Straßenlayers: ihre Trasse ist eine Schätzung (rechtwinkliger minimaler "
                + "Spannbaum, eher zu lang).</p>"
        }
        // The map.
        if let box = p.geometry.boundingBox?.expanded(by: 50) {
            var map = SVGMap(box: box)
            map.addPolygons(
                [p.geometry], fill: "#f4a58233", stroke: "#c0392b", label: "Projektgebiet", strokeWidth: 1.2)
            map.addLines(
                trenches.filter { !$0.estimated }.map { .lineString([$0.from, $0.to]) }, stroke: "#1f5fa8", width: 1.6,
                label: "Trasse entlang der Straße")
            map.addLines(
                trenches.filter(\.estimated).map { .lineString([$0.from, $0.to]) }, stroke: "#8e44ad", width: 1.2,
                label: "Trasse geschätzt")
            map.addPoints(
                p.members.compactMap { r.buildings[$0].geometry.anchor }, radius: 3, fill: "#c0392b", stroke: "#fff",
                label: "förderfähige Adresse")
            html += map.render(title: title)
        }
        // Key figures.
        let c = p.cost
        let rows: [(String, String)] = [
            ("Adressen (Gebäude)", NumberFormat.grouped(Double(c.buildings), locale: .de)),
            ("Wohn- und Gewerbeeinheiten", NumberFormat.grouped(Double(c.homes), locale: .de)),
            ("Teilgebiete (unterversorgte Cluster)", String(p.areas.count)),
            ("Trassenlänge (Anteil des Gebiets)", metres(c.routeM)), ("Tiefbau", euro(c.civilWorks)),
            ("Leerrohr und Kabel", euro(c.ductAndCable)), ("Hausanschlüsse", euro(c.houseConnection)),
            ("Inhausverkabelung", euro(c.inHouseCabling)), ("Aktive Technik", euro(c.activeEquipment)),
            ("Investition gesamt", euro(c.capex)), ("Investition je Einheit", c.costPerHome.map(euro) ?? "–"),
        ]
        html += "<h2>Kennzahlen und Kosten</h2><table>"
        for (label, value) in rows { html += "<tr><th>\(HTML.escape(label))</th><td class=\"n\">\(value)</td></tr>" }
        html += "</table>"
        let model = r.settings.costs.gapModel
        let g = p.gap
        html +=
            "<h2>Wirtschaftlichkeitslücke und Finanzierung</h2><p>Barwert über \(model.years) Jahre bei "
            + "\(NumberFormat.fixed(model.discountRate * 100, decimals: 1, locale: .de)) % Zins, "
            + "\(NumberFormat.fixed(model.takeUp * 100, decimals: 0, locale: .de)) % Anschlussquote und "
            + "\(NumberFormat.fixed(model.arpuPerMonth, decimals: 2, locale: .de)) € Umsatz je Kunde und Monat "
            + "(Annahmen, siehe docs/costs.md).</p><table>"
        for (label, value) in [
            ("Investition", g.capex), ("Barwert Betriebskosten", g.presentOpex), ("Barwert Erlöse", g.presentRevenue),
            ("Wirtschaftlichkeitslücke", g.gap),
            ("Bund (\(NumberFormat.fixed(model.federalShare * 100, decimals: 0, locale: .de)) %)", g.federal),
            ("Land (\(NumberFormat.fixed(model.stateShare * 100, decimals: 0, locale: .de)) %)", g.state),
            (
                "Eigenanteil Kommune (\(NumberFormat.fixed(model.municipalShare * 100, decimals: 0, locale: .de)) %)",
                g.municipal
            ),
        ] { html += "<tr><th>\(HTML.escape(label))</th><td class=\"n\">\(euro(value))</td></tr>" }
        html += "</table><h2>Adressliste</h2><table><thead><tr>"
        for h in ["Straße", "Nr.", "PLZ", "Ort", "Kategorie", "Einh.", "Begründung", "heute (Mbit/s)", "Kosten"] {
            html += "<th>\(h)</th>"
        }
        html += "</tr></thead><tbody>"
        for i in p.members {
            let b = r.buildings[i]
            let a = b.address
            let best = b.service.fixed.best
            let verdict = b.service.funding[funding.areaProgramme]!
            let cells = [
                a?.street ?? "(\(b.id))", a.map { $0.houseNumber + $0.suffix } ?? "", a?.postcode ?? "", a?.town ?? "",
                b.addressCategory.labelDE,
            ].map { "<td>\(HTML.escape($0))</td>" }.joined()
            html +=
                "<tr>\(cells)<td class=\"n\">\(CostPlan.homes(b.building))</td>"
                + "<td>\(HTML.escape(verdict.reason.labelDE(funding)))</td>"
                + "<td class=\"n\">\(NumberFormat.fixed(best?.downMbps ?? 0, decimals: 0, locale: .de))/"
                + "\(NumberFormat.fixed(best?.upMbps ?? 0, decimals: 0, locale: .de))</td>"
                + "<td class=\"n\">\(r.cost(ofBuilding: i).map { euro($0.capex) } ?? "–")</td></tr>"
        }
        html += "</tbody></table>"
        html += "<h2>Quellen</h2><ul>"
        for s in r.sources {
            html += "<li>\(HTML.escape(s.layer.rawValue)): \(HTML.escape(s.attribution ?? "ohne Angabe"))</li>"
        }
        html += "</ul></body></html>\n"
        return html
    }
}
