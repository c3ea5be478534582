import Foundation
import TestSupport
import Testing

/// The helper that runs `gigaplan` in the tests reads both of a program's pipes to their end.
@Suite struct ProcessRunTests {
    /// A program that fills its standard error (more than a pipe's 64 KiB) before it writes its standard
    /// output: read one pipe after the other, the program and the helper wait for each other for ever (as
    /// a run traced with `LD_DEBUG`, which writes to standard error, did under the thread sanitizer). The
    /// helper runs on a thread of its own, so that such a wait fails the test instead of stopping the run.
    @Test func largeStandardErrorBeforeStandardOutput() throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread.detachNewThread {
            outcome.result = try? Fixtures.run(
                "/bin/sh", ["-c", "head -c 300000 /dev/zero | tr '\\0' e >&2; echo out"])
            finished.signal()
        }
        guard finished.wait(timeout: .now() + 60) == .success else {
            Issue.record("the helper still waits for the program after 60 s")
            return
        }
        let r = try #require(outcome.result)
        #expect(r.status == 0)
        #expect(r.stdout == "out\n")
        #expect(r.stderr.utf8.count == 300_000)
        #expect(r.stderr.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    /// The helper's result, written by its thread before it signals.
    private final class Outcome: @unchecked Sendable { var result: Fixtures.ProcessResult? }
}
