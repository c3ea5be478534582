import Foundation
import GeoCore
import Testing

@testable import Reports

/// The rows of a layer, made once for the writers that read it at their own pace.
@Suite struct SharedRowsTests {
    /// Counts the rows a layer makes (rows are made on several threads).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    /// A layer of `count` rows whose one value is its index.
    static func layer(_ count: Int, _ made: Counter) -> OutputLayer {
        OutputLayer(
            name: "test", geometryType: "POINT", fields: [GeoPackageField("n", .integer)], count: count, description: ""
        ) { i in
            made.add()
            return OutputRow(geometry: .point(Coordinate(Double(i), 0)), values: [.number(Double(i))])
        }
    }

    /// Waits for `job` on a thread of its own for at most `seconds`; false when it has not finished.
    static func finishes(within seconds: Double, _ job: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread {
            job()
            done.signal()
        }.start()
        return done.wait(timeout: .now() + seconds) == .success
    }

    /// Three readers on three threads, each at its own pace: each sees every row in order, and every row
    /// is made once.
    @Test func everyReaderGetsEveryRowAndEachRowIsMadeOnce() {
        let made = Counter()
        let rows = SharedRows(Self.layer(10_007, made), readers: 3, chunkSize: 64, window: 3)
        let seen = concurrently(
            (0..<3).map { reader in
                { @Sendable in
                    var values: [Double] = []
                    for k in 0..<rows.chunkCount {
                        for row in rows.take(k, reader: reader) {
                            if case .number(let n) = row.values[0] { values.append(n) }
                        }
                        if reader == 1 && k % 16 == 0 { usleep(200) }
                    }
                    rows.finish(reader: reader)
                    return values
                }
            })
        for values in seen { #expect(values == (0..<10_007).map(Double.init)) }
        #expect(made.count == 10_007)
    }

    /// A reader `window` chunks ahead of the oldest chunk still held waits until the reader behind takes it.
    @Test func theReaderAheadWaitsForTheOneBehind() {
        let rows = SharedRows(Self.layer(20, Counter()), readers: 2, chunkSize: 2, window: 2)
        _ = rows.take(0, reader: 0)
        _ = rows.take(1, reader: 0)
        let ahead = DispatchSemaphore(value: 0)
        Thread {
            _ = rows.take(2, reader: 0)
            ahead.signal()
        }.start()
        #expect(ahead.wait(timeout: .now() + 0.2) == .timedOut, "chunk 2 was given while chunk 0 was held")
        _ = rows.take(0, reader: 1)
        #expect(ahead.wait(timeout: .now() + 10) == .success, "chunk 2 was not given after chunk 0 was let go")
    }

    /// By default a layer of at most `wholeLayerChunks` chunks is held whole: one reader takes every chunk
    /// while the other has taken none. A larger layer holds `defaultWindow` chunks: the reader ahead waits.
    @Test func aSmallLayerIsHeldWholeAndALargeOneByTheDefaultWindow() {
        let small = SharedRows(Self.layer(2 * SharedRows.wholeLayerChunks, Counter()), readers: 2, chunkSize: 2)
        #expect(small.chunkCount == SharedRows.wholeLayerChunks)
        #expect(Self.finishes(within: 10) { for k in 0..<small.chunkCount { _ = small.take(k, reader: 0) } })
        let large = SharedRows(Self.layer(2 * SharedRows.wholeLayerChunks + 1, Counter()), readers: 2, chunkSize: 2)
        let ahead = Self.finishes(within: 0.2) {
            for k in 0...SharedRows.defaultWindow { _ = large.take(k, reader: 0) }
        }
        #expect(!ahead, "chunk \(SharedRows.defaultWindow) of a large layer was given while chunk 0 was held")
        _ = large.take(0, reader: 1)
        large.finish(reader: 1)
    }

    /// A reader that ends early (a writer that failed) releases what it did not take: the others go on.
    @Test func aReaderThatGivesUpDoesNotHoldTheOthers() {
        let rows = SharedRows(Self.layer(20, Counter()), readers: 2, chunkSize: 2, window: 2)
        _ = rows.take(0, reader: 1)
        rows.finish(reader: 1)
        let all = Self.finishes(within: 10) { for k in 0..<rows.chunkCount { _ = rows.take(k, reader: 0) } }
        #expect(all)
    }

    /// The GeoPackage writer's way: rows in order with the next chunk made beside. A failure part-way ends
    /// the reader (its chunk being fetched ahead included) without leaving the other reader waiting.
    @Test func rowsMadeAheadInOrderAndAFailureReleases() throws {
        let rows = SharedRows(Self.layer(50, Counter()), readers: 2, chunkSize: 4, window: 2)
        let seen = concurrently(
            (0..<2).map { reader in
                { @Sendable in
                    var indexes: [Int] = []
                    try? rows.forEachRowMadeAhead(reader: reader) { i, row in
                        if row.values == [.number(Double(i))] { indexes.append(i) }
                    }
                    return indexes
                }
            })
        #expect(seen == [Array(0..<50), Array(0..<50)])
        struct Stop: Error {}
        let failing = SharedRows(Self.layer(50, Counter()), readers: 2, chunkSize: 2, window: 4)
        #expect(throws: Stop.self) { try failing.forEachRowMadeAhead(reader: 1) { i, _ in if i == 5 { throw Stop() } } }
        #expect(Self.finishes(within: 10) { for k in 0..<failing.chunkCount { _ = failing.take(k, reader: 0) } })
    }
}
