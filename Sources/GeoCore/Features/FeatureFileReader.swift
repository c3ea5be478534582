import Foundation

/// Reads the layers of a GeoData file by its extension: `.geojson`/`.json`, `.csv`/`.txt`, `.gpkg`.
public enum FeatureFileReader {
    public struct Options: Sendable {
        /// The CRS of `x`/`y` columns in a CSV file (the scenario or `--crs` names it).
        public var csvCRS: CRS?
        /// For a GeoPackage: read only this table.
        public var table: String?

        public init(csvCRS: CRS? = nil, table: String? = nil) {
            self.csvCRS = csvCRS
            self.table = table
        }
    }

    public static func read(path: String, options: Options = Options()) throws(UnreadableFile) -> [FeatureLayer] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UnreadableFile(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw UnreadableFile(path: path, reason: "is a directory, not a file") }
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        switch url.pathExtension.lowercased() {
        case "gpkg":
            return try GeoPackageReader.read(path: path, layer: options.table)
        case "csv", "txt", "tsv":
            return [try CSVFeatureReader.read(bytes: try bytes(path), path: path, layerName: name, crs: options.csvCRS)]
        case "geojson", "json":
            return [try GeoJSONReader.read(bytes: try bytes(path), path: path, layerName: name)]
        default:
            throw UnreadableFile(path: path, reason: "unknown file type \".\(url.pathExtension)\" (expected .geojson, .json, .csv or .gpkg)")
        }
    }

    static func bytes(_ path: String) throws(UnreadableFile) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UnreadableFile(path: path, reason: "cannot be opened (permissions?)")
        }
        return [UInt8](data)
    }
}
