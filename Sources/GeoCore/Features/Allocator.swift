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

    /// Sets glibc's thresholds for the allocations of a run, once at the start of the program:
    /// - blocks below 32 MiB come from the heaps (glibc's default gives each block of 128 KiB and more a
    ///   mapping of its own, whose pages are faulted in again each time, until a freed one raises it);
    /// - a heap returns its free top to the system once that exceeds 1 MiB (by default the limit rises to
    ///   twice the largest block freed, so the threads' heaps keep the tens of MiB that the writers' text
    ///   buffers and a stage's working arrays leave behind);
    /// - a heap grows by 4 MiB more than an allocation needs, and keeps that much when it returns its free
    ///   top (glibc's default is 128 KiB). A thread's heap grows with `mprotect`, which takes the process's
    ///   memory-map lock for writing. While loading, one thread faults in the pages of a file it reads under
    ///   that lock's read side, and the other thread's heap growths waited for it
    ///   (`rwsem_down_write_slowpath` in a profile of peer-scope's load stage); fewer growths wait less.
    ///
    /// In alternating runs, the first two took peer-scope's peak resident memory from 291–303 MiB to
    /// 258–288 MiB, and city's from 380–381 to 338–340 MiB, with CPU and wall time within the noise (more
    /// system time, less user time); region's peak did not move, and its system time rose by 1–8 s. The
    /// third took peer-scope's system time from 0.77–0.85 to 0.61–0.70 s with the same peak
    /// (docs/performance.md, "Names resolved once" and "The loader per core"). Elsewhere this does nothing.
    public static func useRunThresholds() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 1 << 20)
        _ = mallopt(M_TOP_PAD, 4 << 20)
        #endif
    }
}
