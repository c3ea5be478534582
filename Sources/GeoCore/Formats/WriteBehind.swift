import Foundation

#if os(Linux)
import CFileCache
#endif

/// Writes a large file's pages back to the disk while the file is still being written front to back, and
/// lets the page cache go of them once they are on the disk, so that a file of gigabytes does not fill
/// the page cache with dirty pages (the write-behind of PostgreSQL's `*_flush_after` settings).
///
/// Every `window` bytes, the writeback of the window just written is started (`sync_file_range`, which
/// does not wait), and the window before it is waited for and dropped from the cache (`posix_fadvise`
/// `DONTNEED`). At most two windows are in the cache at a time, and the cache pages freed are the ones the
/// next window takes. On the benchmark machine, writing into fresh cache pages became 20–40 times slower
/// per byte after about 1.2 GB (docs/performance.md, "Written behind").
///
/// Both calls are advice: where they fail (a file system without them) the file is written as without
/// them, and a write error is still reported by the writes (and by the `fsync` that closes a streamed
/// file). Not on other systems than Linux.
public struct WriteBehind {
    /// The window files are written behind in: 32 MiB, large beside a disk's write burst, small beside
    /// the cache.
    public static let standardWindow = 32 << 20

    #if os(Linux)
    private static let pageSize = Int(getpagesize())
    #endif

    private let descriptor: Int32
    private let window: Int
    /// The bytes written so far, from the file's start.
    private var written = 0
    /// The bytes whose writeback has been started.
    private var started = 0
    /// The bytes that have been written back and dropped from the cache.
    private var dropped = 0

    /// For the file open as `descriptor`, written from its start, in windows of `window` bytes.
    public init(descriptor: Int32, window: Int = standardWindow) {
        precondition(window > 0)
        self.descriptor = descriptor
        self.window = window
    }

    /// Records that the file, written by someone else (SQLite), has grown to `size` bytes: as `wrote`.
    public mutating func grew(to size: Int) { if size > written { wrote(size - written) } }

    /// Records `count` more bytes written at the file's end; every full window starts its writeback and
    /// drops the window before it.
    public mutating func wrote(_ count: Int) {
        written += count
        guard written - started >= window else { return }
        #if os(Linux)
        _ = sync_file_range(descriptor, off_t(started), off_t(written - started), gigaplan_sync_write)
        if started - dropped >= window {
            // From the start of the page that the last window ended in: the cache drops whole pages only.
            let from = dropped - dropped % Self.pageSize
            let flags = gigaplan_sync_wait_before | gigaplan_sync_write | gigaplan_sync_wait_after
            _ = sync_file_range(descriptor, off_t(from), off_t(started - from), flags)
            _ = posix_fadvise(descriptor, off_t(from), off_t(started - from), Int32(POSIX_FADV_DONTNEED))
            dropped = started
        }
        #endif
        started = written
    }
}
