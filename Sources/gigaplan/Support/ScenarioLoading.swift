import Foundation
import GeoCore
import Planning

/// Reads a scenario: an unreadable file exits 2, a wrong key or value exits 1.
func loadScenario(_ path: String) throws -> Scenario { try exitOnError { try ScenarioReader.read(path: path) } }

/// Loads a scenario's inputs for an analysis: unreadable files exit 2, wrong references in changes and
/// input errors exit 1 (unless the scenario says `on_invalid: skip`).
func loadAnalysisData(_ scenario: Scenario, progress: (any ProgressObserver)? = nil) throws -> GeoData {
    try exitOnError {
        let data = try scenario.loadData(progress: progress)
        if scenario.onInvalid == .fail && data.errorCount > 0 { throw InputErrors(problems: data.problems) }
        return data
    }
}

/// Reads a scenario, loads its inputs and analyses them; every failure exits with its code.
func analyse(_ scenario: Scenario, quiet: Bool) throws -> RunResult {
    var data: GeoData? = try loadAnalysisData(scenario)
    return try exitOnError {
        try Analysis.run(data.take()!, scenario: scenario, progress: TerminalProgress.make(quiet: quiet))
    }
}
