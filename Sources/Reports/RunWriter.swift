import Foundation
import GeoCore
import Planning
import Radio

/// Writes every output of a run into an `OutputFolder` (which puts them in place atomically).
/// Re-running on the same input gives byte-identical files.
public enum RunWriter {
    /// Writes the outputs; returns the files written (relative to the folder) and the seconds each writer took.
    /// Every writer runs on a thread of its own, all at the same time.
    /// - Throws: `FileWriteError` with the path and the plain reason when a file cannot be written; the
    ///   folder is then discarded and the destination stays as it was.
    @discardableResult public static func write(
        _ r: RunResult, to folder: OutputFolder, formats: Set<OutputFormat>, locale: ReportLocale = .en,
        profile: OutputProfile = .full, progress: (any ProgressObserver)? = nil
    ) throws -> (files: [String], timings: [(String, Double)]) {
        try folder.fill { root in
            try writeFiles(r, root: root, formats: formats, locale: locale, profile: profile, progress: progress)
        }
    }

    /// The layers written to CSV.
    public static let csvLayers = [
        "buildings", "schools", "underserved_areas", "districts", "sites", "sectors", "wlan_aps", "project_areas",
        "addresses",
    ]

    /// The rows the layer writers write, over every format asked for (the total of the progress).
    static func rowCount(_ layers: [OutputLayer], grid: OutputLayer?, formats: Set<OutputFormat>) -> Int {
        var rows = 0
        for layer in layers {
            if formats.contains(.gpkg) { rows += layer.count }
            if formats.contains(.geojson) { rows += layer.count }
            if formats.contains(.csv) && csvLayers.contains(layer.name) { rows += layer.count }
        }
        if formats.contains(.gpkg) { rows += grid?.count ?? 0 }
        return rows
    }

