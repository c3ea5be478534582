import ArgumentParser
import Foundation
import GeoCore
import Planning
import Reports

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check GeoData files and list every problem with file, feature index, id, field and reason.",
        discussion: """
            The layer of each file comes from --layer, or from its name (buildings.geojson, schools.csv, …). \
            Every layer's fields, units, defaults and accepted spellings: docs/input-layers.md. \
            Exit codes: 0 no errors (warnings may be listed), 1 errors were found, 2 a file cannot be read at all.
            """)

    @Argument(help: "GeoJSON, CSV or GeoPackage files.") var paths: [String]

    @Option(help: "The layer of every file: \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")).") var layer:
        LayerKind?

    @Option(help: "The CRS of x/y columns in CSV files, e.g. EPSG:31467.") var crs: CRS?

    @Option(help: "The working CRS the data is projected to.") var workingCrs: CRS = .etrs89UTM32

    @Option(help: "text or json.") var format: PrintFormat = .text

    func run() throws {
        let report = ValidationReport.check(
            paths: paths, kind: layer, loader: GeoDataLoader(workingCRS: workingCrs, csvCRS: crs))
        switch format {
        case .text: print(ValidationText.text(report), terminator: "")
        case .json: print(JSONWriter.serialize(ValidationText.json(report), pretty: true))
        }
        throw ExitCode(report.exitCode)
    }
}
