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

    /// Sets glibc's two thresholds for the allocations of a run, once at the start of the program:
    /// - blocks below 32 MiB come from the heaps (glibc's default gives each block of 128 KiB and more a
    ///   mapping of its own, whose pages are faulted in again each time, until a freed one raises it);
    /// - a heap returns its free top to the system once that exceeds 1 MiB (by default the limit rises to
    ///   twice the largest block freed, so the threads' heaps keep the tens of MiB that the writers' text
    ///   buffers and a stage's working arrays leave behind).
    ///
    /// In alternating runs, peer-scope's peak resident memory went from 291–303 MiB without these
    /// settings to 258–288 MiB with them, and city's from 380–381 to 338–340 MiB, with CPU and wall time
    /// within the noise (more system time, less user time). Region's peak did not move, and its system
    /// time rose by 1–8 s (docs/performance.md, "Names resolved once"). Elsewhere this does nothing.
    public static func useRunThresholds() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 1 << 20)
        #endif
    }
}