    /// With `locale: .de` the CSV files are German (`;`, decimal comma, UTF-8 with BOM, German column
    /// names) and so is the report.
    static func writeFiles(
        _ r: RunResult, root: String, formats: Set<OutputFormat>, locale: ReportLocale = .en,
        profile: OutputProfile = .full, progress: (any ProgressObserver)? = nil
    ) throws -> (files: [String], timings: [(String, Double)]) {
        let scenario = r.scenario
        let summary = try r.summary.json()
        // The sub-folders, made here once: the writers make no folders (see AtomicFile).
        for (format, folder) in [(OutputFormat.geojson, "geojson"), (.csv, "csv")] where formats.contains(format) {
            do {
                try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: false)
            } catch { throw FileWriteError.wrap(error, path: root + "/" + folder) }
        }
        // The writers that read the result alone (the coverage raster, the report and the map page, the summary)
        // start at once, on threads of their own, while the layers are made on this one; the layers' writers
        // start once they are made. A failure here waits for them before it is thrown, so that none of them
        // writes into a folder that is discarded.
        var resultJobs: [(String, @Sendable () throws -> [String])] = []
        // The GeoTIFF of the coverage grid goes with the GeoPackage, on a thread of its own.
        if formats.contains(.gpkg), let grid = r.grid {
            resultJobs.append(
                (
                    "write raster",
                    {
                        try CoverageRaster.write(grid, crs: scenario.workingCRS, to: root + "/coverage.tif")
                        return ["coverage.tif"]
                    }
                ))
        }
        if formats.contains(.html) {
            resultJobs.append(
                (
                    "write html",
                    {
                        try AtomicFile.write(try HTMLReport.render(r, locale: locale), to: root + "/report.html")
                        do { try MapPage.write(r, to: root + "/map.html") } catch let e as MapPage.LeafletMissing {
                            throw FileWriteError(path: root + "/map.html", reason: e.description)
                        }
                        return ["map.html", "report.html"]
                    }
                ))
        }
        resultJobs.append(
            (
                "write summary",
                {
                    try AtomicFile.write(JSONWriter.serialize(summary, pretty: true) + "\n", to: root + "/summary.json")
                    return ["summary.json"]
                }
            ))
        let ofResult = resultJobs
        let resultWriters = BackgroundJob { runConcurrently(ofResult) }
        let layers: [OutputLayer]
        do { layers = try ResultLayers.make(r, profile: profile) } catch {
            _ = resultWriters.value
            throw error
        }
        let grid = ResultLayers.coverageGrid(r)
        progress?.begin("writing outputs (rows)", total: rowCount(layers, grid: grid, formats: formats))
        defer { progress?.end() }
        let generated = r.generatedLayers
        // Each layer's rows are made once for the GeoPackage, GeoJSON and CSV writers that write it; a
        // writer reads them as its place among those (`reader`), and lets go of what it did not read when it
        // ends, also when it fails, so that the others do not wait for it.
        let rowFormats: [OutputFormat] = [.gpkg, .geojson, .csv]
        let readersOf = layers.map { layer in
            rowFormats.filter { formats.contains($0) && ($0 != .csv || csvLayers.contains(layer.name)) }
        }
        let shared = layers.indices.map { SharedRows(layers[$0], readers: max(1, readersOf[$0].count)) }
        let reader = { @Sendable (format: OutputFormat, layer: Int) in readersOf[layer].firstIndex(of: format)! }
        let finishAll = { @Sendable (format: OutputFormat) in
            for k in layers.indices where readersOf[k].contains(format) { shared[k].finish(reader: reader(format, k)) }
        }
        var jobs: [(String, @Sendable () throws -> [String])] = []
        if formats.contains(.gpkg) {
            jobs.append(
                (
                    "write gpkg",
                    {
                        defer { finishAll(.gpkg) }
                        // The raster's tiles are made beside the rows, not after them.
                        let tiles = r.grid.map { grid in BackgroundJob { CoverageTiles.make(grid) } }
                        let writer = try GeoPackageWriter(
                            path: root + "/gigaplan.gpkg", timestamp: "\(r.standDate)T00:00:00.000Z")
                        let stamp = " (\(RunHistory.version), Stand \(r.standDate))"
                        // The layers' shared rows, then the coverage grid's (which only the GeoPackage writes).
                        let sources = layers.indices.map { (rows: shared[$0], place: reader(.gpkg, $0)) }
                        for (rows, place) in sources
                            + [grid].compactMap({ $0 }).map({ (rows: SharedRows($0, readers: 1), place: 0) })
                        {
                            let layer = rows.layer
                            try writer.addLayer(
                                layer.name, geometryType: layer.geometryType, crs: scenario.workingCRS,
                                fields: layer.fields, description: layer.description + stamp)
                            try rows.forEachRowMadeAhead(reader: place) { i, row in
                                try writer.insert(into: layer.name, geometry: row.geometry, values: row.values)
                                if i % 4096 == 4095 { progress?.advance(4096) }
                            }
                            progress?.advance(layer.count % 4096)
                            try writer.endLayer(layer.name)
                            for (k, style) in LayerStyles.styles(
                                for: layer, programme: r.settings.funding.areaProgramme
                            ).enumerated() {
                                try writer.addLayerStyle(
                                    layer: layer.name, name: style.name, qml: style.style.qml,
                                    description: "gigaplan: \(style.name)", isDefault: k == 0)
                            }
                        }
                        if let grid = r.grid, let (tiles, topLeft) = tiles?.value {
                            try writer.addTiles(
                                "coverage_raster", crs: scenario.workingCRS, origin: topLeft,
                                pixelSize: grid.resolutionM, tileSize: CoverageTiles.tileSize, tiles: tiles,
                                description: "Best outdoor downlink Mbit/s: \(CoverageLegend.description)" + stamp)
                        }
                        try writer.finish()
                        return ["gigaplan.gpkg"]
                    }
                ))
        }
        if formats.contains(.geojson) {
            jobs.append(
                (
                    "write geojson",
                    {
                        defer { finishAll(.geojson) }
                        let note = JSONObject([
                            ("scenario", .string(scenario.name)),
                            ("generated_inputs", .array(generated.map { .string($0) })),
                        ])
                        var files: [String] = []
                        for (k, layer) in layers.enumerated() {
                            let writer = GeoJSONWriter(decimals: 7)
                            let sink = try FileSink(path: root + "/geojson/\(layer.name).geojson")
                            var head: [UInt8] = []
                            writer.appendHead(
                                members: JSONObject([("name", .string(layer.name)), ("gigaplan", .object(note))]),
                                to: &head)
                            try sink.write(head)
                            let keys = GeoJSONWriter.PropertyKeys(layer.fields.map(\.name))
                            let idIndex = layer.fields.firstIndex { $0.name.lowercased() == "id" }
                            try streamFormatted(
                                shared[k], reader: reader(.geojson, k), progress: progress,
                                { range, rows, capacity in
                                    let projector = Projector.ofThisThread
                                    var text: [UInt8] = []
                                    text.reserveCapacity(max(capacity, range.count * 512))
                                    // Each geometry's coordinates in WGS 84, in one buffer the chunk reuses:
                                    // written in the geometry's structure, without a geometry made of them.
                                    var positions: [Coordinate] = []
                                    for (i, row) in zip(range, rows) {
                                        positions.removeAll(keepingCapacity: true)
                                        if let geometry = row.geometry {
                                            geometry.appendCoordinates(to: &positions)
                                            try projector.transform(&positions, from: scenario.workingCRS, to: .wgs84)
                                        }
                                        text.append(contentsOf: (i == 0 ? "\n" : ",\n").utf8)
                                        writer.appendFeature(
                                            geometry: row.geometry, positions: positions, keys: keys,
                                            values: row.values, idIndex: idIndex, to: &text)
                                    }
                                    return text
                                }, write: sink.write)
                            try sink.write("\n]}\n")
                            try sink.close()
                            files.append("geojson/\(layer.name).geojson")
                        }
                        return files
                    }
                ))
        }
        if formats.contains(.csv) {
            jobs.append(
                (
                    "write csv",
                    {
                        defer { finishAll(.csv) }
                        var files: [String] = []
                        func save(_ relative: String, _ text: String) throws {
                            try AtomicFile.write(text, to: root + "/" + relative)
                            files.append(relative)
                        }
                        for (k, layer) in layers.enumerated() where csvLayers.contains(layer.name) {
                            try CSVWriter.write(
                                shared[k], reader: reader(.csv, k),
                                wktCRS: ["buildings", "underserved_areas", "project_areas", "addresses"].contains(
                                    layer.name) ? scenario.workingCRS : nil, locale: locale, progress: progress,
                                to: root + "/csv/\(layer.name).csv")
                            files.append("csv/\(layer.name).csv")
                        }
                        try save(
                            "csv/download_times.csv", DownloadTimeText.render(DownloadTimeTable(), .csv, locale: locale)
                        )
                        try save(
                            "csv/street_wlan_coverage.csv",
                            CSVWriter.table(
                                header: ["street_id", "name", "length_m", "covered_m"],
                                rows: r.streetCoverage.map {
                                    [
                                        $0.streetID, $0.name ?? "", NumberFormat.fixed($0.lengthM, decimals: 1),
                                        NumberFormat.fixed($0.coveredM, decimals: 1),
                                    ]
                                }))
                        let problems = r.problems
                        try save(
                            "csv/input_problems.csv",
                            CSVWriter.table(
                                header: [
                                    "severity", "code", "file", "layer", "feature_index", "id", "field", "reason",
                                ],
                                rows: problems.map {
                                    [
                                        $0.severity.rawValue, $0.code, scenario.relativePath($0.file), $0.layer ?? "",
                                        $0.featureIndex.map(String.init) ?? "", $0.featureID ?? "", $0.field ?? "",
                                        $0.reason,
                                    ]
                                }))
                        return files
                    }
                ))
        }
        // The layers' writers, then the others, in the order of their timings.
        let results = runConcurrently(jobs) + resultWriters.value
        var files: [String] = []
        var timings: [(String, Double)] = []
        for (name, result) in results {
            let (written, time) = try result.get()
            files += written
            timings.append((name, time))
        }
        return (files.sorted(), timings)
    }

    /// Runs each writer on a thread of its own, all at the same time (the GeoJSON and CSV writers' parallel
    /// batches then use the cores the others leave); per writer, in order, its name and the files it wrote
    /// with its seconds, or its error.
    static func runConcurrently(
        _ jobs: [(String, @Sendable () throws -> [String])]
    ) -> [(String, Result<([String], Double), any Error>)] {
        let results: [Result<([String], Double), any Error>] = concurrently(
            jobs.map { job in
                {
                    let start = ContinuousClock.now
                    return Result { (try job.1(), seconds(start.duration(to: .now))) }
                }
            })
        return Array(zip(jobs.map(\.0), results))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
