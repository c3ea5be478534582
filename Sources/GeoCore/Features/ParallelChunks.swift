import Dispatch
import Foundation
import Synchronization

/// Maps `0..<count` in chunks of `chunkSize` and returns the chunks' results in chunk order (the same
/// whatever the number of threads), on the calling thread, on Dispatch's workers and on every thread that
/// `helpWithOpenLoops` lends to it.
///
/// This is for a loop that may run inside another parallel loop, where `parallelMap` cannot spread:
/// Dispatch gives a nested loop only the width its outer loop leaves, so inside a loop over two files on two
/// cores a file's own `parallelMap` runs on one thread. Here the loop is open to the outer loop's threads as
/// soon as they have nothing else to do, and to Dispatch's workers as soon as one is free, so it takes a core
/// only once one is free (no thread competes for a core that the outer loop's other work still uses). Every
/// chunk is taken once, by whichever thread asks first, and its result goes to its own slot. With
/// `GIGAPLAN_THREADS=1`, or a single chunk, the chunks run in order on the calling thread.
public func parallelChunks<T: Sendable>(count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    precondition(chunkSize > 0, "parallelChunks: chunk size \(chunkSize)")
    guard count > 0 else { return [] }
    let chunks = (count + chunkSize - 1) / chunkSize
    if singleThreaded || chunks == 1 {
        return (0..<chunks).map { c in body((c * chunkSize)..<min(count, (c + 1) * chunkSize)) }
    }
    return withoutActuallyEscaping(body) { body in
        [T](unsafeUninitializedCapacity: chunks) { buffer, initialized in
            let results = JoinedResults(buffer)
            let loop = ChunkLoop(chunks: chunks) { c in
                results.initialize(at: c, to: body((c * chunkSize)..<min(count, (c + 1) * chunkSize)))
            }
            OpenLoops.shared.open(loop)
            // Dispatch's workers help too once one is free: at the top level at once, inside another loop
            // when that loop's work leaves one (a helper that comes after the loop has closed does nothing).
            for _ in 1..<ProcessInfo.processInfo.activeProcessorCount {
                DispatchQueue.global().async { OpenLoops.shared.join(loop) }
            }
            loop.work()
            // Waits for the threads still on one of its chunks, and lets go of `body`.
            OpenLoops.shared.close(loop)
            initialized = chunks
        }
    }
}

/// Lends the calling thread to the open `parallelChunks` loops, one after another, until `finished` holds
/// while no loop is open. A thread of an outer parallel loop calls it once its own part is done; `finished`
/// then tells whether the outer loop's other parts are done too (a part still running may yet open a loop).
/// Whoever makes `finished` true calls `wakeLoopHelpers()`.
public func helpWithOpenLoops(until finished: () -> Bool) { OpenLoops.shared.help(until: finished) }

/// Wakes the threads waiting in `helpWithOpenLoops` to ask their `finished` again.
public func wakeLoopHelpers() { OpenLoops.shared.wake() }

/// One `parallelChunks` loop: its chunks, the next one to take, and what to do with a chunk.
private final class ChunkLoop: @unchecked Sendable {
    let chunks: Int
    private let next = Atomic<Int>(0)
    /// Works out chunk k; set while the loop is open, let go of when it closes (guarded by `OpenLoops`).
    var run: ((Int) -> Void)?
    /// The helpers at work on the loop (guarded by `OpenLoops`).
    var helpers = 0

    init(chunks: Int, run: @escaping (Int) -> Void) {
        self.chunks = chunks
        self.run = run
    }

    /// Whether chunks are left to take.
    var hasChunksLeft: Bool { next.load(ordering: .relaxed) < chunks }

    /// Takes chunks and works them out until none is left.
    func work() {
        guard let run else { return }
        while case let c = next.wrappingAdd(1, ordering: .relaxed).oldValue, c < chunks { run(c) }
    }
}

/// The open loops of the process, and the threads lent to them.
private final class OpenLoops: @unchecked Sendable {
    static let shared = OpenLoops()

    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var loops: [ChunkLoop] = []

    func open(_ loop: ChunkLoop) {
        condition.lock()
        loops.append(loop)
        condition.broadcast()
        condition.unlock()
    }

    func close(_ loop: ChunkLoop) {
        condition.lock()
        loops.removeAll { $0 === loop }
        while loop.helpers > 0 { condition.wait() }
        loop.run = nil
        condition.unlock()
    }

    /// Works on `loop` if it is still open with chunks left.
    func join(_ loop: ChunkLoop) {
        condition.lock()
        if loops.contains(where: { $0 === loop }), loop.hasChunksLeft { assist(loop) }
        condition.unlock()
    }

    func help(until finished: () -> Bool) {
        condition.lock()
        while true {
            if let loop = loops.first(where: \.hasChunksLeft) {
                assist(loop)
            } else if finished() {
                break
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }

    /// Takes chunks of `loop` until none is left, counted among its helpers; called and returns with the
    /// lock held.
    private func assist(_ loop: ChunkLoop) {
        loop.helpers += 1
        condition.unlock()
        loop.work()
        condition.lock()
        loop.helpers -= 1
        condition.broadcast()
    }

    func wake() {
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }
}
