import Foundation

/// Removes the temporary output folders of the run in progress when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP), then exits with the signal's status (128 + signal number).
///
/// The signal handler calls only async-signal-safe functions (POSIX.1-2017 §2.4.3) on memory
/// prepared beforehand, since a signal may arrive while any thread holds the allocator's lock: it
/// renames each `.NAME.partial-PID` folder to `.NAME.discard-PID` (so that writer threads still
/// running cannot create files in it), removes it with `rm -rf` in a child (glibc's
/// async-signal-safe `_Fork`, execve, waitpid) and calls `_exit`. A folder that survives (SIGKILL,
/// no /bin/rm) is removed by the next run.
enum InterruptCleanup {
    /// Folders that can be pending at once (one run writes one folder at a time).
    static let slots = 8
    /// Bytes per path, with the terminating NUL.
    static let pathBytes = Int(PATH_MAX)

    /// Per slot: the folder, the name it is moved to, and the `rm` argument vector. Allocated once,
    /// never freed; written under `lock` by the thread that writes outputs, read by the handler.
    nonisolated(unsafe) static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slots * pathBytes)
    nonisolated(unsafe) static let discarded = UnsafeMutablePointer<CChar>.allocate(capacity: slots * pathBytes)
    nonisolated(unsafe) static let arguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
        capacity: slots * 5)
    nonisolated(unsafe) static let used = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
    nonisolated(unsafe) static let remove: UnsafeMutablePointer<CChar> = strdup("/bin/rm")
    nonisolated(unsafe) static let flags: UnsafeMutablePointer<CChar> = strdup("-rf")
    nonisolated(unsafe) static let endOfOptions: UnsafeMutablePointer<CChar> = strdup("--")
    nonisolated(unsafe) static var installed = false
    /// glibc's `_Fork` (2.34 and later): a fork that runs no atfork handlers and takes no locks, so it is
    /// async-signal-safe; `fork` may deadlock in a handler (a library's atfork handler, or the allocator's
    /// lock, held by the interrupted thread). Looked up once, before any signal; nil where missing.
    nonisolated(unsafe) static var safeFork: (@convention(c) () -> pid_t)? = nil
    static let lock = NSLock()

    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Makes `path` (a `.partial-` folder) removed on an interrupt.
    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        install()
        let target = path.replacingOccurrences(of: ".partial-", with: ".discard-")
        guard path.utf8.count < pathBytes, target.utf8.count < pathBytes,
            let slot = (0..<slots).first(where: { used[$0] == 0 })
        else { return }
        copy(path, to: paths + slot * pathBytes)
        copy(target, to: discarded + slot * pathBytes)
        let argv = arguments + slot * 5
        argv[0] = remove
        argv[1] = flags
        argv[2] = endOfOptions
        argv[3] = discarded + slot * pathBytes
        argv[4] = nil
        used[slot] = 1
    }

    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<slots where used[slot] != 0 && String(cString: paths + slot * pathBytes) == path {
            used[slot] = 0
        }
    }

    static func copy(_ text: String, to buffer: UnsafeMutablePointer<CChar>) {
        _ = text.withCString { strncpy(buffer, $0, pathBytes - 1) }
        buffer[pathBytes - 1] = 0
    }

    /// Installs the handlers once (called under `lock`).
    static func install() {
        guard !installed else { return }
        installed = true
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "_Fork") {
            safeFork = unsafeBitCast(symbol, to: (@convention(c) () -> pid_t).self)
        }
        for slot in 0..<slots { used[slot] = 0 }
        // A parent may have started us with these signals blocked; they must reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for s in signals {
            signal(s) { sig in
                // Async-signal-safe calls only, on the buffers prepared by `register`.
                for slot in 0..<InterruptCleanup.slots where InterruptCleanup.used[slot] != 0 {
                    let from = InterruptCleanup.paths + slot * InterruptCleanup.pathBytes
                    let to = InterruptCleanup.discarded + slot * InterruptCleanup.pathBytes
                    let argv = InterruptCleanup.arguments + slot * 5
                    if rename(from, to) != 0 { argv[3] = from }
                    let child = InterruptCleanup.safeFork?() ?? fork()
                    if child == 0 {
                        execve(InterruptCleanup.remove, argv, environ)
                        _exit(127)
                    }
                    if child > 0 {
                        var status: Int32 = 0
                        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
                    }
                }
                _exit(128 + sig)
            }
        }
    }

    /// Removes a file or a folder with everything in it (links are removed, never followed); names
    /// are kept as bytes, so that names that are not UTF-8 are removed too. Not for the signal handler.
    static func removeTree(_ path: [CChar]) {
        guard let dir = opendir(path) else {
            unlink(path)
            return
        }
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
