import ArgumentParser
import Foundation
import GeoCore
import Planning
import Reports

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse a scenario and write its GIS layers and reports.",
        discussion: """
            Writes under --out (default out/<scenario name>/): gigaplan.gpkg (EPSG:25832 or the scenario's CRS), geojson/<layer>.geojson \
            (RFC 7946), csv/, report.html and summary.json. Writes are atomic; a failed run leaves no output. Every run is recorded in \
            the project database (default gigaplan-history.sqlite beside the output folder, or --store). \
            Exit codes: 0 done, 1 input problems, 2 unreadable input or usage error.
            """
    )

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(help: "Output folder (default out/<scenario name>).")
    var out: String?

    @Option(help: "Comma-separated outputs: gpkg, geojson, csv, html (summary.json is always written).")
    var format: String = "gpkg,geojson,csv,html"

    @Option(help: "The project database (SQLite) that records every run.")
    var store: String?

    @Flag(help: "No progress and no summary on the terminal.")
    var quiet = false

    @Flag(help: "Print the headline numbers as JSON.")
    var json = false

    @Flag(help: "Print the time of each stage.")
    var timings = false

    mutating func validate() throws {
        formats = try OutputFormat.parseList(format)
    }

    /// The formats parsed from `--format` by `validate()`.
    var formats: Set<OutputFormat> = []

    enum CodingKeys: String, CodingKey { case scenario, out, format, store, quiet, json, timings }

    func run() throws {
        let started = Date()
        var stages = StageClock()
        let scenario = try loadScenario(self.scenario)
        // Where the outputs and the record go, checked before any work: nothing is written or replaced
        // that gigaplan may not replace.
        let outputDirectory = out ?? "out/\(scenario.name)"
        let storePath = store ?? URL(fileURLWithPath: outputDirectory).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("gigaplan-history.sqlite").path
        let protected = scenario.files + scenario.inputPaths + [storePath]
        try exitOnError { _ = try OutputFolder.check(outputDirectory, protecting: protected) }
        try exitOnError { try RunHistory.checkWritable(path: storePath) }
        let data = try stages.measure("load") { try loadAnalysisData(scenario) }
        let progress = TerminalProgress.make(quiet: quiet || json)
        let result = try exitOnError { try Analysis.run(data, settings: scenario.settings, progress: progress) }
        for t in result.timings { stages.add(t.stage, t.seconds) }
        let summary = stages.measure("summary") { Summary.make(result, scenario: scenario, data: data) }
        let (files, writerTimes) = try exitOnError {
            let folder = try OutputFolder.claim(outputDirectory, owner: scenario.name, protecting: protected)
            return try stages.measure("write (in parallel)") {
                try RunWriter.write(result, scenario: scenario, data: data, summary: summary, to: folder, formats: formats)
            }
        }
        for (name, seconds) in writerTimes { stages.add("  \(name)", seconds, counted: false) }
        try exitOnError {
            try stages.measure("history") {
                try RunHistory(path: storePath).record(startedAt: started, scenario: scenario.name, scenarioFiles: scenario.files,
                                                       inputs: scenario.inputPaths, settings: ScenarioSettings.json(scenario),
                                                       output: outputDirectory, summary: summary)
            }
        }
        if json {
            print(JSONWriter.serialize(summary, pretty: true))
        } else if !quiet {
            print(Self.headline(summary, directory: outputDirectory, files: files))
            let warnings = (data.problems + result.problems).filter { $0.severity == .warning }.count
            if warnings > 0 || data.errorCount > 0 { print("input: \(data.errorCount) errors (features left out), \(warnings) warnings — see csv/input_problems.csv") }
        }
        if timings { FileHandle.standardError.write(Data(stages.table().utf8)) }
        // Everything is written and recorded: leave without freeing the analysis piece by piece
        // (seconds for a region), which no one would see.
        try? FileHandle.standardOutput.synchronize()
        Foundation.exit(0)
    }

    static func headline(_ summary: JSONValue, directory: String, files: [String]) -> String {
        guard case .object(let o) = summary else { return "" }
        var lines = ["\(o["scenario"]?.text ?? ""): \(o["buildings"]?.objectValue?["total"]?.text ?? "0") buildings → \(directory)"]
        if let programmes = o["programmes"]?.objectValue {
            for (name, value) in programmes {
                let v = value.objectValue
                lines.append("  \(name.padding(toLength: 13, withPad: " ", startingAt: 0)) eligible: \(v?["eligible_buildings"]?.text ?? "0") buildings, \(v?["eligible_households"]?.text ?? "0") households, \(v?["eligible_schools"]?.text ?? "0") schools")
            }
        }
        if let coverage = o["coverage"]?.arrayValue {
            for c in coverage { lines.append("  \(c.objectValue?["label"]?.text ?? ""): \(c.objectValue?["area_km2"]?.text ?? "0") km², \(c.objectValue?["residents"]?.text ?? "0") residents") }
        }
        lines.append("  underserved areas: \(o["underserved_areas"]?.objectValue?["count"]?.text ?? "0"); files: \(files.count)")
        return lines.joined(separator: "\n")
    }
}

