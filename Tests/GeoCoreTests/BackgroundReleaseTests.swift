import Foundation
import Testing

@testable import GeoCore

/// `releaseInBackground`: the value handed over is let go, once, and not on the caller's thread.
@Suite struct BackgroundReleaseTests {
    /// Signals when it is let go, and on which thread.
    final class Watched: @unchecked Sendable {
        let released: DispatchSemaphore
        let onThread: NSMutableArray

        init(_ released: DispatchSemaphore, _ onThread: NSMutableArray) {
            self.released = released
            self.onThread = onThread
        }

        deinit {
            onThread.add(Thread.current)
            released.signal()
        }
    }

    /// Also when the thread then gives the allocator's free memory back.
    @Test(arguments: [false, true]) func theValueIsLetGoOnAnotherThread(returningFreeMemory: Bool) throws {
        let released = DispatchSemaphore(value: 0)
        let onThread = NSMutableArray()
        // An array of them, as the analysis hands over its arrays of services.
        var values = (0..<3).map { _ in Watched(released, onThread) }
        values.append(values[0])
        releaseInBackground(consume values, returningFreeMemory: returningFreeMemory)
        for _ in 0..<3 { #expect(released.wait(timeout: .now() + 10) == .success) }
        #expect(released.wait(timeout: .now() + 0.1) == .timedOut, "a value was let go twice")
        #expect(onThread.count == 3)
        for case let thread as Thread in onThread { #expect(thread != Thread.current) }
    }
}
