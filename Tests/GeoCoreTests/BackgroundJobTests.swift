import Foundation
import Testing

@testable import GeoCore

/// `BackgroundJob`: its value worked out on a thread of its own, read, or taken so that the job holds it no more.
@Suite struct BackgroundJobTests {
    /// The values alive, of any thread.
    final class Alive: @unchecked Sendable {
        private let lock = NSLock()
        private var values = Set<Int>()
        func add(_ v: Int) { lock.withLock { _ = values.insert(v) } }
        func remove(_ v: Int) { lock.withLock { _ = values.remove(v) } }
        func contains(_ v: Int) -> Bool { lock.withLock { values.contains(v) } }
    }

    final class Counted: @unchecked Sendable {
        let alive: Alive
        let value: Int

        init(_ value: Int, _ alive: Alive) {
            (self.value, self.alive) = (value, alive)
            alive.add(value)
        }

        deinit { alive.remove(value) }
    }

    @Test func aTakenValueIsLetGoWithItsTakerWhileTheJobLives() {
        let alive = Alive()
        let read = BackgroundJob { Counted(1, alive) }
        let taken = BackgroundJob { Counted(2, alive) }
        #expect(read.value.value == 1)
        #expect(taken.take().value == 2)
        // The read value is still held by its job; the taken one went with the expression that took it.
        #expect(alive.contains(1))
        #expect(!alive.contains(2))
        withExtendedLifetime((read, taken)) {}
    }
}
