import Foundation

/// Lets go of `value` on a thread of its own: for a large structure (arrays of values that hold references)
/// whose release, a release per reference, would otherwise hold up the caller's single-threaded stretch.
/// The caller hands over its reference (`consume`); where others still share parts of the value, those parts
/// only lose a reference. With `GIGAPLAN_THREADS=1` the value is let go at once, on the caller's thread.
public func releaseInBackground<T>(_ value: consuming T) {
    let held = HeldForRelease(value)
    if singleThreaded { return held.release() }
    Thread { held.release() }.start()
}

/// A value handed to the thread that lets go of it; the caller keeps no reference to the value itself.
private final class HeldForRelease<T>: @unchecked Sendable {
    private var value: T?

    init(_ value: consuming T) { self.value = value }

    func release() { value = nil }
}
