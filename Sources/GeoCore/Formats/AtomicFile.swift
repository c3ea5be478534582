import Foundation

/// Writes files so that readers see either the old file or the complete new one, never a part:
/// write to a temporary name in the same folder, then rename. The folder must exist: no folder is ever
/// made on the way, so that a write into an output folder that was removed meanwhile (an interrupted
/// run) fails instead of making it again.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes bytes, as `write(_:to:)` writes text.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        try write(Data(bytes), to: path)
    }

    /// - Throws: `FileWriteError` with the path and the plain reason.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            try moveIntoPlace(temporary, path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileWriteError.wrap(error, path: path)
        }
    }

    /// Renames `temporary` to `destination`, replacing it (POSIX `rename`, atomic on one file system).
    public static func moveIntoPlace(_ temporary: String, _ destination: String) throws {
        guard rename(temporary, destination) == 0 else {
            throw FileWriteError(path: destination, reason: String(cString: strerror(errno)))
        }
    }
}
