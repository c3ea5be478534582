import Dispatch
import Foundation

/// Slots written by parallel iterations. `@unchecked Sendable` because each slot is written by exactly
/// one iteration of `concurrentPerform` and read only after it has returned, which orders the writes
/// before the reads; no slot is ever shared between iterations. The slots are raw memory, not an
/// array, so that writing one slot is not an access to a shared array (which ThreadSanitizer rightly
/// reports as a race).
private final class Slots<T>: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<[T]>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: [])
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }
}

/// Whether `GIGAPLAN_THREADS=1` asks for everything on one thread (to check that results do not
/// depend on the number of threads).
let singleThreaded = ProcessInfo.processInfo.environment["GIGAPLAN_THREADS"] == "1"

/// Maps `0..<count` in chunks on all cores and returns the results in index order, so that the output
/// is the same whatever the number of threads.
public func parallelMap<T: Sendable>(count: Int, chunkSize: Int = 512, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
    guard count > 0 else { return [] }
    let chunks = (count + chunkSize - 1) / chunkSize
    if chunks == 1 { return body(0..<count) }
    if singleThreaded { return (0..<chunks).flatMap { c in body((c * chunkSize)..<min(count, (c + 1) * chunkSize)) } }
    let slots = Slots<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let range = (c * chunkSize)..<min(count, (c + 1) * chunkSize)
        slots.values[c] = body(range)
    }
    // Joined into an array of the exact size, each chunk released once it is copied: the chunks still to
    // copy and the joined array hold each result once, not twice over beside the copies of a growing array.
    var joined: [T] = []
    joined.reserveCapacity(slots.values.reduce(0) { $0 + $1.count })
    for c in 0..<chunks {
        joined.append(contentsOf: slots.values[c])
        slots.values[c] = []
    }
    return joined
}

/// Runs independent jobs at the same time, each on a thread of its own, and returns their results in
/// job order. Unlike `parallelMap` with one job per chunk (Dispatch runs an apply nested in another
/// apply on one thread), a job's own `parallelMap` still spreads over every core, so that a long job
/// takes up the cores the shorter ones leave. With `GIGAPLAN_THREADS=1` the jobs run one after another.
public func concurrently<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    if singleThreaded || jobs.count < 2 { return jobs.map { $0() } }
    let slots = Slots<T>(count: jobs.count)
    let group = DispatchGroup()
    for (k, job) in jobs.enumerated() {
        group.enter()
        let thread = Thread {
            slots.values[k] = [job()]
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    group.wait()
    return (0..<jobs.count).map { slots.values[$0][0] }
}
