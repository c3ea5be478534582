import GeoCore
import Planning

/// Writes tables as RFC 4180 CSV: comma-separated (or `;` where asked), UTF-8, quoted where needed.
public enum CSVWriter {
    /// A field, quoted when it holds the separator, a quote or a line break.
    public static func field(_ s: String, separator: Character = ",") -> String {
        // The separators in use are ASCII: a scan of the bytes decides (Characters are slow to iterate).
        let sep = separator.asciiValue ?? 0x2C
        guard s.utf8.contains(where: { $0 == sep || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    public static func table(header: [String], rows: [[String]], separator: Character = ",") -> String {
        ([header] + rows).map { $0.map { field($0, separator: separator) }.joined(separator: String(separator)) }
            .joined(separator: "\n") + "\n"
    }

    /// Writes a layer as a table of its fields; with `wktCRS`, the geometry as WKT in that CRS and the
    /// CRS itself (e.g. `EPSG:25832`) in two last columns, so that a reader knows what the coordinates are.
    /// German (`locale: .de`) is what a German spreadsheet opens as columns: `;`-separated, decimal commas,
    /// UTF-8 with a byte-order mark.
    public static func write(
        _ layer: OutputLayer, wktCRS: CRS?, locale: ReportLocale = .en, progress: (any ProgressObserver)? = nil,
        to path: String
    ) throws {
        // German column names where a field has a German alias (the QGIS aliases), else the field's name.
        let german = Dictionary(
            LayerStyles.aliases(layer.fields).map { ($0.field, $0.alias) }, uniquingKeysWith: { a, _ in a })
        let names = layer.fields.map { locale == .de ? german[$0.name] ?? $0.name : $0.name }
        let sink = try FileSink(path: path)
        let sep = locale.csvSeparator
        let joiner = String(sep)
        let crs = wktCRS.map { field($0.identifier, separator: sep) }
        try sink.write(
            (locale == .de ? "\u{FEFF}" : "")
                + (names + (wktCRS != nil ? ["wkt", "crs"] : [])).map { field($0, separator: sep) }.joined(
                    separator: joiner) + "\n")
        let separator = Array(joiner.utf8)
        try streamFormatted(
            layer, progress: progress,
            { range in
                var text: [UInt8] = []
                for i in range {
                    let r = layer.row(i)
                    for (k, value) in r.values.enumerated() {
                        if k > 0 { text.append(contentsOf: separator) }
                        appendCell(value, locale, separator: sep, to: &text)
                    }
                    if let crs {
                        if !names.isEmpty { text.append(contentsOf: separator) }
                        text.append(contentsOf: field(try r.geometry?.wkt(decimals: 2) ?? "", separator: sep).utf8)
                        text.append(contentsOf: separator)
                        text.append(contentsOf: crs.utf8)
                    }
                    text.append(0x0A)
                }
                return text
            }, write: sink.write)
        try sink.close()
    }

    /// A value as a cell: numbers with the locale's decimal separator.
    static func cell(_ value: JSONValue, _ locale: ReportLocale) -> String {
        var out: [UInt8] = []
        appendCell(value, locale, separator: ",", quoted: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A value as a cell's bytes, quoted (`quoted`) where it holds the separator, a quote or a line break.
    static func appendCell(
        _ value: JSONValue, _ locale: ReportLocale, separator: Character, quoted: Bool = true, to out: inout [UInt8]
    ) {
        switch value {
        case .number(let n):
            // A number's text is ASCII with at most one point: in German it becomes the decimal comma
            // (in the bytes; Foundation's string replacement costs seconds over a city's buildings).
            let start = out.count
            JSONWriter.appendNumber(n, to: &out)
            if locale == .de, let point = out[start...].firstIndex(of: 0x2E) { out[point] = 0x2C }
            if quoted, locale == .de, separator == "," {
                out.insert(0x22, at: start)
                out.append(0x22)
            }
        case .string(let s) where quoted: out.append(contentsOf: field(s, separator: separator).utf8)
        default:
            let text = value.text
            out.append(contentsOf: (quoted ? field(text, separator: separator) : text).utf8)
        }
    }
}
