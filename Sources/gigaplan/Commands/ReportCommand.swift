import ArgumentParser
import Foundation
import Planning
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One HTML report per district or per underserved area, for funding applications, plus an index.",
        discussion: "Writes district-<id>.html or area-<id>.html and index.html under --out (default "
            + "out/<scenario>-reports-<per>). Exit codes as for run.")

    @OptionGroup var options: ScenarioOptions

    @Option(help: "district or area.") var per: ReportSet.Per

    @Option(help: "Output folder.") var out: String?

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
                try ReportSet.write(result, per: per, into: root)
            }
        }
        print("\(count) report(s) and index.html → \(directory)")
    }
}

extension ReportSet.Per: ExpressibleByArgument {}
