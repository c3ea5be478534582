import Foundation
import GeoCore
import Planning

/// One HTML report per district or per underserved area of a run, or the application pack per project
/// area, and an index page.
public enum ReportSet {
    public enum Per: String, Sendable, CaseIterable {
        case district, area
        case projectArea = "project-area"
    }

    /// Writes the reports and their index into `directory`; returns how many reports. `pdf` prints each
    /// project area's page to PDF as well.
    public static func write(
        _ result: RunResult, per: Per, into directory: String, pdf: Bool = true, locale: ReportLocale = .en
    ) throws -> Int {
        if per == .projectArea { return try writePacks(result, into: directory, pdf: pdf) }
        var entries: [(file: String, title: String, counts: String)] = []
        let programme = result.settings.funding.areaProgramme
        switch per {
        case .district:
            for (k, d) in result.districts.enumerated() {
                let name = "district-\(slug(d.id)).html"
                entries.append(
                    (name, d.name, "\(d.eligible[programme]?.buildings ?? 0) eligible buildings of \(d.all.buildings)"))
                try AtomicFile.write(
                    try HTMLReport.render(result, scope: .district(k), locale: locale), to: "\(directory)/\(name)")
            }
        case .projectArea: break
        case .area:
            for (k, a) in result.areas.enumerated() {
                let name = "area-\(slug(a.id)).html"
                entries.append(
                    (
                        name, "\(a.id)\(a.district.map { " (\($0))" } ?? "")",
                        "\(a.counts.buildings) buildings, \(Int(a.counts.households.rounded())) households, "
                            + "\(a.dominantReason)"
                    ))
                try AtomicFile.write(
                    try HTMLReport.render(result, scope: .area(k), locale: locale), to: "\(directory)/\(name)")
            }
        }
        let title = HTML.escape(result.scenario.name)
        var index =
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(title) "
            + "reports</title></head><body>" + "<h1>\(title): reports per \(per.rawValue)</h1>"
        if !result.generatedLayers.isEmpty {
            index +=
                "<p><b>Contains generated data (\(HTML.escape(result.generatedLayers.joined(separator: ", ")))): not "
                + "real.</b></p>"
        }
        index +=
            "<ul>"
            + entries.map {
                "<li><a href=\"\(HTML.escape($0.file))\">\(HTML.escape($0.title))</a> — \(HTML.escape($0.counts))</li>"
            }.joined() + "</ul></body></html>\n"
        try AtomicFile.write(index, to: "\(directory)/index.html")
        return entries.count
    }

    /// One folder per project area with its pack (`ProjectAreaPack`), and a German index of them.
    static func writePacks(_ r: RunResult, into directory: String, pdf: Bool) throws -> Int {
        let title = HTML.escape(r.scenario.name)
        var index =
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>\(title): Projektgebiete</title>"
            + "<style>\(ProjectAreaPage.style)</style></head><body>"
            + "<h1>\(title): Antragsunterlagen je Projektgebiet</h1>"
            + "<p>Förderprogramm \(HTML.escape(r.settings.funding.areaProgramme.title)). Je Projektgebiet: Adressliste "
            + "(CSV), GIS-Layer Projektgebiet, Adressen und Trassen (Shapefile, FlatGeobuf, KML), Bericht (HTML, PDF). "
            + "Alle Beträge netto; Kostensätze und Annahmen: docs/costs.md.</p>"
        if !r.generatedLayers.isEmpty {
            index +=
                "<p class=\"warn\"><b>Enthält generierte Daten ("
                + HTML.escape(r.generatedLayers.joined(separator: ", ")) + "): " + "nicht real.</b></p>"
        }
        index +=
            "<table><thead><tr><th>Projektgebiet</th><th>Name</th><th>Adressen</th><th>Einheiten</th>"
            + "<th>Investition</th>"
            + "<th>je Einheit</th><th>Wirtschaftlichkeitslücke</th><th>Eigenanteil Kommune</th><th>Unterlagen</th></tr>"
            + "</thead><tbody>"
        for (k, p) in r.projectAreas.enumerated() {
            let folder = slug(p.id)
            try FileManager.default.createDirectory(
                atPath: directory + "/" + folder, withIntermediateDirectories: false)
            _ = try ProjectAreaPack.write(r, area: k, into: directory + "/" + folder, pdf: pdf)
            index +=
                "<tr><td>\(HTML.escape(p.id))</td><td>\(HTML.escape(p.name))</td>"
                + "<td class=\"n\">\(p.cost.buildings)</td><td class=\"n\">\(p.cost.homes)</td>"
                + "<td class=\"n\">\(ProjectAreaPage.euro(p.cost.capex))</td>"
                + "<td class=\"n\">\(p.cost.costPerHome.map(ProjectAreaPage.euro) ?? "–")</td>"
                + "<td class=\"n\">\(ProjectAreaPage.euro(p.gap.gap))</td>"
                + "<td class=\"n\">\(ProjectAreaPage.euro(p.gap.municipal))</td>"
                + "<td><a href=\"\(folder)/bericht.html\">Bericht</a>"
                + (pdf ? " · <a href=\"\(folder)/bericht.pdf\">PDF</a>" : "")
                + " · <a href=\"\(folder)/adressliste.csv\">Adressliste</a></td></tr>"
        }
        index += "</tbody></table></body></html>\n"
        try AtomicFile.write(index, to: "\(directory)/index.html")
        return r.projectAreas.count
    }

    /// A file-name-safe form of an id.
    static func slug(_ s: String) -> String { String(s.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }) }
}
