import Foundation

/// Lets go of `value` on a thread of its own: for a large structure (arrays of values that hold references)
/// whose release, a release per reference, would otherwise hold up the caller's single-threaded stretch.
/// The caller hands over its reference (`consume`); where others still share parts of the value, those parts
/// only lose a reference. With `returningFreeMemory` the thread then gives the allocator's free memory back
/// to the system (`Allocator.returnFreeMemory`), as a caller does after a stage that freed much: a trim on
/// the caller's thread could come before the release is done. With `GIGAPLAN_THREADS=1` all this happens at
/// once, on the caller's thread.
public func releaseInBackground<T>(_ value: consuming T, returningFreeMemory: Bool = false) {
    let held = HeldForRelease(value)
    let work = { @Sendable in
        held.release()
        if returningFreeMemory { Allocator.returnFreeMemory() }
    }
    if singleThreaded { return work() }
    Thread(block: work).start()
}

/// A value handed to the thread that lets go of it; the caller keeps no reference to the value itself.
private final class HeldForRelease<T>: @unchecked Sendable {
    private var value: T?

    init(_ value: consuming T) { self.value = value }

    func release() { value = nil }
}
