import Foundation
import GeoCore
import Planning

/// One HTML report per district or per underserved area of a run, and an index page.
public enum ReportSet {
    public enum Per: String, Sendable, CaseIterable { case district, area }

    /// Writes the reports and their index into `directory`; returns how many reports.
    public static func write(_ result: RunResult, per: Per, into directory: String) throws -> Int {
        var entries: [(file: String, title: String, counts: String)] = []
        let programme = result.settings.funding.areaProgramme
        switch per {
        case .district:
            for (k, d) in result.districts.enumerated() {
                let name = "district-\(slug(d.id)).html"
                entries.append(
                    (name, d.name, "\(d.eligible[programme]?.buildings ?? 0) eligible buildings of \(d.all.buildings)"))
                try AtomicFile.write(try HTMLReport.render(result, scope: .district(k)), to: "\(directory)/\(name)")
            }
        case .area:
            for (k, a) in result.areas.enumerated() {
                let name = "area-\(slug(a.id)).html"
                entries.append(
                    (
                        name, "\(a.id)\(a.district.map { " (\($0))" } ?? "")",
                        "\(a.counts.buildings) buildings, \(Int(a.counts.households.rounded())) households, "
                            + "\(a.dominantReason)"
                    ))
                try AtomicFile.write(try HTMLReport.render(result, scope: .area(k)), to: "\(directory)/\(name)")
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

    /// A file-name-safe form of an id.
    static func slug(_ s: String) -> String { String(s.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }) }
}
