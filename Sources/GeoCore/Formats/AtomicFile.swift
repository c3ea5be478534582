import Foundation

/// Writes files so that readers see either the old file or the complete new one, never a part:
/// write to a temporary name in the same folder, then rename. The folder must exist: no folder is ever
/// made on the way, so that a write into an output folder that was removed meanwhile (an interrupted
/// run) fails instead of making it again.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        var text = text
        if let error = text.withUTF8({ write(UnsafeRawBufferPointer($0), to: path) }) { throw error }
    }

    /// Writes bytes, as `write(_:to:)` writes text.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        if let error = bytes.withUnsafeBytes({ write($0, to: path) }) { throw error }
    }

    /// Writes the bytes from where they are (a page of many megabytes is not copied on the way).
    /// - Returns: nil, or the `FileWriteError` with the path and the plain reason.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> FileWriteError? {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        var behind = WriteBehind(descriptor: fd)
        var failure = writeAll(fd, bytes, behind: &behind)
        if close(fd) != 0 && failure == 0 { failure = errno }
        do {
            guard failure == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(failure))) }
            try moveIntoPlace(temporary, path)
            return nil
        } catch {
            unlink(temporary)
            return FileWriteError.wrap(error, path: path)
        }
    }

    /// The most bytes handed to one `write` call. Larger calls were at times far slower in the kernel on
    /// the benchmark machine (200 MB to a new file: in 2 MiB calls 0.06–1.0 s, in 1 MiB calls about 0.04 s;
    /// docs/performance.md).
    public static let writePiece = 1 << 20

    /// Writes all of `bytes` to the open file `fd`, in calls of at most `writePiece` bytes (retried
    /// when interrupted), telling `behind` of every call; 0, or the `errno` of the call that failed.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, behind: inout WriteBehind) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, min(writePiece, bytes.count - offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            offset += n
            behind.wrote(n)
        }
        return 0
    }

    /// Renames `temporary` to `destination`, replacing it (POSIX `rename`, atomic on one file system).
    public static func moveIntoPlace(_ temporary: String, _ destination: String) throws {
        guard rename(temporary, destination) == 0 else {
            throw FileWriteError(path: destination, reason: String(cString: strerror(errno)))
        }
    }
}
