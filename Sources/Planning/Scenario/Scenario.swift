import Foundation
import GeoCore

/// A planning scenario: inputs, settings and changes over the inputs, from a YAML file (and the files it
/// extends with `base:`). The format is documented in docs/scenarios.md.
public struct Scenario: Sendable {
    public enum InvalidPolicy: String, Sendable, CaseIterable {
        /// Any input error stops the run (exit code 1).
        case fail
        /// Features with errors are left out; the report counts them.
        case skip
    }

    public var name: String
    public var description: String?
    /// The language of the reports and CSV files (`locale: de` or `en`), when the scenario names one.
    public var locale: String?
    /// The date the data stands for (`as_of`); see `standDate()`.
    public var asOf: CalendarDate?
    /// The scenario file, and the files it extends, base first.
    public var files: [String]
    public var workingCRS: CRS = .etrs89UTM32
    public var csvCRS: CRS?
    public var onInvalid: InvalidPolicy = .fail
    /// Input files per layer, absolute.
    public var inputs: [LayerKind: [InputFile]] = [:]
    public var settings = AnalysisSettings()
    public var changes: [ScenarioChange] = []

    public var file: String { files.last ?? "" }

    /// `path` as written in outputs: relative to the folder of the scenario file, so that the outputs do not
    /// depend on where the project lies on disk (`../GeoData/x.geojson`).
    public func relativePath(_ path: String) -> String {
        guard path.hasPrefix("/"), file.hasPrefix("/") else { return path }
        let from = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Every input file, sorted (each once).
    public var inputPaths: [String] { Array(Set(inputs.values.flatMap { $0.map(\.path) })).sorted() }

    /// Whether `name` can name a scenario: it becomes a folder name under `out/`, so it must be a single
    /// plain folder name (not empty, not `.` or `..`, no path separators or control characters).
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name == "." || name == ".." { return "\"\(name)\" is not a folder name" }
        if name.contains("/") || name.contains("\\") { return "the name \"\(name)\" holds a path separator" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the name holds a control character"
        }
        if name.hasPrefix(".") { return "the name \"\(name)\" starts with a dot (a hidden folder)" }
        if name.utf8.count > 200 { return "the name is longer than 200 bytes" }
        return nil
    }
}

/// One input file of a layer, with what the scenario says about it.
public struct InputFile: Sendable, Hashable {
    public var path: String
    /// For a GeoPackage with several feature tables: the table.
    public var table: String?
    /// Values for fields a feature lacks (e.g. `standard: n` for a list of old routers), applied before
    /// the layer is read, so that no default of gigaplan's own is assumed for them.
    public var defaults = JSONObject()
    /// The id of each feature made from its fields, e.g. `{Street_ID}-{Number}{Number_Add}`.
    public var idTemplate: String?
    /// Who made the data and under which licence, for every report; else the file's sidecar
    /// (`FILE.source.json`), never its name.
    public var attribution: String?
    public var licence: String?

    public init(path: String, table: String? = nil) {
        self.path = path
        self.table = table
    }

    /// How the loader reads the file.
    public var options: InputOptions { InputOptions(table: table, defaults: defaults, idTemplate: idTemplate) }
}
