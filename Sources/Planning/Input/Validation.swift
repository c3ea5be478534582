import GeoCore
import Radio

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
    public static func check(
        paths: [String], kind: LayerKind?, loader: GeoDataLoader, settings: AnalysisSettings = AnalysisSettings()
    ) -> ValidationReport {
        var report = ValidationReport()
        // Every layer of every file together, for the joins between layers.
        var all = GeoData(crs: loader.workingCRS)
        var firstFile: [LayerKind: Int] = [:]
        // Read and decoded on all cores, reported and merged in the order given. A table without
        // coordinates whose layer was only guessed from its name is not taken as that layer (statistics
        // tables such as the Breitbandatlas rows name districts in their titles). Decoded once: the
        // file's own problems, and its items for the joins.
        let parts = loader.readInParallel(
            paths.map { GeoDataLoader.FileToRead(path: $0, kind: kind) },
            decodeAs: { _, layer in
                let tableOnly = layer.features.metadata["geometry"] == .string("none")
                guard let k = layer.kind, kind != nil || !tableOnly || k.geometryOptional else { return nil }
                return k
            })
        for (path, part) in zip(paths, parts) {
            var result = FileResult(path: path, layers: [], problems: [], unreadable: nil)
            do {
                for (layer, decoded) in try part.get() {
                    let total = layer.featureCount
                    if let k = layer.kind, let decoded {
                        GeoDataLoader.merge(decoded, of: layer.features, as: k, into: &all)
                        if firstFile[k] == nil { firstFile[k] = report.files.count }
                        result.problems += decoded.problems
                        result.layers.append((layer.features.name, k, total, total - decoded.dropped[k, default: 0]))
                    } else {
                        var problems = layer.features.problems
                        if layer.features.features.allSatisfy({ $0.geometry == nil }) && layer.features.problems.isEmpty
                        {
                            problems.append(
                                InputProblem(
                                    .error, code: "no-geometry", file: path, layer: layer.features.name,
                                    reason:
                                        "a table without coordinates (no lon/lat, x/y or wkt columns), so not a map "
                                        + "layer; if it is a GeoData layer, name it with --layer (fixed-line "
                                        + "records may reference buildings by building_id)"))
                        } else {
                            problems.append(
                                InputProblem(
                                    .warning, code: "unknown-layer", file: path, layer: layer.features.name,
                                    reason:
                                        "the layer cannot be told from the name; only geometry and coordinates were "
                                        + "checked (give --layer to check its fields)"))
                        }
                        result.problems += problems
                        let bad = Set(problems.filter { $0.severity == .error }.compactMap(\.featureIndex))
                        let usable = problems.contains { $0.code == "no-geometry" } ? 0 : total - bad.count
                        result.layers.append((layer.features.name, nil, total, usable))
                    }
                }
            } catch { result.unreadable = error }
            report.files.append(result)
        }
        for problem in joinProblems(all, settings: settings) {
            guard let kind = LayerKind(rawValue: problem.layer ?? ""), let k = firstFile[kind] else { continue }
            var p = problem
            p.file = report.files[k].path
            report.files[k].problems.append(p)
        }
        return report
    }

    /// How well the layers that refer to buildings (fixed lines, WLAN, schools, focus points) find them,
    /// with the distances a run uses: one problem per layer that does not join fully, an error where a
    /// run would stop (fixed lines below `minimumJoinRate`).
    static func joinProblems(_ data: GeoData, settings: AnalysisSettings) -> [InputProblem] {
        guard !data.buildings.isEmpty, let context = try? SpatialContext(data: data, settings: settings) else {
            return []
        }
        var out: [InputProblem] = []
        func report(_ kind: LayerKind, joined: Int, total: Int, error: Bool, how: String) {
            guard total > 0, joined < total else { return }
            let rate = NumberText.plain((Double(joined) / Double(total) * 1000).rounded() / 10)
            let stop = error ? "; a run stops below \(NumberText.plain(settings.minimumJoinRate * 100)) %" : ""
            out.append(
                InputProblem(
                    error ? .error : .warning, code: "join-rate", file: "", layer: kind.rawValue,
                    reason: "\(joined) of \(total) \(how) find a building (\(rate) %), by building_id or within "
                        + "\(NumberText.plain(context.joinDistance(kind, settings))) m\(stop)"))
        }
        if !data.fixed.isEmpty {
            let join = FixedService.join(
                data.fixed, in: context, maximumDistanceM: context.joinDistance(.fixed, settings))
            let unmatched = FixedService.unmatched(join.problems)
            let joined = data.fixed.count - unmatched.unknownIDs - unmatched.tooFar
            report(
                .fixed, joined: joined, total: data.fixed.count,
                error: Double(joined) < settings.minimumJoinRate * Double(data.fixed.count), how: "fixed-line records")
        }
        if !data.wlan.isEmpty,
            let islands = try? WLANService.islands(
                data.wlan, in: context, settings: settings.wlan, joinDistanceM: context.joinDistance(.wlan, settings))
        {
            report(
                .wlan, joined: islands.filter { $0.buildingIndex != nil }.count, total: islands.count, error: false,
                how: "WLAN islands")
        }
        let focus = context.focus
        report(
            .schools, joined: data.schools.count - focus.schoolsWithoutBuilding, total: data.schools.count,
            error: false, how: "schools")
        let pointFocus = data.focusPoints.filter { !$0.geometry.isPolygonal }.count
        report(
            .focusPoints, joined: pointFocus - focus.focusPointsWithoutBuilding, total: pointFocus, error: false,
            how: "point focus points")
        return out
    }
}
