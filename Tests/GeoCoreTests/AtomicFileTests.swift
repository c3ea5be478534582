import Foundation
import Testing

@testable import GeoCore

/// AtomicFile writes in pieces of at most `writePiece` bytes: every piece arrives, in order.
@Suite struct AtomicFileTests {
    @Test func aFileOfSeveralPiecesIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gigaplan-atomic-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two and a half pieces and a few bytes, in a pattern that repeats only every 251 bytes, so that a
        // piece lost, repeated or out of order changes the file.
        let count = AtomicFile.writePiece * 5 / 2 + 7
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let path = folder.appendingPathComponent("big.bin").path
        try AtomicFile.write(bytes, to: path)
        let read = try #require(FileManager.default.contents(atPath: path))
        #expect(read.count == count)
        // Compared before the expectation: a failed `#expect(a == b)` would list the difference of two
        // collections of millions of bytes.
        let same = read.elementsEqual(bytes)
        #expect(same, "the file differs from the bytes written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["big.bin"])
    }

    @Test func aFullDiskIsReportedByItsErrno() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let bytes = [UInt8](repeating: 1, count: AtomicFile.writePiece + 1)
        var behind = WriteBehind(descriptor: fd)
        #expect(bytes.withUnsafeBytes { AtomicFile.writeAll(fd, $0, behind: &behind) } == ENOSPC)
    }
}
