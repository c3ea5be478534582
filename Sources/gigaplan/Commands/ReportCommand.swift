import ArgumentParser
import Foundation
import Planning
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One HTML report per district or underserved area, or the German application pack per project "
            + "area, plus an index.",
        discussion: "Writes district-<id>.html or area-<id>.html, or per project area a folder PG-<n>/ with "
            + "adressliste.csv, shp/, fgb/, kml/ (project area, addresses, trenches), bericht.html and bericht.pdf, "
            + "and index.html under --out (default out/<scenario>-reports-<per>). Exit codes as for run.")

    @OptionGroup var options: ScenarioOptions

    @Option(help: "district, area or project-area.") var per: ReportSet.Per

    @Flag(help: "With --per project-area: leave out the PDFs (they need Debian's chromium-headless-shell).") var noPdf =
        false

    @Option(help: "Output folder.") var out: String?

    @Option(help: "Reports per district or area: en or de (default: the scenario's locale, German for German CRSs).")
    var locale: ReportLocale?

    func run() throws {
        let scenario = try loadScenario(options.scenario)
        let directory = out ?? "out/\(scenario.name)-reports-\(per.rawValue)"
        let protected = scenario.files + scenario.inputPaths
        try exitOnError { _ = try OutputFolder.check(directory, protecting: protected) }
        let result = try analyse(scenario, quiet: options.quiet)
        if per == .district && result.districts.isEmpty {
            printError("the scenario has no districts layer")
            throw ExitCode(1)
        }
        let count = try exitOnError {
            try OutputFolder.claim(directory, owner: scenario.name, protecting: protected).fill { root in
                try ReportSet.write(
                    result, per: per, into: root, pdf: !noPdf, locale: ReportLocale.of(scenario, asked: locale))
            }
        }
        print("\(count) report(s) and index.html → \(directory)")
    }
}

extension ReportSet.Per: ExpressibleByArgument {}
