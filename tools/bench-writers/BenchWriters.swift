import BenchSupport
import Foundation
import GeoCore
import Planning
import Reports

/// Times the writers of a run: the scenario is analysed once, then each format (GeoJSON, CSV, GeoPackage)
/// is written alone into a temporary folder, `--repeat` times, as `gigaplan run --format` writes it. Run
/// with `GIGAPLAN_THREADS=1` (as `tools/bench writers` does) for one thread. Prints per format the best
/// time, the megabytes it wrote and its megabytes per second, and on one thread also without making the
/// layers' rows: a run makes each row once for all its writers (timed here as its own step, on one thread,
/// every layer's rows made and let go).
///
///     bench-writers SCENARIO [--repeat N] [--format geojson|csv|gpkg]
@main struct BenchWriters {
    static func main() { runReportingErrors(tool: "bench-writers") { try run() } }

    static func run() throws {
        var arguments = BenchArguments(usage: "bench-writers SCENARIO [--repeat N] [--format geojson|csv|gpkg]")
        let repeats = arguments.option("--repeat").flatMap(Int.init) ?? 3
        let only = arguments.option("--format").map { name -> OutputFormat in
            guard let format = OutputFormat(rawValue: name), format != .html else { arguments.fail() }
            return format
        }
        let path = arguments.first()
        let scenario = try ScenarioReader.read(path: path)
        let result = try Analysis.run(try scenario.loadData(), scenario: scenario)
        let layers = try ResultLayers.make(result)
        let formats: [(OutputFormat, String, (String) -> Bool)] = [
            (.geojson, "GeoJSON", { $0.hasPrefix("geojson/") }), (.csv, "CSV", { $0.hasPrefix("csv/") }),
            (.gpkg, "GeoPackage", { $0.hasSuffix(".gpkg") }),
        ].filter { only == nil || $0.0 == only }
        var rowSeconds: [String: Double] = [:]
        var best: [String: Double] = [:]
        var bytes: [String: Int] = [:]
        let scratch = FileManager.default.temporaryDirectory.path + "/bench-writers-\(getpid())"
        for _ in 0..<repeats {
            for layer in layers {
                let start = DispatchTime.now().uptimeNanoseconds
                for i in 0..<layer.count { _ = layer.row(i) }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                rowSeconds[layer.name] = min(rowSeconds[layer.name] ?? .infinity, seconds)
            }
            for (format, name, isOutput) in formats {
                let folder = try OutputFolder.claim(scratch, owner: "bench-writers", protecting: [])
                let start = DispatchTime.now().uptimeNanoseconds
                let written = try RunWriter.write(result, to: folder, formats: [format]).files.filter(isOutput)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best[name] = min(best[name] ?? .infinity, seconds)
                bytes[name] = try written.reduce(0) { total, file in
                    let size = try FileManager.default.attributesOfItem(atPath: scratch + "/" + file)[.size]
                    return total + ((size as? NSNumber)?.intValue ?? 0)
                }
                try FileManager.default.removeItem(atPath: scratch)
            }
        }
        let threads = singleThreaded ? "one thread" : "all cores (GIGAPLAN_THREADS=1 for one)"
        print("\(path): \(result.buildings.count) buildings, best of \(repeats) runs on \(threads)")
        let allRows = layers.reduce(0) { $0 + rowSeconds[$1.name]! }
        let csvRows = layers.filter { RunWriter.csvLayers.contains($0.name) }.reduce(0) { $0 + rowSeconds[$1.name]! }
        print("  " + "rows of every layer".padding(toLength: 22, withPad: " ", startingAt: 0) + seconds(allRows))
        for (format, name, _) in formats {
            let rows = format == .csv ? csvRows : allRows
            let megabytes = Double(bytes[name]!) / 1e6
            // The rows are timed on one thread: on all cores a writer makes them beside its own work, and their
            // time is not taken off.
            let withoutRows =
                singleThreaded ? String(format: ", %8.1f MB/s without the rows", megabytes / (best[name]! - rows)) : ""
            print(
                "  " + name.padding(toLength: 22, withPad: " ", startingAt: 0) + seconds(best[name]!)
                    + String(format: " %8.1f MB %8.1f MB/s", megabytes, megabytes / best[name]!) + withoutRows)
        }
        func seconds(_ s: Double) -> String { String(format: "%7.3f s", s) }
    }
}
