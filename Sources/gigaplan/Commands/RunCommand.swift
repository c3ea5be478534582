import ArgumentParser
import Foundation
import GeoCore
import Planning
import Reports

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Analyse a scenario and write its GIS layers and reports.",
        discussion: """
            Writes under --out (default out/<scenario name>/): gigaplan.gpkg (EPSG:25832 or the scenario's CRS), \
            geojson/<layer>.geojson \
            (RFC 7946), csv/, report.html and summary.json. Writes are atomic; a failed run leaves no output. Every \
            run is recorded in \
            the project database (default gigaplan-history.sqlite beside the output folder, or --store). \
            Exit codes: 0 done, 1 input problems, 2 unreadable input or usage error.
            """)

    @OptionGroup var options: ScenarioOptions

    @Option(help: "Output folder (default out/<scenario name>).") var out: String?

    @Option(help: "Comma-separated outputs: gpkg, geojson, csv, html (summary.json is always written).") var format:
        String = "gpkg,geojson,csv,html"

    @Option(help: "The project database (SQLite) that records every run.") var store: String?

    @Flag(help: "Print the headline numbers as JSON.") var json = false

    @Flag(help: "Print the time of each stage.") var timings = false

    @Option(help: "Report and CSV: en or de (default: the scenario's locale, else German for German CRSs).") var locale:
        ReportLocale?

    /// The formats parsed from `--format` by `validate()`.
    var formats: Set<OutputFormat> = []

    @Option(help: "full, or slim: the buildings layer without the download times and the input's src_* columns.")
    var profile: OutputProfile = .full

    enum CodingKeys: String, CodingKey { case options, out, format, store, json, timings, locale, profile }

    mutating func validate() throws {
        do { formats = try OutputFormat.parseList(format) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        let started = Date()
        var clock = StageClock()
        let scenario = try loadScenario(options.scenario)
        // Where the outputs and the record go, checked before any work: nothing is written or replaced
        // that gigaplan may not replace.
        let outputDirectory = out ?? "out/\(scenario.name)"
        let storePath =
            store
            ?? URL(fileURLWithPath: outputDirectory).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("gigaplan-history.sqlite").path
        let protected = scenario.files + scenario.inputPaths + [storePath]
        try exitOnError {
            _ = try OutputFolder.check(outputDirectory, protecting: protected)
            try RunHistory.checkWritable(path: storePath)
        }
        let progress = TerminalProgress.make(quiet: options.quiet || json)
        var data: GeoData? = try clock.measure("load") { try loadAnalysisData(scenario, progress: progress) }
        // The input files' hashes for the record, on a thread of its own: it fills the core that the
        // analysis's single-threaded stages leave idle.
        let recorded = RunHistory.recordedFiles(scenario)
        let digests = BackgroundJob { RunHistory.digests(recorded) }
        // The data is handed over: the analysis lets go of the layers it has used before the writing.
        let result = try exitOnError { try Analysis.run(data.take()!, scenario: scenario, progress: progress) }
        clock.append(result.timings)
        let (files, writerTimes) = try exitOnError {
            let folder = try OutputFolder.claim(outputDirectory, owner: scenario.name, protecting: protected)
            return try clock.measure("write (in parallel)") {
                try RunWriter.write(
                    result, to: folder, formats: formats, locale: ReportLocale.of(scenario, asked: locale),
                    profile: profile, progress: progress)
            }
        }
        for (name, seconds) in writerTimes { clock.add("  \(name)", seconds, counted: false) }
        do {
            try clock.measure("history") {
                try RunHistory(path: storePath).record(
                    result, startedAt: started, output: outputDirectory, digests: digests.value)
            }
        } catch {
            printError("cannot record the run: \(error)")
            throw ExitCode(2)
        }
        if json {
            print(JSONWriter.serialize(try result.summary.json(), pretty: true))
        } else if !options.quiet {
            print(RunHeadline.text(result.summary, directory: outputDirectory, files: files.count))
            if result.warningCount > 0 || result.inputErrorCount > 0 {
                print(
                    "input: \(result.inputErrorCount) errors (features left out), \(result.warningCount) warnings — "
                        + "see csv/input_problems.csv")
            }
        }
        if timings {
            var table = stageTable(clock)
            if let mobile = result.timings.stages.first(where: { $0.name == Analysis.Stage.mobile.rawValue }),
                mobile.seconds > 0
            {
                let links = Double(result.linkCount)
                table += String(
                    format: "mobile links %.1f M, %.1f M links/s\n", links / 1e6, links / mobile.seconds / 1e6)
            }
            FileHandle.standardError.write(Data(table.utf8))
        }
        // Everything is written and recorded: leave without freeing the analysis piece by piece
        // (seconds for a region), which no one would see.
        try? FileHandle.standardOutput.synchronize()
        Foundation.exit(0)
    }
}
