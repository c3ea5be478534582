import Foundation
import GeoCore

/// The one rule by which gigaplan writes a folder of outputs: it only ever replaces a folder that it
/// created itself and that holds nothing but what it wrote there.
///
/// Every folder gigaplan writes carries a marker file, `.gigaplan-output`, naming the scenario and
/// listing each file written with its size. A destination is accepted when it does not exist, is an
/// empty folder, or is a marked folder whose files are exactly those the marker lists (so a file a
/// user added or changed there is never lost). It is refused when it is an existing file, an unmarked
/// non-empty folder, the current folder or one of its ancestors, or a folder that holds an input, a
/// scenario file or the run history.
///
/// Outputs are written into a hidden temporary folder beside the destination
/// (`.NAME.partial-PID`), which replaces the destination only when complete. The temporary folder is
/// removed on failure and on SIGINT, SIGTERM and SIGHUP; one left by a process that was killed
/// outright (SIGKILL, power loss) is removed by the next run that writes beside it.
public struct OutputFolder: Sendable {
    public static let markerName = ".gigaplan-output"
    static let markerHeading = "gigaplan output folder"

    /// The destination, absolute.
    public let destination: String
    /// The hidden folder the outputs are written into; pass it to the writers.
    public let temporary: String
    let owner: String

    /// Checks `path` by the rule above and creates the temporary folder beside it.
    /// - Parameters:
    ///   - path: the destination as the user gave it (relative to the current folder).
    ///   - owner: the scenario (or comparison) the folder is for; written into the marker.
    ///   - protecting: files that must never be inside the destination (inputs, scenario files, the store).
    /// - Throws: `OutputRefusal` when the destination may not be replaced; `FileWriteError` when the
    ///   temporary folder cannot be created.
    public static func claim(_ path: String, owner: String, protecting: [String]) throws -> OutputFolder {
        let destination = try check(path, protecting: protecting)
        let url = URL(fileURLWithPath: destination)
        let parent = url.deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw FileWriteError.wrap(error, path: parent)
        }
        removeStaleTemporaries(in: parent)
        let temporary = parent + "/.\(url.lastPathComponent).partial-\(getpid())"
        removeTree(temporary)
        // Registered before it exists, so that an interrupt from here on removes it.
        InterruptCleanup.register(temporary)
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            try Data(marker(owner: owner, files: []).utf8).write(to: URL(fileURLWithPath: temporary + "/" + markerName))
        } catch {
            removeTree(temporary)
            InterruptCleanup.unregister(temporary)
            throw FileWriteError.wrap(error, path: temporary)
        }
        return OutputFolder(destination: destination, temporary: temporary, owner: owner)
    }

    /// Checks a destination by the rule without touching anything; returns it as an absolute path.
    public static func check(_ path: String, protecting: [String]) throws(OutputRefusal) -> String {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OutputRefusal(path: path, reason: "no folder is named (the path is empty)")
        }
        let destination = resolved(path)
        let cwd = resolved(FileManager.default.currentDirectoryPath)
        if destination == "/" || cwd == destination || cwd.hasPrefix(destination + "/") {
            throw OutputRefusal(
                path: path,
                reason: destination == cwd
                    ? "it is the current folder; name a new folder for the outputs"
                    : "it is an ancestor of the current folder; name a new folder for the outputs")
        }
        for p in protecting where !p.isEmpty {
            let r = resolved(p)
            if r == destination || r.hasPrefix(destination + "/") {
                throw OutputRefusal(
                    path: path,
                    reason: r == destination
                        ? "it is \(p), which the run reads or records to"
                        : "it holds \(p), which the run reads or records to")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory) else { return destination }
        guard isDirectory.boolValue else {
            throw OutputRefusal(path: path, reason: "it is an existing file, not a folder gigaplan wrote")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? []
        if entries.isEmpty { return destination }
        guard let listed = readMarker(destination) else {
            throw OutputRefusal(
                path: path,
                reason:
                    "it is a folder that gigaplan did not write (it has no \(markerName) file); name a new or empty "
                    + "folder")
        }
        if let stranger = foreignFile(in: destination, listed: listed) {
            throw OutputRefusal(
                path: path,
                reason:
                    "it holds \(stranger), which gigaplan did not write there or which was changed since; move it away "
                    + "first")
        }
        return destination
    }

    /// Runs `body` with the temporary folder, then puts what it wrote in place; on any error the folder is
    /// discarded and the destination stays as it was.
    /// - Throws: `OutputRefusal` when the destination changed meanwhile, else what `body` or the commit
    ///   threw, as a `FileWriteError` when it was not one of these.
    public func fill<T>(_ body: (_ root: String) throws -> T) throws -> T {
        do {
            let result = try body(temporary)
            // Test hook: lets a test interrupt a run whose files are written but not yet in place.
            if let pause = ProcessInfo.processInfo.environment["GIGAPLAN_PAUSE_BEFORE_COMMIT_MS"].flatMap(Double.init) {
                usleep(useconds_t(pause * 1000))
            }
            try commit()
            return result
        } catch let refusal as OutputRefusal { throw refusal } catch {
            discard()
            throw FileWriteError.wrap(error, path: destination)
        }
    }

    /// Puts the finished outputs in place of the destination. The marker lists every file written.
    public func commit() throws {
        let files = Self.listFiles(temporary).filter { $0.path != Self.markerName }
        do {
            try Data(Self.marker(owner: owner, files: files).utf8).write(
                to: URL(fileURLWithPath: temporary + "/" + Self.markerName))
        } catch { throw FileWriteError.wrap(error, path: temporary + "/" + Self.markerName) }
        // The destination may have changed while the run was working.
        let refusal: OutputRefusal?
        do {
            _ = try Self.check(destination, protecting: [])
            refusal = nil
        } catch { refusal = error }
        if let refusal {
            discard()
            throw refusal
        }
        let parent = URL(fileURLWithPath: destination).deletingLastPathComponent().path
        let old = parent + "/.\(URL(fileURLWithPath: destination).lastPathComponent).old-\(getpid())"
        if FileManager.default.fileExists(atPath: destination) {
            guard rename(destination, old) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw FileWriteError(path: destination, reason: reason)
            }
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, destination)
            discard()
            throw FileWriteError(path: destination, reason: reason)
        }
        InterruptCleanup.unregister(temporary)
        Self.removeTree(old)
    }

    /// Removes the temporary folder (after a failure).
    public func discard() {
        Self.removeTree(temporary)
        InterruptCleanup.unregister(temporary)
    }

    // MARK: - The marker

    struct Entry: Equatable {
        var path: String
        var size: UInt64
    }

    static func marker(owner: String, files: [Entry]) -> String {
        var text =
            "\(markerHeading) for \"\(owner)\". gigaplan replaces this folder on its next run only while it holds "
            + "exactly these files:\n"
        for f in files { text += "\(f.size) \(f.path)\n" }
        return text
    }

    static func readMarker(_ folder: String) -> [Entry]? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + markerName),
            let text = String(data: data, encoding: .utf8), text.hasPrefix(markerHeading)
        else { return nil }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            guard let space = line.firstIndex(of: " "), let size = UInt64(line[..<space]) else { return nil }
            return Entry(path: String(line[line.index(after: space)...]), size: size)
        }
    }

    /// The first file or folder below `folder` that the marker does not list with its size.
    static func foreignFile(in folder: String, listed: [Entry]) -> String? {
        let expected = Dictionary(listed.map { ($0.path, $0.size) }, uniquingKeysWith: { a, _ in a })
        for f in listFiles(folder) where f.path != markerName {
            if expected[f.path] != f.size { return folder + "/" + f.path }
        }
        return nil
    }

    /// Every regular file below `folder`, relative, sorted; a link or a special file counts as a file of size 0
    /// (so that it is never listed as written and always blocks the replacement).
    static func listFiles(_ folder: String) -> [Entry] {
        var out: [Entry] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? folder : folder + "/" + relative
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard lstat(folder + "/" + child, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    let before = out.count
                    walk(child)
                    if out.count == before { out.append(Entry(path: child + "/", size: 0)) }
                case S_IFREG: out.append(Entry(path: child, size: UInt64(st.st_size)))
                default: out.append(Entry(path: child + " (not a regular file)", size: UInt64.max))
                }
            }
        }
        walk("")
        return out
    }

    // MARK: - Paths

    /// `path` made absolute, with `.`/`..` and symbolic links of the existing part resolved.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var url = URL(fileURLWithPath: absolute).standardizedFileURL
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: url.path) && url.path != "/" {
            tail.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var base = url.path
        if let real = realpath(url.path, nil) {
            base = String(cString: real)
            free(real)
        }
        let joined = ([base == "/" ? "" : base] + tail).joined(separator: "/")
        return joined.isEmpty ? "/" : joined
    }

    /// Removes `.NAME.partial-PID`, `.NAME.old-PID` and `.NAME.discard-PID` folders in `parent` left by processes that
    /// no longer
    /// run, when they carry the marker (so only what gigaplan made is ever removed).
    static func removeStaleTemporaries(in parent: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(".") {
            guard let dash = name.lastIndex(of: "-"), let pid = Int32(name[name.index(after: dash)...]), pid > 0 else {
                continue
            }
            let stem = name[..<dash]
            guard stem.hasSuffix(".partial") || stem.hasSuffix(".old") || stem.hasSuffix(".discard") else { continue }
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
            let path = parent + "/" + name
            // A discarded folder was being removed when its process died; the others must carry the marker.
            guard stem.hasSuffix(".discard") || readMarker(path) != nil else { continue }
            removeTree(path)
        }
    }

    static func removeTree(_ path: String) { InterruptCleanup.removeTree(Array(path.utf8CString)) }
}

/// Why gigaplan will not write to an output folder; the run stops (exit 2) before any work.
public struct OutputRefusal: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot write the outputs to \"\(path)\": \(reason)" }
}
