import CGEOS

/// One GEOS reentrant context with its error handler. Not Sendable: one per task.
///
/// GEOS reports errors through a message handler; the last message is kept here and turned into a
/// `GEOSError` by `check`.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private(set) var lastError: String?

    init() {
        handle = GEOS_init_r()
        let selfPointer = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userData in
                guard let userData else { return }
                let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
                context.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
            }, selfPointer)
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit { GEOS_finish_r(handle) }

    /// Throws the last GEOS error (or `fallback`) when `pointer` is nil, returns it otherwise.
    func check<T>(_ pointer: T?, _ fallback: @autoclosure () -> String) throws -> T {
        if let pointer { return pointer }
        throw takeError(fallback())
    }

    func takeError(_ fallback: String) -> GEOSError {
        defer { lastError = nil }
        return GEOSError(lastError ?? fallback)
    }
}

/// An owned GEOS geometry, destroyed exactly once in `deinit`. Keeps its context alive.
final class GEOSGeometry {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit { GEOSGeom_destroy_r(context.handle, pointer) }
}
