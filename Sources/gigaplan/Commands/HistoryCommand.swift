import ArgumentParser
import Foundation
import GeoCore
import Planning
import Reports

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the runs recorded in the project database.")

    @Option(help: "The project database (default out/gigaplan-history.sqlite).") var store: String =
        "out/gigaplan-history.sqlite"

    @Option(help: "text or json.") var format: PrintFormat = .text

    func validate() throws {
        guard FileManager.default.fileExists(atPath: store) else {
            throw ValidationError("\(store): no such project database (run a scenario first)")
        }
    }

    func run() throws {
        let entries = try exitOnError { try RunHistory(path: store).entries() }
        switch format {
        case .json:
            print(
                JSONWriter.serialize(
                    .array(
                        entries.map { e in
                            .object(
                                JSONObject([
                                    ("id", .number(Double(e.id))), ("started_at", .string(e.startedAt)),
                                    ("scenario", .string(e.scenario)), ("output", .string(e.output)),
                                    ("summary", (try? JSONParser.parse(Array(e.summary.utf8))) ?? .null),
                                ]))
                        }), pretty: true))
        case .text:
            for e in entries {
                let buildings = (try? RunSummary.decode(e.summary)).map { String($0.buildings.total) } ?? "?"
                print("\(e.id)  \(e.startedAt)  \(e.scenario)  \(buildings) buildings  → \(e.output)")
            }
        }
    }
}
