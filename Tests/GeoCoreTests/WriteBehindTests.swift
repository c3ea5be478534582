import Foundation
import Testing

@testable import GeoCore

/// A file written behind keeps every byte, and the windows behind the last two leave the page cache.
/// Residency is read with `mincore` on a mapping of the file (mapping does not read a page in).
@Suite struct WriteBehindTests {
    /// Pages of 4 KiB; windows of 64 pages.
    static let page = 4096
    static let window = 64 * page

    @Test func aFileWrittenBehindIsWholeAndItsEarlyWindowsLeaveTheCache() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Four windows and a part, in pieces that do not line up with the windows, in a pattern that repeats
        // only every 251 bytes.
        let count = 4 * Self.window + 1234
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let path = folder + "/behind.bin"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        var behind = WriteBehind(descriptor: fd, window: Self.window)
        var offset = 0
        while offset < count {
            let piece = min(10_000, count - offset)
            let failure = bytes[offset..<offset + piece].withUnsafeBytes {
                AtomicFile.writeAll(fd, $0, behind: &behind)
            }
            try #require(failure == 0)
            offset += piece
        }
        close(fd)
        // The windows were started at every 64 pages; each window was dropped once the next one was full:
        // after four windows, the first two are out of the cache (looked at before reading the file back).
        if let resident = try Self.residentPages(path, upTo: 2 * Self.window) {
            #expect(resident == 0, "\(resident) pages of the first two windows are still in the cache")
        }
        let read = try #require(FileManager.default.contents(atPath: path))
        let same = read.elementsEqual(bytes)
        #expect(same, "the file differs from the bytes written")
    }

    /// `grew(to:)` follows a file that someone else writes (SQLite's pages).
    @Test func aFileGrownElsewhereIsWrittenBehind() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/grown.bin"
        let writer = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(writer >= 0)
        defer { close(writer) }
        let watcher = open(path, O_RDONLY)
        try #require(watcher >= 0)
        defer { close(watcher) }
        var behind = WriteBehind(descriptor: watcher, window: Self.window)
        let block = [UInt8](repeating: 7, count: Self.window / 2)
        for k in 1...8 {
            try #require(block.withUnsafeBytes { Foundation.write(writer, $0.baseAddress, $0.count) } == block.count)
            behind.grew(to: k * block.count)
            // A size not beyond what was seen changes nothing.
            behind.grew(to: block.count)
        }
        if let resident = try Self.residentPages(path, upTo: 2 * Self.window) {
            #expect(resident == 0, "\(resident) pages of the first two windows are still in the cache")
        }
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gigaplan-behind-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    /// The type of the file system `path` is on, from the longest mount point before it in /proc/mounts.
    static func fileSystem(of path: String) -> String? {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return nil }
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count > 2, path == fields[1] || path.hasPrefix(fields[1] == "/" ? "/" : fields[1] + "/") else {
                continue
            }
            if fields[1].count >= (best?.point.count ?? -1) { best = (fields[1], fields[2]) }
        }
        return best?.type
    }

    /// How many of the file's first `length` bytes' pages are in the page cache; nil where the system
    /// keeps no page cache to drop (not Linux, or a tmpfs, whose pages are the file).
    static func residentPages(_ path: String, upTo length: Int) throws -> Int? {
        #if os(Linux)
        guard fileSystem(of: path) != "tmpfs" else { return nil }
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let map = try #require(mmap(nil, length, PROT_READ, MAP_SHARED, fd, 0))
        try #require(map != MAP_FAILED)
        defer { munmap(map, length) }
        var vector = [UInt8](repeating: 0, count: (length + page - 1) / page)
        try #require(mincore(map, length, &vector) == 0)
        return vector.filter { $0 & 1 != 0 }.count
        #else
        return nil
        #endif
    }
}
