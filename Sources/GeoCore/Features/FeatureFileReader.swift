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
            let head = try leadingBytes(path, 16)
            guard head.starts(with: Array("SQLite format 3".utf8) + [0]) else {
                throw UnreadableFile(
                    path: path,
                    reason: head.isEmpty
                        ? "the file is empty" : "not a GeoPackage: it is not an SQLite database (no SQLite header)")
            }
            return try GeoPackageReader.read(path: path, layer: options.table)
        case "csv", "txt", "tsv":
            try screen(path, format: "CSV")
            return [try CSVFeatureReader.read(bytes: try bytes(path), path: path, layerName: name, crs: options.csvCRS)]
        case "geojson", "json":
            try screen(path, format: "GeoJSON")
            return [try GeoJSONReader.read(bytes: try bytes(path), path: path, layerName: name)]
        default:
            throw UnreadableFile(
                path: path,
                reason: "unknown file type \".\(url.pathExtension)\" (expected .geojson, .json, .csv or .gpkg)")
        }
    }

    /// Stops early on a file that is plainly not text (a NUL byte near its start), before it is read whole.
    static func screen(_ path: String, format: String) throws(UnreadableFile) {
        if let problem = TextScreening.binaryProblem(try leadingBytes(path, TextScreening.sniffLength), format: format)
        {
            throw UnreadableFile(path: path, reason: problem)
        }
    }

    static func leadingBytes(_ path: String, _ count: Int) throws(UnreadableFile) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw UnreadableFile(path: path, reason: "cannot be opened (permissions?)")
        }
        defer { try? handle.close() }
        do { return [UInt8](try handle.read(upToCount: count) ?? Data()) } catch {
            throw UnreadableFile(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// The file's bytes, read straight into the array that is returned (through `Data` they were read
    /// once and copied once, both copies held for a moment: a large input's size twice over).
    static func bytes(_ path: String) throws(UnreadableFile) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw UnreadableFile(path: path, reason: "cannot be opened (permissions?)") }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? max(Int(info.st_size), 0) : 0
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = readBytes(fd, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = n < 0 ? errno : 0
                    return
                }
                count += n
            }
        }
        // What the file holds beyond the size it had when opened (it grew, or reports no size).
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 {
            let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failure = errno }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        guard failure == 0 else {
            throw UnreadableFile(path: path, reason: "cannot be read: \(String(cString: strerror(failure)))")
        }
        return bytes
    }
}

/// POSIX `read(2)` (inside `FeatureFileReader` the name is its own `read`).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
