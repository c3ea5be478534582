#if canImport(Glibc)
import CMalloc
#endif

/// The C allocator that Swift's memory comes from.
public enum Allocator {
    /// Gives the memory that the allocator holds free back to the system. glibc keeps what is freed
    /// for later allocations, in the middle of its heaps and in one arena per thread, so that after a
    /// stage that freed much (loading's file buffers and parse trees, the analysis's working arrays) the
    /// process would keep it resident through the rest of a run. `malloc_trim(0)` returns every free page
    /// of every arena (glibc 2.8 and later); it takes milliseconds. Elsewhere this does nothing.
    public static func returnFreeMemory() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
