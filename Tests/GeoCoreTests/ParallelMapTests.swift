import Foundation
import Testing

@testable import GeoCore

/// `parallelMap` against a plain `map` of the same body: the same results in the same order, for counts
/// that fill their last chunk and counts that do not, with one or several results per index; and every
/// result, an object, made once and released with the joined array (a copy not released, or released
/// twice, would show in the count of live objects or crash). The same for the variant with one result per
/// index made in its place (`each:`). One test at a time: they share the count of live objects.
@Suite(.serialized) struct ParallelMapTests {
    final class Counted: @unchecked Sendable {
        static let lock = NSLock()
        nonisolated(unsafe) static var alive = 0
        let value: Int

        init(_ value: Int) {
            self.value = value
            Self.lock.withLock { Self.alive += 1 }
        }

        deinit { Self.lock.withLock { Self.alive -= 1 } }
    }

    @Test(arguments: [(1, 1, 1), (7, 3, 1), (1000, 64, 1), (1024, 64, 1), (999, 100, 3), (5000, 512, 2)])
    func resultsComeInIndexOrder(count: Int, chunkSize: Int, per: Int) {
        let expected = (0..<count).flatMap { i in
            (0..<per).map { "\(i)-\($0)-" + String(repeating: "x", count: i % 40) }
        }
        let results = parallelMap(count: count, chunkSize: chunkSize, resultsPerIndex: per) { range in
            range.flatMap { i in (0..<per).map { "\(i)-\($0)-" + String(repeating: "x", count: i % 40) } }
        }
        #expect(results == expected)
    }

    @Test func resultsAreHeldOnceAndReleasedWithTheArray() {
        do {
            let results = parallelMap(count: 10_000, chunkSize: 300) { range in range.map { Counted($0) } }
            #expect(Counted.alive == 10_000)
            #expect(results.map(\.value) == Array(0..<10_000))
        }
        #expect(Counted.alive == 0)
    }

    @Test(arguments: [(1, 1), (7, 3), (1000, 64), (1024, 64), (5000, 512)]) func eachResultComesInIndexOrder(
        count: Int, chunkSize: Int
    ) {
        let results = parallelMap(
            count: count, chunkSize: chunkSize, each: { i in "\(i)-" + String(repeating: "x", count: i % 40) })
        #expect(results == (0..<count).map { "\($0)-" + String(repeating: "x", count: $0 % 40) })
    }

    @Test func eachResultIsHeldOnceAndReleasedWithTheArray() {
        do {
            let results = parallelMap(count: 10_000, chunkSize: 300, each: { Counted($0) })
            #expect(Counted.alive == 10_000)
            #expect(results.map(\.value) == Array(0..<10_000))
        }
        #expect(Counted.alive == 0)
    }
}
