import BenchSupport
import Foundation
import GeoCore
import Planning

/// Times the loader's steps for one input file on one thread: reading the bytes, parsing them into
/// features, preparing them (projection to EPSG:25832, validity) and decoding them into the planner's
/// items. Each step's best of `--repeat` runs is printed with its megabytes per second of the file; the first
/// run is the one a `gigaplan run` makes (`--repeat 1` shows it alone), the later ones find the memory
/// that the first freed.
///
///     bench-loader FILE [--kind buildings|fixed|sites|…] [--repeat N]
@main struct BenchLoader {
    static func main() { runReportingErrors(tool: "bench-loader") { try run() } }

    static func run() throws {
        var arguments = BenchArguments(usage: "bench-loader FILE [--kind KIND] [--repeat N]")
        let repeats = arguments.option("--repeat").flatMap(Int.init) ?? 5
        let kindName = arguments.option("--kind")
        let path = arguments.first()
        let url = URL(fileURLWithPath: path)
        let kind = kindName.flatMap(LayerKind.init(rawValue:)) ?? LayerKind(guessingFrom: url.lastPathComponent)
        guard let kind else {
            FileHandle.standardError.write(Data("bench-loader: name the layer kind with --kind\n".utf8))
            exit(2)
        }
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        var best: [String: Double] = [:]
        var order: [String] = []
        func timed<T>(_ step: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try work()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if best[step] == nil { order.append(step) }
            best[step] = min(best[step] ?? .infinity, seconds)
            return result
        }
        let projector = Projector.ofThisThread
        var features = 0
        for _ in 0..<repeats {
            var layers = try timed("read and parse") { try FeatureFileReader.read(path: path) }
            var prepared: [FeatureLayer] = []
            try timed("prepare (project, check)") {
                // Each layer is taken out of the list, so that it is projected in place, as the loader does.
                while !layers.isEmpty {
                    prepared.append(try layers.removeFirst().prepared(for: .etrs89UTM32, projector: projector))
                }
            }
            timed("decode") { for layer in prepared { _ = GeoDataLoader.decode(layer, as: kind) } }
            features = prepared.reduce(0) { $0 + $1.features.count }
        }
        print("\(path): \(Int(size)) bytes, \(features) features, best of \(repeats) runs on one thread")
        var total = 0.0
        for step in order {
            total += best[step]!
            line(step, best[step]!)
        }
        line("all", total)
        func line(_ step: String, _ seconds: Double) {
            let name = step.padding(toLength: 26, withPad: " ", startingAt: 0)
            print("  \(name)" + String(format: "%7.3f s %8.1f MB/s", seconds, size / seconds / 1e6))
        }
    }
}
