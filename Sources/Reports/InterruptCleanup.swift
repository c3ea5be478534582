import Foundation

/// Removes the temporary output folders of the run in progress when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP), then exits with the signal's status (128 + signal number).
///
/// The removal walks the folder with opendir/readdir/unlink, which is not strictly async-signal-safe;
/// the process exits right after, so the worst case is a leftover hidden temporary folder (removed by
/// the next run), never a partial output folder.
enum InterruptCleanup {
    /// The folders to remove, as C strings. Changed only from the thread that writes outputs, read by the
    /// signal handler.
    nonisolated(unsafe) static var pending: [[CChar]] = []
    nonisolated(unsafe) static var installed = false

    static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func register(_ path: String) {
        install()
        pending.append(Array(path.utf8CString))
    }

    static func unregister(_ path: String) {
        let c = Array(path.utf8CString)
        pending.removeAll { $0 == c }
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
                for path in InterruptCleanup.pending {
                    path.withUnsafeBufferPointer { InterruptCleanup.removeTree(Array($0)) }
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
