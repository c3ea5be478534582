import GeoCore

/// A table of text cells (a header row, then data rows) rendered as aligned text, CSV, JSON or
/// Markdown.
public struct TableText: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, csv, json, markdown }

    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Aligned columns (the first padded by three spaces, the others by two).
    public var text: String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max()! }
        return all.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1
                    ? cell : cell.padding(toLength: widths[c] + (c == 0 ? 3 : 2), withPad: " ", startingAt: 0)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    /// A Markdown table, numeric columns (all but the first) right-aligned.
    public var markdown: String {
        let head = "| " + header.joined(separator: " | ") + " |"
        let rule = "|" + header.indices.map { $0 == 0 ? "---|" : "---:|" }.joined()
        return ([head, rule] + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n") + "\n"
    }

    /// CSV with the locale's separator.
    public func csv(_ locale: ReportLocale) -> String {
        CSVWriter.table(header: header, rows: rows, separator: locale.csvSeparator)
    }
}
