import GeoCore

/// The outcome of checking GeoData files: every problem, per file the layer and counts.
public struct ValidationReport: Sendable {
    public struct FileResult: Sendable {
        public var path: String
        public var layers: [(name: String, kind: LayerKind?, features: Int, usable: Int)]
        public var problems: [InputProblem]
        public var unreadable: UnreadableFile?
    }

    public var files: [FileResult] = []

    public var problems: [InputProblem] { files.flatMap(\.problems) }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
    public var hasUnreadable: Bool { files.contains { $0.unreadable != nil } }

    /// 0 clean (warnings allowed), 1 problems found, 2 a file could not be read at all.
    public var exitCode: Int32 { hasUnreadable ? 2 : hasErrors ? 1 : 0 }

    /// Checks each file as the layer `kind` names, or the layer its name suggests. Files whose layer
    /// cannot be told are checked for readable, plausible geometry only.
    public static func check(paths: [String], kind: LayerKind?, loader: GeoDataLoader) -> ValidationReport {
        var report = ValidationReport()
        for path in paths {
            var result = FileResult(path: path, layers: [], problems: [], unreadable: nil)
            do {
                for layer in try loader.read(path: path, kind: kind) {
                    let total = layer.features.features.count
                    // A table without coordinates whose layer was only guessed from its name is not taken as
                    // that layer (statistics tables such as the Breitbandatlas rows name districts in their titles).
                    let tableOnly = layer.features.metadata["geometry"] == .string("none")
                    if let k = layer.kind, kind != nil || !tableOnly || k.geometryOptional {
                        var data = GeoData(crs: loader.workingCRS)
                        GeoDataLoader.add(layer.features, as: k, into: &data)
                        result.problems += data.problems
                        result.layers.append((layer.features.name, k, total, total - data.dropped[k, default: 0]))
                    } else {
                        var problems = layer.features.problems
                        if layer.features.features.allSatisfy({ $0.geometry == nil }) && layer.features.problems.isEmpty {
                            problems.append(InputProblem(.error, code: "no-geometry", file: path, layer: layer.features.name,
                                                         reason: "a table without coordinates (no lon/lat, x/y or wkt columns), so not a map layer; if it is a GeoData layer, name it with --layer (fixed-line records may reference buildings by building_id)"))
                        } else {
                            problems.append(InputProblem(.warning, code: "unknown-layer", file: path, layer: layer.features.name,
                                                         reason: "the layer cannot be told from the name; only geometry and coordinates were checked (give --layer to check its fields)"))
                        }
                        result.problems += problems
                        let bad = Set(problems.filter { $0.severity == .error }.compactMap(\.featureIndex))
                        let usable = problems.contains { $0.code == "no-geometry" } ? 0 : total - bad.count
                        result.layers.append((layer.features.name, nil, total, usable))
                    }
                }
            } catch {
                result.unreadable = error
            }
            report.files.append(result)
        }
        return report
    }
}
