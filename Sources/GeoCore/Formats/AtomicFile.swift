import Foundation

/// Writes files so that readers see either the old file or the complete new one, never a part:
/// write to a temporary name in the same folder, then rename.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(Data(text.utf8), to: path)
    }

    /// - Throws: `FileWriteError` with the path and the plain reason.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try createParent(of: path)
            try data.write(to: URL(fileURLWithPath: temporary))
            try moveIntoPlace(temporary, path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileWriteError.wrap(error, path: path)
        }
    }

    /// Creates the folder a file goes into when it is missing, but not the folders above it: a write into
    /// an output folder that was removed meanwhile (an interrupted run) fails instead of making it again.
    public static func createParent(of path: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue { return }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
        } catch {
            // Another writer may have made it a moment ago.
            if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue { return }
            throw error
        }
    }

    /// Renames `temporary` to `destination`, replacing it (POSIX `rename`, atomic on one file system).
    public static func moveIntoPlace(_ temporary: String, _ destination: String) throws {
        try createParent(of: destination)
        guard rename(temporary, destination) == 0 else {
            throw FileWriteError(path: destination, reason: String(cString: strerror(errno)))
        }
    }
}
