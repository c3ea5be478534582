import Foundation
import GeoCore

/// The project database: one row per run with the scenario, input file hashes, version, settings and
/// headline numbers. Timestamps live here only, never in the outputs.
public final class RunHistory {
    public static let version = "gigaplan 0.1.0"
    private let database: SQLiteDatabase

    public init(path: String) throws {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: path)
        try database.execute("""
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS runs (
              id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, scenario TEXT NOT NULL,
              scenario_files TEXT NOT NULL, inputs TEXT NOT NULL, version TEXT NOT NULL, settings TEXT NOT NULL, output TEXT NOT NULL,
              summary TEXT NOT NULL);
            """)
    }

    public struct Entry: Sendable {
        public var id: Int64
        public var startedAt: String
        public var scenario: String
        public var output: String
        public var summary: String
    }

    /// The hash of every file, for the record.
    public static func hashes(_ paths: [String]) -> JSONValue {
        .object(JSONObject(paths.map { p in
            (p, .string(FileManager.default.contents(atPath: p).map { SHA256.hex($0) } ?? "missing"))
        }))
    }

    public func record(startedAt: Date, scenario: String, scenarioFiles: [String], inputs: [String], settings: JSONValue, output: String, summary: JSONValue) throws {
        let iso = ISO8601DateFormatter()
        try database.execute("INSERT INTO runs (started_at, finished_at, scenario, scenario_files, inputs, version, settings, output, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            .text(iso.string(from: startedAt)), .text(iso.string(from: Date())), .text(scenario),
            .text(JSONWriter.serialize(Self.hashes(scenarioFiles))), .text(JSONWriter.serialize(Self.hashes(inputs))), .text(Self.version),
            .text(JSONWriter.serialize(settings)), .text(output), .text(JSONWriter.serialize(summary)),
        ])
    }

    public func entries() throws -> [Entry] {
        try database.query("SELECT id, started_at, scenario, output, summary FROM runs ORDER BY id").map {
            Entry(id: $0[0].integer ?? 0, startedAt: $0[1].text ?? "", scenario: $0[2].text ?? "", output: $0[3].text ?? "", summary: $0[4].text ?? "")
        }
    }
}
