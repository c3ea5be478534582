import Foundation
import Testing

@testable import GeoCore

/// A failed write names the path and the reason in words, never a bare Foundation error code.
@Suite struct FileWriteErrorTests {
    @Test func fullDiskIsNamedWithThePath() throws {
        // /dev/full answers every write with ENOSPC, as a full disk does.
        var caught: (any Error)?
        do { try Data("x".utf8).write(to: URL(fileURLWithPath: "/dev/full")) } catch { caught = error }
        let error = try #require(caught)
        let wrapped = FileWriteError.wrap(error, path: "out/city/summary.json")
        #expect(wrapped.reason == String(cString: strerror(ENOSPC)), "\(error)")
        #expect(!wrapped.description.contains("Code="))
        #expect(
            FileWriteError.wrap(CocoaError(.fileWriteOutOfSpace), path: "out/a.csv").description
                == "out/a.csv: cannot write: \(String(cString: strerror(ENOSPC)))")
    }

    @Test func atomicWriteFailuresCarryThePath() {
        do {
            try AtomicFile.write("x", to: "/proc/gigaplan-cannot-write-here/a.txt")
            Issue.record("writing under /proc must fail")
        } catch {
            #expect(error.path.hasPrefix("/proc/gigaplan-cannot-write-here"), "\(error)")
            #expect(!error.reason.isEmpty && !error.reason.contains("Code="), "\(error)")
        }
    }
}
