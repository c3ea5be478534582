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
/// depend on the number of threads): `parallelMap` then works through its chunks in order, and
/// `concurrently` runs its jobs one after another.
public let singleThreaded = ProcessInfo.processInfo.environment["GIGAPLAN_THREADS"] == "1"

/// Maps `0..<count` in chunks on all cores and returns the results in index order, so that the output
/// is the same whatever the number of threads. `body` returns `resultsPerIndex` results per index of its
/// range, in index order.
///
/// Each chunk's results are copied into the joined array as soon as the chunk is done, and the chunk is
/// released then: the results are held once, not once in the chunks and again in the joined array.
@inlinable public func parallelMap<T: Sendable>(
    count: Int, chunkSize: Int = 512, resultsPerIndex: Int = 1, _ body: @Sendable (Range<Int>) -> [T]
) -> [T] {
    guard count > 0 else { return [] }
    let per = resultsPerIndex
    let chunks = (count + chunkSize - 1) / chunkSize
    if chunks == 1 { return checkedResults(body, per, 0..<count) }
    if singleThreaded {
        return (0..<chunks).flatMap { c in checkedResults(body, per, (c * chunkSize)..<min(count, (c + 1) * chunkSize))
        }
    }
    return [T](unsafeUninitializedCapacity: count * per) { buffer, initialized in
        let joined = JoinedResults(buffer)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (c * chunkSize)..<min(count, (c + 1) * chunkSize)
            let results = checkedResults(body, per, range)
            results.withUnsafeBufferPointer { joined.initialize(at: range.lowerBound * per, from: $0) }
        }
        initialized = count * per
    }
}

/// Maps `0..<count` on all cores, one result per index, in chunks of `chunkSize` indices, and returns the
/// results in index order (the same whatever the number of threads). Each result is made in its place in
/// the returned array: no chunk's array, and no copy of a result (which would retain every reference it
/// holds, and release it again with the chunk). Inlinable, so that it is specialized for its result type:
/// unspecialized, every result went through the type's generic copy.
@inlinable public func parallelMap<T: Sendable>(
    count: Int, chunkSize: Int = 512, each body: @Sendable (Int) -> T
) -> [T] {
    guard count > 0 else { return [] }
    let chunks = (count + chunkSize - 1) / chunkSize
    if singleThreaded || chunks == 1 { return (0..<count).map(body) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let joined = JoinedResults(buffer)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunkSize)..<min(count, (c + 1) * chunkSize) { joined.initialize(at: i, to: body(i)) }
        }
        initialized = count
    }
}

/// `body`'s results for `range`, which must be `per` for each index.
@usableFromInline func checkedResults<T>(_ body: (Range<Int>) -> [T], _ per: Int, _ range: Range<Int>) -> [T] {
    let results = body(range)
    precondition(
        results.count == range.count * per, "parallelMap: \(results.count) results for \(range.count) × \(per)")
    return results
}

/// The joined array's memory while parallel iterations fill it. `@unchecked Sendable` for the reason
/// given at `Slots`: every iteration initializes its own range, and the array is read only after
/// `concurrentPerform` has returned.
@usableFromInline struct JoinedResults<T>: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<T>

    @inlinable init(_ buffer: UnsafeMutableBufferPointer<T>) { base = buffer.baseAddress! }

    @inlinable func initialize(at index: Int, to result: consuming T) { (base + index).initialize(to: result) }

    @inlinable func initialize(at index: Int, from results: UnsafeBufferPointer<T>) {
        guard let first = results.baseAddress else { return }
        (base + index).initialize(from: first, count: results.count)
    }
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
