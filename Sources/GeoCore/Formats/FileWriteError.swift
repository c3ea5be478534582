import Foundation

/// A file or folder that could not be written: its path and the reason in plain words
/// ("no space left on the device", "permission denied"), never a bare Foundation error code.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write: \(reason)" }

    /// Wraps any error of a write to `path`: keeps a `FileWriteError` as it is, turns Foundation and
    /// POSIX errors into their plain reason, and names the path the error names (else `path`).
    public static func wrap(_ error: any Error, path: String) -> FileWriteError {
        if let e = error as? FileWriteError { return e }
        if let e = error as? SQLiteError { return FileWriteError(path: path, reason: e.message) }
        let ns = error as NSError
        let named = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path ?? path
        return FileWriteError(path: named, reason: reason(of: ns))
    }

    static func reason(of error: NSError) -> String {
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch error.code {
        case CocoaError.fileWriteOutOfSpace.rawValue: return String(cString: strerror(ENOSPC))
        case CocoaError.fileWriteNoPermission.rawValue: return String(cString: strerror(EACCES))
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return String(cString: strerror(EROFS))
        case CocoaError.fileWriteFileExists.rawValue: return "a file of that name exists already"
        case CocoaError.fileWriteInvalidFileName.rawValue: return "not a valid file name"
        default: break
        }
        if let text = error.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty { return text }
        return error.localizedDescription
    }
}
