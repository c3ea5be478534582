import GeoCore
import Radio

/// The download-time table as text: German (the city's published form: decimal comma) or English.
/// Whole seconds, or two decimals in a column with values below one second.
public enum DownloadTimeText {
    /// The header row and one row per size, formatted.
    public static func cells(_ table: DownloadTimeTable, locale: ReportLocale) -> TableText {
        let de = locale == .de
        let header =
            [de ? "Downloadzeit in s" : "Download time in s"] + table.columns.map { de ? $0.labelDE : $0.labelEN }
        let rows = table.sizes.indices.map { r in
            [de ? table.sizes[r].labelDE : table.sizes[r].labelEN]
                + table.columns.indices.map {
                    NumberFormat.fixed(
                        table.seconds(row: r, column: $0), decimals: table.decimals(column: $0), locale: locale)
                }
        }
        return TableText(header: header, rows: rows)
    }

    public static func render(
        _ table: DownloadTimeTable, _ format: TableText.Format, locale: ReportLocale = .de
    ) -> String {
        switch format {
        case .text: return cells(table, locale: locale).text
        case .markdown: return cells(table, locale: locale).markdown
        case .csv: return cells(table, locale: locale).csv(locale)
        case .json:
            // Unrounded seconds, one object per size and column.
            let de = locale == .de
            let items: [JSONValue] = table.sizes.indices.flatMap { r in
                table.columns.indices.map { c -> JSONValue in
                    .object(
                        JSONObject([
                            ("size", .string(de ? table.sizes[r].labelDE : table.sizes[r].labelEN)),
                            ("size_bytes", .number(table.sizes[r].bytes)),
                            ("technology", .string(de ? table.columns[c].labelDE : table.columns[c].labelEN)),
                            ("rate_mbps", .number(table.columns[c].rateMbps)),
                            ("seconds", .number(table.seconds(row: r, column: c))),
                        ]))
                }
            }
            return "[\n" + items.map { JSONWriter.serialize($0) }.joined(separator: ",\n") + "\n]\n"
        }
    }
}
