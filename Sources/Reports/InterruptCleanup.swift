import Foundation

/// Removes the temporary output folders of the run in progress when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP), then exits with the signal's status (128 + signal number).
///
/// The removal walks the folder with opendir/readdir/unlink, which is not strictly async-signal-safe;
/// the process exits right after, so the worst case is a leftover hidden temporary folder (removed by
/// the next run), never a partial output folder.
enum InterruptCleanup {
    /// The folders to remove and the names they are moved to first, as C strings. Changed only from the
    /// thread that writes outputs, read by the signal handler.
    nonisolated(unsafe) static var pending: [(path: [CChar], discarded: [CChar])] = []
    nonisolated(unsafe) static var installed = false

    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// `.NAME.partial-PID` is moved to `.NAME.discard-PID` before it is removed, so that writer threads
    /// still running cannot create files in it while it is being removed.
    static func register(_ path: String) {
        install()
        let discarded = path.replacingOccurrences(of: ".partial-", with: ".discard-")
        pending.append((Array(path.utf8CString), Array(discarded.utf8CString)))
    }

    static func unregister(_ path: String) {
        let c = Array(path.utf8CString)
        pending.removeAll { $0.path == c }
    }

    static func install() {
        guard !installed else { return }
        installed = true
        // A parent may have started us with these signals blocked; they must reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for s in signals {
            signal(s) { sig in
                for entry in InterruptCleanup.pending {
                    let moved = entry.path.withUnsafeBufferPointer { p in entry.discarded.withUnsafeBufferPointer { d in rename(p.baseAddress!, d.baseAddress!) == 0 } }
                    InterruptCleanup.removeTree(moved ? entry.discarded : entry.path)
                }
                _exit(128 + sig)
            }
        }
    }

    /// Removes a file or a folder with everything in it (links are removed, never followed).
    static func removeTree(_ path: [CChar]) {
        guard let dir = opendir(path) else { unlink(path); return }
        while let entry = readdir(dir) {
            var name = entry.pointee.d_name
            let child: [CChar] = withUnsafeBytes(of: &name) { raw in
                let bytes = raw.bindMemory(to: CChar.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return Array(path.dropLast()) + [CChar(UInt8(ascii: "/"))] + Array(bytes[0..<length]) + [0]
            }
            let base = Array(child.dropLast().reversed().prefix { $0 != CChar(UInt8(ascii: "/")) }.reversed())
            if base == [46] || base == [46, 46] { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) { removeTree(child) } else { unlink(child) }
        }
        closedir(dir)
        rmdir(path)
    }
}
