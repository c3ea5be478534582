import Foundation
import GeoCore

/// Reads operators' returns from CSV (as exported from their spreadsheets): `,` or `;`, UTF-8 with or
/// without BOM, decimal commas, German or English column names. A row that cannot be used is kept with
/// its reason (`SurveyRowProblem`), never dropped silently.
public enum SurveyReturnReader {
    /// The columns and their accepted names (lower case).
    static let columns: [String: [String]] = [
        "operator": ["operator", "betreiber", "anbieter", "provider", "tkunternehmen", "unternehmen"],
        "street": ["street", "strasse", "straße", "strassenname", "straßenname", "addr:street"],
        "number": ["house_number", "housenumber", "number", "hausnummer", "hnr", "nr", "addr:housenumber"],
        "suffix": ["suffix", "house_number_suffix", "zusatz", "hausnummernzusatz", "hausnummerzusatz", "adz"],
        "postcode": ["postcode", "plz", "postleitzahl", "postal_code", "addr:postcode"],
        "town": ["town", "ort", "city", "gemeinde", "ortsname", "addr:city"],
        "technology": ["technology", "technologie", "technik", "current_technology", "technologie_aktuell"],
        "down": [
            "down_mbps", "download", "download_mbps", "current_down_mbps", "down_aktuell", "download_aktuell",
            "bandbreite_down",
        ],
        "up": ["up_mbps", "upload", "upload_mbps", "current_up_mbps", "up_aktuell", "upload_aktuell", "bandbreite_up"],
        "planned_technology": ["planned_technology", "technologie_geplant", "technik_geplant"],
        "planned_down": ["planned_down_mbps", "down_geplant", "download_geplant"],
        "planned_up": ["planned_up_mbps", "up_geplant", "upload_geplant"],
        "planned_date": ["planned_date", "datum_geplant", "ausbau_bis", "fertigstellung"],
    ]

    /// - Returns: the usable rows and, for every other row, why not.
    /// - Throws: `UnreadableFile` when the file is no CSV or lacks a required column.
    public static func read(path: String) throws -> (rows: [SurveyReturn], problems: [SurveyRowProblem]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UnreadableFile(path: path, reason: "cannot read the file (missing?)")
        }
        let table = try CSVTable.parse([UInt8](data), path: path)
        var index: [String: Int] = [:]
        for (key, names) in columns { if let k = table.column(names) { index[key] = k } }
        let missing = ["street", "number", "technology", "down"].filter { index[$0] == nil }
        if !missing.isEmpty {
            throw UnreadableFile(
                path: path,
                reason: "no column for \(missing.joined(separator: ", ")) (accepted names: "
                    + missing.map { "\($0): \(columns[$0]!.joined(separator: "/"))" }.joined(separator: "; ") + ")")
        }
        var rows: [SurveyReturn] = []
        var problems: [SurveyRowProblem] = []
        for (k, fields) in table.rows.enumerated() {
            let line = table.lineNumbers[k]
            func value(_ key: String) -> String { index[key].map { fields[$0].trimmingWhitespace } ?? "" }
            func fail(_ reason: String) {
                problems.append(
                    SurveyRowProblem(file: path, line: line, text: fields.joined(separator: " | "), reason: reason))
            }
            if fields.allSatisfy(\.isBlank) { continue }
            let street = value("street")
            let number = value("number")
            guard !street.isEmpty else {
                fail("no street")
                continue
            }
            guard !number.isEmpty, number.first?.isNumber == true else {
                fail("no house number (\"\(number)\")")
                continue
            }
            guard let technology = FixedTechnology.parse(value("technology")) else {
                fail(
                    "unknown technology \"\(value("technology"))\" ("
                        + FixedTechnology.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                continue
            }
            guard let down = DecimalText.parse(value("down")), down >= 0, down <= 100_000 else {
                fail("download rate \"\(value("down"))\" is not a number of Mbit/s")
                continue
            }
            let upText = value("up")
            let up = DecimalText.parse(upText)
            if !upText.isEmpty && (up == nil || up! < 0) {
                fail("upload rate \"\(upText)\" is not a number of Mbit/s")
                continue
            }
            var planned: SurveyReturn.Planned?
            let plannedDown = value("planned_down")
            if !plannedDown.isEmpty {
                guard let pd = DecimalText.parse(plannedDown), pd >= 0 else {
                    fail("planned download rate \"\(plannedDown)\" is not a number of Mbit/s")
                    continue
                }
                let dateText = value("planned_date")
                let date = CalendarDate(parsing: dateText)
                if !dateText.isEmpty && date == nil {
                    fail("planned date \"\(dateText)\" is not a date like 2026-06-30")
                    continue
                }
                let plannedTechnology = value("planned_technology")
                guard let pt = plannedTechnology.isEmpty ? technology : FixedTechnology.parse(plannedTechnology) else {
                    fail("unknown planned technology \"\(plannedTechnology)\"")
                    continue
                }
                planned = SurveyReturn.Planned(
                    technology: pt, downMbps: pd, upMbps: DecimalText.parse(value("planned_up")), date: date)
            }
            rows.append(
                SurveyReturn(
                    file: path, line: line, operatorName: value("operator"), street: street, houseNumber: number,
                    suffix: value("suffix"), postcode: value("postcode"), town: value("town"), technology: technology,
                    downMbps: down, upMbps: up, planned: planned))
        }
        return (rows, problems)
    }
}

/// A row of a return that could not be used, with the reason.
public struct SurveyRowProblem: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// The row's fields, for the report.
    public var text: String
    public var reason: String
}

extension FixedTechnology {
    /// Other spellings of the technologies in real files.
    public static let aliases: [String: FixedTechnology] = [
        "ftth/b": .fttb, "cable": .hfc, "catv": .hfc, "docsis": .hfc, "kabel": .hfc, "koax": .hfc, "dsl": .adsl,
        "adsl2+": .adsl, "vdsl2": .vdsl, "vectoring": .vdsl, "supervectoring": .vdsl, "glasfaser": .ftth,
        "keine": .none, "kein": .none,
    ]

    /// A technology as written (any case, or an alias); nil when unknown.
    public static func parse(_ text: String) -> FixedTechnology? {
        let t = text.trimmingWhitespace.lowercased()
        return FixedTechnology(rawValue: t) ?? aliases[t]
    }
}
