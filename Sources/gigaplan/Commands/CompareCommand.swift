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
        discussion: "With --out, writes there changed_buildings.csv, districts.csv, the changed buildings as a layer "
            + "(comparison.gpkg, changed_buildings.geojson), comparison.html and comparison.json. --json prints the "
            + "JSON instead of the text. Exit codes: 0 done, 1 input problems, 2 unreadable input.")

    @Argument(help: "The scenario before.") var a: String

    @Argument(help: "The scenario after.") var b: String

    @Option(help: "Folder for the comparison's tables, layer, page and JSON.") var out: String?

    @Flag(help: "Print the comparison as JSON.") var json = false

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let before = try loadScenario(a)
        let after = try loadScenario(b)
        let protected = before.files + before.inputPaths + after.files + after.inputPaths
        if let out { try exitOnError { _ = try OutputFolder.check(out, protecting: protected) } }
        let resultAfter = try analyse(after, quiet: progress.quiet || json)
        let comparison = Comparison(before: try analyse(before, quiet: progress.quiet || json), after: resultAfter)
        if json {
            print(JSONWriter.serialize(comparison.json(nameA: before.name, nameB: after.name), pretty: true))
        } else {
            print(comparison.text(nameA: before.name, nameB: after.name), terminator: "")
        }
        guard let out else { return }
        try exitOnError {
            let folder = try OutputFolder.claim(out, owner: "\(before.name) → \(after.name)", protecting: protected)
            try folder.fill { root in
                try comparison.write(
                    root: root, nameA: before.name, nameB: after.name,
                    districtOutlines: resultAfter.districts.compactMap(\.geometry))
            }
        }
    }
}
