import ArgumentParser
import Foundation
import GeoCore
import Planning
import Reports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "What changed between two scenarios: buildings whose service or funding verdict changed, coverage and "
            + "eligible counts per district.",
        discussion:
            "With --out, writes changed_buildings.csv and districts.csv there. Exit codes: 0 done, 1 input problems, 2 "
            + "unreadable input.")

    @Argument(help: "The scenario before.") var a: String

    @Argument(help: "The scenario after.") var b: String

    @Option(help: "Folder for the comparison tables.") var out: String?

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let before = try loadScenario(a)
        let after = try loadScenario(b)
        let protected = before.files + before.inputPaths + after.files + after.inputPaths
        if let out { try exitOnError { _ = try OutputFolder.check(out, protecting: protected) } }
        let comparison = Comparison(
            before: try analyse(before, quiet: progress.quiet), after: try analyse(after, quiet: progress.quiet))
        print(comparison.text(nameA: before.name, nameB: after.name), terminator: "")
        guard let out else { return }
        try exitOnError {
            let folder = try OutputFolder.claim(out, owner: "\(before.name) → \(after.name)", protecting: protected)
            try folder.fill { root in
                try AtomicFile.write(comparison.changesCSV(), to: root + "/changed_buildings.csv")
                try AtomicFile.write(comparison.districtsCSV(), to: root + "/districts.csv")
            }
        }
    }
}
