import Dispatch
import Foundation

/// A value worked out on a thread of its own while the caller goes on (for work that fills a core the
/// caller's single-threaded stages leave idle); `value` waits for it. With `GIGAPLAN_THREADS=1` the
/// work runs at once, on the caller's thread.
public final class BackgroundJob<T: Sendable>: @unchecked Sendable {
    /// Written once by the job's thread before `finished` is signalled, read only after waiting for it.
    private var result: T?
    private let finished = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> T) {
        if singleThreaded {
            result = work()
            finished.signal()
            return
        }
        let thread = Thread { [self] in
            result = work()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The job's value, once it is done.
    public var value: T {
        finished.wait()
        defer { finished.signal() }
        return result!
    }

    /// The job's value, once it is done, handed over: the job keeps no reference to it, so that a large value
    /// is let go as soon as its taker lets go of it. Taken once; `value` cannot be read after it.
    public func take() -> T {
        finished.wait()
        defer { result = nil }
        return result!
    }
}