/// Reads a scenario, turning its errors into the command line's exit codes.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioReader.read(path: path)
    } catch {
        printError(error.description)
        throw ExitCode(error.unreadable ? 2 : 1)
    }
}

/// Reads a scenario and its inputs for an analysis; input errors stop here (exit 1) unless the scenario
/// says `on_invalid: skip`.
func loadForAnalysis(_ path: String) throws -> (Scenario, GeoData) {
    let scenario = try loadScenario(path)
    return (scenario, try loadAnalysisData(scenario))
}

/// Loads a scenario's inputs for an analysis: unreadable files exit 2, wrong references in changes and
/// input errors exit 1 (unless the scenario says `on_invalid: skip`).
func loadAnalysisData(_ scenario: Scenario) throws -> GeoData {
    let data = try loadScenarioData(scenario)
    if scenario.onInvalid == .fail && data.errorCount > 0 {
        for p in data.problems where p.severity == .error { printError("\(p)") }
        printError("\(data.errorCount) input error(s); nothing written (set on_invalid: skip in the scenario to leave those features out)")
        throw ExitCode(1)
    }
    return data
}

/// Loads a scenario's inputs: unreadable files exit 2, wrong references in changes exit 1.
func loadScenarioData(_ scenario: Scenario) throws -> GeoData {
    do {
        return try scenario.loadData()
    } catch let e as UnreadableFile {
        printError(e.description)
        throw ExitCode(2)
    } catch let e as ScenarioError {
        printError(e.description)
        throw ExitCode(e.unreadable ? 2 : 1)
    }
}

/// An error the command line reports as its message with its own exit code.
protocol CommandLineError: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}

/// A refused output folder or a write that failed: exit 2.
extension OutputRefusal: CommandLineError { var exitCode: Int32 { 2 } }
extension FileWriteError: CommandLineError { var exitCode: Int32 { 2 } }
/// Settings that cannot work on this input, layers that do not join: exit 1.
extension AnalysisLimitError: CommandLineError { var exitCode: Int32 { 1 } }
extension JoinRateError: CommandLineError { var exitCode: Int32 { 1 } }

/// Runs `body`; a `CommandLineError` is printed and exits with its code, a failed run record exits 2.
func exitOnError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as any CommandLineError {
        printError(e.description)
        throw ExitCode(e.exitCode)
    } catch let e as SQLiteError {
        printError("cannot record the run: \(e)")
        throw ExitCode(2)
    }
}

/// Wall time per stage.
struct StageClock {
    private(set) var stages: [(String, Double, Bool)] = []

    /// Records a stage; `counted: false` for parts of a stage already counted (shown, not added to the total).
    mutating func add(_ name: String, _ seconds: Double, counted: Bool = true) { stages.append((name, seconds, counted)) }

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer {
            let d = start.duration(to: .now)
            add(name, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        return try body()
    }

    func table() -> String {
        let total = stages.filter(\.2).reduce(0) { $0 + $1.1 }
        return stages.map { String(format: "%@ %8.2f s\n", $0.0.padding(toLength: 22, withPad: " ", startingAt: 0), $0.1) }.joined()
            + String(format: "%@ %8.2f s\n", "total".padding(toLength: 22, withPad: " ", startingAt: 0), total)
    }
}
