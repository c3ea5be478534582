import GeoCore
import Planning

/// The `validate` report as text (one line per problem and per layer, then a total) or as JSON.
public enum ValidationText {
    public static func text(_ report: ValidationReport) -> String {
        var out = ""
        for file in report.files {
            if let unreadable = file.unreadable {
                out += "\(unreadable)\n"
                continue
            }
            for p in file.problems { out += "\(p)\n" }
            for l in file.layers {
                let errors = file.problems.filter { $0.severity == .error && $0.layer == (l.kind?.rawValue ?? l.name) }
                    .count
                let warnings = file.problems.filter {
                    $0.severity == .warning && $0.layer == (l.kind?.rawValue ?? l.name)
                }.count
                out +=
                    "\(file.path): \(l.kind.map { "layer \($0.rawValue)" } ?? "unknown layer \(l.name)"): "
                    + "\(l.features) features, \(l.usable) usable, \(errors) errors, \(warnings) warnings\n"
            }
        }
        let errors = report.problems.filter { $0.severity == .error }.count
        let warnings = report.problems.count - errors
        let unreadable = report.files.filter { $0.unreadable != nil }.count
        let reference = errors + warnings + unreadable > 0 ? " (fields, units and spellings: docs/input-layers.md)" : ""
        out +=
            "\(report.files.count) file(s): \(errors) errors, \(warnings) warnings, \(unreadable) "
            + "unreadable\(reference)\n"
        return out
    }

    public static func json(_ report: ValidationReport) -> JSONValue {
        var root = JSONObject()
        root["files"] = .array(
            report.files.map { file in
                var o = JSONObject()
                o["path"] = .string(file.path)
                o["unreadable"] = file.unreadable.map { .string($0.reason) } ?? .null
                o["layers"] = .array(
                    file.layers.map { l in
                        .object(
                            JSONObject([
                                ("name", .string(l.name)), ("layer", l.kind.map { .string($0.rawValue) } ?? .null),
                                ("features", .number(Double(l.features))), ("usable", .number(Double(l.usable))),
                            ]))
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
