import ArgumentParser
import Foundation
import GeoCore
import Planning
import Reports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "What changed between two scenarios: buildings whose service or funding verdict changed, coverage and eligible counts per district.",
        discussion: "With --out, writes changed_buildings.csv and districts.csv there. Exit codes: 0 done, 1 input problems, 2 unreadable input."
    )

    @Argument(help: "The scenario before.")
    var a: String

    @Argument(help: "The scenario after.")
    var b: String

    @Option(help: "Folder for the comparison tables.")
    var out: String?

    @Flag(help: "No progress bar.")
    var quiet = false

    func run() throws {
        let progress = TerminalProgress.make(quiet: quiet)
        func analyse(_ path: String) throws -> (Scenario, AnalysisResult) {
            let (s, data) = try loadForAnalysis(path)
            return (s, try Analysis.run(data, settings: s.settings, progress: progress))
        }
        if let out {
            let protected = (try [a, b].flatMap { p -> [String] in let s = try loadScenario(p); return s.files + s.inputPaths })
            try exitOnError { _ = try OutputFolder.check(out, protecting: protected) }
        }
        let (sa, ra) = try analyse(a)
        let (sb, rb) = try analyse(b)
        let comparison = Comparison(before: ra, after: rb)
        print(comparison.text(nameA: sa.name, nameB: sb.name), terminator: "")
        if let out {
            try exitOnError {
                let folder = try OutputFolder.claim(out, owner: "\(sa.name) → \(sb.name)", protecting: sa.files + sa.inputPaths + sb.files + sb.inputPaths)
                try folder.fill { root in
                    try AtomicFile.write(comparison.changesCSV(), to: root + "/changed_buildings.csv")
                    try AtomicFile.write(comparison.districtsCSV(), to: root + "/districts.csv")
                }
            }
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One HTML report per district or per underserved area, for funding applications, plus an index.",
        discussion: "Writes district-<id>.html or area-<id>.html and index.html under --out (default out/<scenario>-reports-<per>). Exit codes as for run."
    )

    enum Per: String, ExpressibleByArgument { case district, area }

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(help: "district or area.")
    var per: Per

    @Option(help: "Output folder.")
    var out: String?

    @Flag(help: "No progress bar.")
    var quiet = false

    func run() throws {
        let s = try loadScenario(scenario)
        let directory = out ?? "out/\(s.name)-reports-\(per.rawValue)"
        let protected = s.files + s.inputPaths
        try exitOnError { _ = try OutputFolder.check(directory, protecting: protected) }
        let data = try loadAnalysisData(s)
        let result = try exitOnError { try Analysis.run(data, settings: s.settings, progress: TerminalProgress.make(quiet: quiet)) }
        if per == .district && result.districts.isEmpty { printError("the scenario has no districts layer"); throw ExitCode(1) }
        let count = try exitOnError {
            try OutputFolder.claim(directory, owner: s.name, protecting: protected).fill { root in
                try Self.write(result, scenario: s, data: data, per: per, into: root)
            }
        }
        print("\(count) report(s) and index.html → \(directory)")
    }

    /// Writes the reports and their index into `directory`; returns how many reports.
    static func write(_ result: AnalysisResult, scenario s: Scenario, data: GeoData, per: Per, into directory: String) throws -> Int {
        var files: [(String, String, String)] = []   // file, title, counts
        switch per {
        case .district:
            for (k, d) in result.districts.enumerated() {
                let name = "district-\(Self.slug(d.id)).html"
                files.append((name, d.name, "\(d.eligible[s.settings.funding.areaProgramme]?.buildings ?? 0) eligible buildings of \(d.all.buildings)"))
                try AtomicFile.write(try HTMLReport.render(result, scenario: s, data: data, scope: .district(k)), to: "\(directory)/\(name)")
            }
        case .area:
            for (k, a) in result.areas.enumerated() {
                let name = "area-\(Self.slug(a.id)).html"
                files.append((name, "\(a.id)\(a.district.map { " (\($0))" } ?? "")", "\(a.counts.buildings) buildings, \(Int(a.counts.households.rounded())) households, \(a.dominantReason)"))
                try AtomicFile.write(try HTMLReport.render(result, scenario: s, data: data, scope: .area(k)), to: "\(directory)/\(name)")
            }
        }
        var index = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(s.name)) reports</title></head><body><h1>\(HTML.escape(s.name)): reports per \(per.rawValue)</h1>"
        if !Summary.generatedLayers(data).isEmpty { index += "<p><b>Contains generated data (\(HTML.escape(Summary.generatedLayers(data).joined(separator: ", ")))): not real.</b></p>" }
        index += "<ul>" + files.map { "<li><a href=\"\(HTML.escape($0.0))\">\(HTML.escape($0.1))</a> — \(HTML.escape($0.2))</li>" }.joined() + "</ul></body></html>\n"
        try AtomicFile.write(index, to: "\(directory)/index.html")
        return files.count
    }

    static func slug(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List the runs recorded in the project database.")

    @Option(help: "The project database (default out/gigaplan-history.sqlite).")
    var store: String = "out/gigaplan-history.sqlite"

    @Option(help: "text or json.")
    var format: PrintFormat = .text

    func run() throws {
        guard FileManager.default.fileExists(atPath: store) else {
            printError("\(store): no such project database (run a scenario first)")
            throw ExitCode(2)
        }
        let entries = try RunHistory(path: store).entries()
        switch format {
        case .json:
            print(JSONWriter.serialize(.array(entries.map { e in
                .object(JSONObject([("id", .number(Double(e.id))), ("started_at", .string(e.startedAt)), ("scenario", .string(e.scenario)),
                                    ("output", .string(e.output)), ("summary", (try? JSONParser.parse(Array(e.summary.utf8))) ?? .null)]))
            }), pretty: true))
        case .text:
            for e in entries {
                let summary = try? JSONParser.parse(Array(e.summary.utf8))
                let buildings = summary?.objectValue?["buildings"]?.objectValue?["total"]?.text ?? "?"
                print("\(e.id)  \(e.startedAt)  \(e.scenario)  \(buildings) buildings  → \(e.output)")
            }
        }
    }
}
