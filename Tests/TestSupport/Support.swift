import Foundation

/// Paths, temporary folders and subprocesses for the tests.
public enum Fixtures {
    /// The package root (this file is Tests/TestSupport/Support.swift).
    public static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The folder that holds every temporary folder of this test process; it is removed when the
    /// process exits, and the folders of earlier test processes that no longer run are removed when it is made.
    static let temporaryRoot: String = {
        let base = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        where name.hasPrefix("gigaplan-tests-") {
            if let pid = Int32(name.dropFirst("gigaplan-tests-".count)), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: base + name)
            }
        }
        let root = base + "gigaplan-tests-\(getpid())"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fixtures.temporaryRoot) }
        return root
    }()

    /// A new empty folder under the system's temporary folder (removed when the tests end).
    public static func temporaryDirectory() -> String {
        let dir = temporaryRoot + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A new temporary folder holding a copy of the test town (`smalltown/` and `smalltown.yaml`), for
    /// tests that run gigaplan where it could harm the files around it.
    public static func sandbox() -> String {
        let dir = temporaryDirectory()
        try! FileManager.default.copyItem(atPath: path("Tests/Fixtures/smalltown"), toPath: dir + "/smalltown")
        try! FileManager.default.copyItem(
            atPath: path("Tests/Fixtures/smalltown.yaml"), toPath: dir + "/smalltown.yaml")
        return dir
    }

    /// Every file below `folder` with its bytes, to show that nothing in it changed.
    public static func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                out[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
            } else {
                out[relative + "/"] = Data()
            }
        }
        return out
    }

    /// Writes `text` to a new file called `name` in a new temporary folder and returns its path.
    public static func file(_ name: String, _ text: String) -> String {
        let path = temporaryDirectory() + "/" + name
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    public static func file(_ name: String, bytes: [UInt8]) -> String {
        let path = temporaryDirectory() + "/" + name
        try! Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    public struct ProcessResult: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs a program to completion. Its standard error is read on a thread of its own while its standard
    /// output is read here: read one after the other, a program that writes more than a pipe holds (64 KiB)
    /// to the second before it closes the first would wait for the reader for ever, and so would the test.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errRead = PipeRead(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errRead.data()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `gigaplan run` on the test town (`Tests/Fixtures/smalltown.yaml`) into `out`, quietly, with
    /// further arguments (formats, locale, profile).
    public static func runTestTown(out: String, _ arguments: [String] = []) throws -> ProcessResult {
        try run(gigaplan, ["run", path("Tests/Fixtures/smalltown.yaml"), "--out", out, "--quiet"] + arguments)
    }

    /// The `gigaplan` executable built beside the tests.
    public static var gigaplan: String {
        let candidates = [
            Bundle.main.bundleURL.path, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
            root + "/.build/debug",
        ]
        for dir in candidates where FileManager.default.isExecutableFile(atPath: dir + "/gigaplan") {
            return dir + "/gigaplan"
        }
        return root + "/.build/debug/gigaplan"
    }

    /// The full path of a program on PATH, if installed.
    public static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
}

/// Everything a pipe gives until its end, read on a thread of its own (`Fixtures.run`).
private final class PipeRead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the reading thread before it signals `done`, read after the wait.
    private var bytes = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread {
            self.bytes = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    /// Waits for the end of the pipe.
    func data() -> Data {
        done.wait()
        return bytes
    }
}
