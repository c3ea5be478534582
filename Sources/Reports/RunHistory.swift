import Foundation
import GeoCore
import Planning

/// The project database: one row per run with the scenario, input file hashes, version, settings and
/// headline numbers. Timestamps live here only, never in the outputs.
public final class RunHistory {
    /// The program's version, as recorded with every run and printed by `gigaplan --version`.
    public static let versionNumber = "0.1.0"
    public static let version = "gigaplan \(versionNumber)"
    private let database: SQLiteDatabase

    public init(path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: path)
        try database.execute(
            """
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS runs (
              id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, scenario TEXT \
            NOT NULL,
              scenario_files TEXT NOT NULL, inputs TEXT NOT NULL, version TEXT NOT NULL, settings TEXT NOT NULL, \
            output TEXT NOT NULL,
              summary TEXT NOT NULL);
            """)
    }

    /// Checks, before a run writes anything, that the run can be recorded at `path`: an existing database
    /// must take a write lock, a new one must be creatable in its folder.
    /// - Throws: `FileWriteError` naming the path and the reason.
    public static func checkWritable(path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw FileWriteError(path: path, reason: "is a folder, not a run history database")
            }
            do {
                let db = try SQLiteDatabase(path: path, create: false)
                try db.execute("PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE; ROLLBACK;")
                _ = try db.query("SELECT count(*) FROM sqlite_master")
            } catch { throw FileWriteError(path: path, reason: "the run history cannot be written: \(error)") }
            return
        }
        // The nearest existing folder must be writable to create the database (and its folders).
        var folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path) && folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        var folderIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &folderIsDirectory),
            folderIsDirectory.boolValue
        else {
            throw FileWriteError(
                path: path, reason: "the run history cannot be created: \(folder.path) is a file, not a folder")
        }
        guard access(folder.path, W_OK | X_OK) == 0 else {
            throw FileWriteError(
                path: path,
                reason: "the run history cannot be created: \(folder.path) is not writable "
                    + "(\(String(cString: strerror(errno))))")
        }
    }

    public struct Entry: Sendable {
        public var id: Int64
        public var startedAt: String
        public var scenario: String
        public var output: String
        public var summary: String
    }

    /// The SHA-256 of every file (or "missing"), in the order given; files are hashed on all cores, each
    /// read in parts.
    public static func digests(_ paths: [String]) -> [String] {
        parallelMap(count: paths.count, chunkSize: 1) { range in
            range.map { SHA256.hex(ofFileAt: paths[$0]) ?? "missing" }
        }
    }

    /// The files a run's record hashes: the scenario's files, then its inputs.
    public static func recordedFiles(_ scenario: Scenario) -> [String] { scenario.files + scenario.inputPaths }

    /// Records a run: its scenario, the hashes of the scenario and input files, the settings and the summary.
    /// - Parameter digests: the hashes of `recordedFiles(scenario)` if worked out already, in their order.
    public func record(_ result: RunResult, startedAt: Date, output: String, digests: [String]? = nil) throws {
        let iso = ISO8601DateFormatter()
        let scenario = result.scenario
        let paths = Self.recordedFiles(scenario)
        let table = zip(paths, digests ?? Self.digests(paths)).map { ($0, JSONValue.string($1)) }
        let files = JSONValue.object(JSONObject(Array(table.prefix(scenario.files.count))))
        let inputs = JSONValue.object(JSONObject(Array(table.dropFirst(scenario.files.count))))
        try database.execute(
            """
            INSERT INTO runs (started_at, finished_at, scenario, scenario_files, inputs, version, settings, output, \
            summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(iso.string(from: startedAt)), .text(iso.string(from: Date())), .text(scenario.name),
                .text(JSONWriter.serialize(files)), .text(JSONWriter.serialize(inputs)), .text(Self.version),
                .text(JSONWriter.serialize(ScenarioSettings.json(scenario))), .text(output),
                .text(JSONWriter.serialize(try result.summary.json())),
            ])
    }

    public func entries() throws -> [Entry] {
        try database.query("SELECT id, started_at, scenario, output, summary FROM runs ORDER BY id").map {
            Entry(
                id: $0[0].integer ?? 0, startedAt: $0[1].text ?? "", scenario: $0[2].text ?? "",
                output: $0[3].text ?? "", summary: $0[4].text ?? "")
        }
    }
}
