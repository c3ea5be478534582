import Foundation
import GeoCore
import Planning

/// The readers that take bytes from users, as fuzz targets: each runs one input through a reader and
/// what follows it in a run (screening, projection, decoding into the domain). Errors are the expected
/// answer to bad input; a crash, a hang or a sanitizer report is a defect.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case geojson, csv, wkb, scenario

    /// Runs one input.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .geojson:
            guard let layer = try? GeoJSONReader.read(bytes: bytes, path: "fuzz.geojson", layerName: "fuzz") else {
                return
            }
            decode(layer)
        case .csv:
            guard
                let layer = try? CSVFeatureReader.read(
                    bytes: bytes, path: "fuzz.csv", layerName: "fuzz", crs: .etrs89UTM32)
            else { return }
            decode(layer)
        case .wkb:
            _ = try? WKB.decode(bytes)
            if let g = try? GeoPackageGeometry.decode(bytes) {
                decode(
                    FeatureLayer(
                        name: "fuzz", source: "fuzz.gpkg", crs: .etrs89UTM32, features: [Feature(index: 0, geometry: g)]
                    ))
            }
        case .scenario: _ = try? ScenarioReader.read(bytes: bytes, path: FuzzTarget.scenarioFolder + "/fuzz.yaml")
        }
    }

    /// One projector for the whole fuzzing process (creating transformations costs milliseconds); the
    /// fuzzer calls the target from one thread only.
    nonisolated(unsafe) static let projector = Projector()

    /// A folder with one small input of each layer, so that fuzzed scenarios can name real files.
    static let scenarioFolder: String = {
        let folder = NSTemporaryDirectory() + "gigaplan-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let point =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"Point","#
            + #""coordinates":[7.62,51.96]},"properties":{}}]}"#
        for name in ["buildings", "sites", "wlan", "schools", "districts"] {
            try? Data(point.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).geojson"))
        }
        return folder
    }()

    /// Screens, projects and decodes a layer as buildings, sites and districts, as a run would.
    func decode(_ layer: FeatureLayer) {
        guard let prepared = try? layer.prepared(for: .etrs89UTM32, projector: Self.projector) else { return }
        for kind in [LayerKind.buildings, .sites, .districts, .fixed] {
            var data = GeoData(crs: .etrs89UTM32)
            GeoDataLoader.add(prepared, as: kind, into: &data)
        }
    }

    /// Runs every file of `paths` (files or folders of files) through the target; returns how many ran.
    public func replay(_ paths: [String]) throws -> Int {
        var count = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files =
                isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                run([UInt8](data))
                count += 1
            }
        }
        return count
    }
}
