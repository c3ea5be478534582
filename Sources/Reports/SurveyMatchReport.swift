import Foundation
import GeoCore
import Planning
import Radio

/// The outputs of `gigaplan survey match`: the returns as a fixed-line layer of the matched buildings,
/// every row that did not match (with the reason and the nearest addresses), and the match rate per
/// file and operator.
public enum SurveyMatchReport {
    /// The match rate of one file and operator.
    public struct Rate: Sendable, Equatable {
        public var file: String
        public var operatorName: String
        public var rows = 0
        public var matched = 0
        public var ambiguous = 0
        public var unmatched = 0
        public var invalid = 0

        public var share: Double { rows > 0 ? Double(matched) / Double(rows) : 0 }
    }

    /// The rates per file and operator, in file then operator order, and the total.
    public static func rates(_ matches: [SurveyMatcher.Match], invalid: [SurveyRowProblem], files: [String]) -> [Rate] {
        var rates: [String: Rate] = [:]
        func add(_ file: String, _ op: String, _ body: (inout Rate) -> Void) {
            let key = file + "\u{0}" + op
            var r = rates[key] ?? Rate(file: file, operatorName: op)
            r.rows += 1
            body(&r)
            rates[key] = r
        }
        for m in matches {
            add(m.row.file, m.row.operatorName) { r in
                switch m.status {
                case .matched: r.matched += 1
                case .ambiguous: r.ambiguous += 1
                case .unmatched: r.unmatched += 1
                }
            }
        }
        for p in invalid { add(p.file, "") { $0.invalid += 1 } }
        var list = rates.values.sorted {
            (files.firstIndex(of: $0.file) ?? 0, $0.operatorName) < (
                files.firstIndex(of: $1.file) ?? 0, $1.operatorName
            )
        }
        var total = Rate(file: "all", operatorName: "")
        for r in list {
            total.rows += r.rows
            total.matched += r.matched
            total.ambiguous += r.ambiguous
            total.unmatched += r.unmatched
            total.invalid += r.invalid
        }
        list.append(total)
        return list
    }

    /// Writes `fixed.csv`, `unmatched.csv` and `match_rates.csv` into `root`; returns the files.
    public static func write(
        _ matches: [SurveyMatcher.Match], invalid: [SurveyRowProblem], files: [String], root: String,
        relative: (String) -> String, locale: ReportLocale
    ) throws -> [String] {
        let sep = locale.csvSeparator
        let bom = locale == .de ? "\u{FEFF}" : ""
        func number(_ v: Double?) -> String {
            guard let v else { return "" }
            let text = NumberText.plain(v)
            return locale == .de ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        // The fixed-line layer: one record per matched address for today, one more for a planned network.
        var fixed: [[String]] = []
        for m in matches where m.status == .matched {
            for a in m.addresses {
                let base = "\(URL(fileURLWithPath: m.row.file).deletingPathExtension().lastPathComponent)-\(m.row.line)"
                let suffix = m.addresses.count > 1 ? "-\(a.buildingID)" : ""
                fixed.append([
                    base + suffix, a.buildingID, m.row.technology.rawValue, number(m.row.downMbps),
                    number(m.row.upMbps), m.row.operatorName, "false", "", relative(m.row.file), String(m.row.line),
                ])
                if let p = m.row.planned {
                    fixed.append([
                        base + suffix + "-planned", a.buildingID, p.technology.rawValue, number(p.downMbps),
                        number(p.upMbps), m.row.operatorName, "true", p.date.map { "\($0)" } ?? "",
                        relative(m.row.file), String(m.row.line),
                    ])
                }
            }
        }
        try AtomicFile.write(
            bom
                + CSVWriter.table(
                    header: [
                        "id", "building_id", "technology", "down_mbps", "up_mbps", "provider", "planned_within_3y",
                        "planned_date", "survey_file", "survey_line",
                    ], rows: fixed, separator: sep), to: root + "/fixed.csv")
        // Every row that did not match, with the reason and the nearest addresses.
        func listed(_ addresses: [SurveyMatcher.Address]) -> String {
            addresses.map { "\($0.address.text) (\($0.buildingID))" }.joined(separator: "; ")
        }
        var unmatched: [[String]] = []
        for m in matches where m.status != .matched {
            unmatched.append([
                relative(m.row.file), String(m.row.line), m.row.operatorName, m.row.addressText, m.status.rawValue,
                m.reason, listed(m.status == .ambiguous ? m.addresses : m.nearest),
            ])
        }
        for p in invalid { unmatched.append([relative(p.file), String(p.line), "", p.text, "invalid", p.reason, ""]) }
        try AtomicFile.write(
            bom
                + CSVWriter.table(
                    header: ["file", "line", "operator", "address", "status", "reason", "candidates"], rows: unmatched,
                    separator: sep), to: root + "/unmatched.csv")
        try AtomicFile.write(
            bom
                + CSVWriter.table(
                    header: ["file", "operator", "rows", "matched", "ambiguous", "unmatched", "invalid", "match_rate"],
                    rows: rates(matches, invalid: invalid, files: files).map { r in
                        [
                            r.file == "all" ? "all" : relative(r.file), r.operatorName, String(r.rows),
                            String(r.matched), String(r.ambiguous), String(r.unmatched), String(r.invalid),
                            NumberFormat.fixed(r.share, decimals: 4, locale: locale),
                        ]
                    }, separator: sep), to: root + "/match_rates.csv")
        return ["fixed.csv", "match_rates.csv", "unmatched.csv"]
    }
}
