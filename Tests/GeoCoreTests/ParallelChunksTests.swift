import Foundation
import Synchronization
import Testing

@testable import GeoCore

/// `parallelChunks`: its chunks' results in chunk order, a loop at the top level taken up by Dispatch's
/// workers, and a loop open to a thread lent to it by `helpWithOpenLoops`, as the loader's threads lend
/// themselves once their own files are done.
@Suite struct ParallelChunksTests {
    @Test(arguments: [(1, 1), (7, 3), (1000, 64), (1024, 64), (5000, 512)]) func resultsComeInChunkOrder(
        count: Int, chunkSize: Int
    ) {
        let results = parallelChunks(count: count, chunkSize: chunkSize) { range in
            range.map { "\($0)-" + String(repeating: "x", count: $0 % 40) }
        }
        #expect(results.count == (count + chunkSize - 1) / chunkSize)
        #expect(results.joined().elementsEqual((0..<count).map { "\($0)-" + String(repeating: "x", count: $0 % 40) }))
    }

    /// At the top level, outside any other loop, Dispatch's workers take chunks beside the calling thread.
    @Test func aLoopAtTheTopLevelSpreads() throws {
        try #require(!singleThreaded && ProcessInfo.processInfo.activeProcessorCount > 1)
        let results = parallelChunks(count: 200, chunkSize: 1) { range in
            usleep(5_000)
            return (range.lowerBound, pthread_self())
        }
        #expect(results.map(\.0) == Array(0..<200))
        let caller = pthread_self()
        let byCaller = results.filter { pthread_equal($0.1, caller) != 0 }.count
        #expect(byCaller < 200, "every chunk on the calling thread")
    }

    /// A thread waiting in `helpWithOpenLoops` takes chunks of a loop opened on another thread, and goes back
    /// once told that the work it helps is finished. Each chunk waits a little, so that the loop is still open
    /// when the helper comes; the test counts the chunks that the lent thread itself worked out (Dispatch's
    /// workers take others), so it fails where a lent thread is never given a chunk.
    @Test func aLentThreadTakesChunks() throws {
        try #require(!singleThreaded)
        let finished = Atomic<Bool>(false)
        let helperThread = Mutex<pthread_t?>(nil)
        let helperDone = DispatchSemaphore(value: 0)
        let helper = Thread {
            helperThread.withLock { $0 = pthread_self() }
            helpWithOpenLoops { finished.load(ordering: .relaxed) }
            helperDone.signal()
        }
        helper.start()
        let results = parallelChunks(count: 200, chunkSize: 1) { range in
            usleep(5_000)
            return (range.lowerBound, pthread_self())
        }
        finished.store(true, ordering: .relaxed)
        wakeLoopHelpers()
        #expect(helperDone.wait(timeout: .now() + 30) == .success, "the helper went back")
        #expect(results.map(\.0) == Array(0..<200))
        let lent = try #require(helperThread.withLock { $0 })
        let byHelper = results.filter { pthread_equal($0.1, lent) != 0 }.count
        #expect(byHelper > 0 && byHelper < 200, "\(byHelper) of 200 chunks on the lent thread")
    }
}
