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
        let (sa, ra) = try analyse(a)
        let (sb, rb) = try analyse(b)
        let comparison = Comparison(before: ra, after: rb)
        print(comparison.text(nameA: sa.name, nameB: sb.name), terminator: "")
        if let out {
            try AtomicFile.write(comparison.changesCSV(), to: out + "/changed_buildings.csv")
            try AtomicFile.write(comparison.districtsCSV(), to: out + "/districts.csv")
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One HTML report per district or per underserved area, for funding applications, plus an index.",
        discussion: "Writes district-<id>.html or area-<id>.html and index.html under --out (default out/<scenario>/reports-<per>). Exit codes as for run."
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
        let (s, data) = try loadForAnalysis(scenario)
        let result = try Analysis.run(data, settings: s.settings, progress: TerminalProgress.make(quiet: quiet))
        let directory = out ?? "out/\(s.name)/reports-\(per.rawValue)"
        var files: [(String, String, String)] = []   // file, title, counts
        switch per {
        case .district:
            guard !result.districts.isEmpty else { printError("the scenario has no districts layer"); throw ExitCode(1) }
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
        var index = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(s.name) reports</title></head><body><h1>\(s.name): reports per \(per.rawValue)</h1>"
        if !Summary.generatedLayers(data).isEmpty { index += "<p><b>Contains generated data (\(Summary.generatedLayers(data).joined(separator: ", "))): not real.</b></p>" }
        index += "<ul>" + files.map { "<li><a href=\"\($0.0)\">\($0.1)</a> — \($0.2)</li>" }.joined() + "</ul></body></html>\n"
        try AtomicFile.write(index, to: "\(directory)/index.html")
        print("\(files.count) report(s) and index.html → \(directory)")
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
