import GeoCore

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
    public static func write(_ layer: OutputLayer, wktCRS: CRS?, to path: String) throws {
        let names = layer.fields.map(\.name)
        let sink = try FileSink(path: path)
        let crs = wktCRS.map { field($0.identifier) }
        try sink.write((names + (wktCRS != nil ? ["wkt", "crs"] : [])).map { field($0) }.joined(separator: ",") + "\n")
        try streamFormatted(
            layer,
            { range in
                var text = ""
                for i in range {
                    let r = layer.row(i)
                    for (k, value) in r.values.enumerated() {
                        if k > 0 { text += "," }
                        text += field(value.text)
                    }
                    if let crs {
                        text += (names.isEmpty ? "" : ",") + field(try r.geometry?.wkt(decimals: 2) ?? "") + "," + crs
                    }
                    text += "\n"
                }
                return text
            }, write: sink.write)
        try sink.close()
    }
}
