import ArgumentParser
import Foundation
import GeoCore
import Planning

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check GeoData files and list every problem with file, feature index, id, field and reason.",
        discussion: """
            The layer of each file comes from --layer, or from its name (buildings.geojson, schools.csv, …). \
            Every layer's fields, units, defaults and accepted spellings: docs/input-layers.md. \
            Exit codes: 0 no errors (warnings may be listed), 1 errors were found, 2 a file cannot be read at all.
            """
    )

    @Argument(help: "GeoJSON, CSV or GeoPackage files.")
    var paths: [String]

    @Option(help: "The layer of every file: \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var layer: LayerKind?

    @Option(help: "The CRS of x/y columns in CSV files, e.g. EPSG:31467.")
    var crs: CRS?

    @Option(help: "The working CRS the data is projected to.")
    var workingCrs: CRS = .etrs89UTM32

    @Option(help: "text or json.")
    var format: PrintFormat = .text

    func run() throws {
        let report = ValidationReport.check(paths: paths, kind: layer, loader: GeoDataLoader(workingCRS: workingCrs, csvCRS: crs))
        switch format {
        case .text: print(Self.text(report), terminator: "")
        case .json: print(JSONWriter.serialize(Self.json(report), pretty: true))
        }
        throw ExitCode(report.exitCode)
    }

    static func text(_ report: ValidationReport) -> String {
        var out = ""
        for file in report.files {
            if let unreadable = file.unreadable {
                out += "\(unreadable)\n"
                continue
            }
            for p in file.problems { out += "\(p)\n" }
            for l in file.layers {
                let errors = file.problems.filter { $0.severity == .error && $0.layer == (l.kind?.rawValue ?? l.name) }.count
                let warnings = file.problems.filter { $0.severity == .warning && $0.layer == (l.kind?.rawValue ?? l.name) }.count
                out += "\(file.path): \(l.kind.map { "layer \($0.rawValue)" } ?? "unknown layer \(l.name)"): \(l.features) features, \(l.usable) usable, \(errors) errors, \(warnings) warnings\n"
            }
        }
        let errors = report.problems.filter { $0.severity == .error }.count
        let warnings = report.problems.count - errors
        let unreadable = report.files.filter { $0.unreadable != nil }.count
        let reference = errors + warnings + unreadable > 0 ? " (fields, units and spellings: docs/input-layers.md)" : ""
        out += "\(report.files.count) file(s): \(errors) errors, \(warnings) warnings, \(unreadable) unreadable\(reference)\n"
        return out
    }

    static func json(_ report: ValidationReport) -> JSONValue {
        var root = JSONObject()
        root["files"] = .array(report.files.map { file in
            var o = JSONObject()
            o["path"] = .string(file.path)
            o["unreadable"] = file.unreadable.map { .string($0.reason) } ?? .null
            o["layers"] = .array(file.layers.map { l in
                .object(JSONObject([("name", .string(l.name)), ("layer", l.kind.map { .string($0.rawValue) } ?? .null),
                                    ("features", .number(Double(l.features))), ("usable", .number(Double(l.usable)))]))
            })
            return .object(o)
        })
        root["problems"] = .array(report.problems.map(\.json))
        root["errors"] = .number(Double(report.problems.filter { $0.severity == .error }.count))
        root["warnings"] = .number(Double(report.problems.filter { $0.severity == .warning }.count))
        root["exit_code"] = .number(Double(report.exitCode))
        return .object(root)
    }
}

enum PrintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension LayerKind: ExpressibleByArgument {}

extension CRS: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
