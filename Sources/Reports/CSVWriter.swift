import GeoCore

/// Writes tables as RFC 4180 CSV: comma-separated, UTF-8, decimal points, quoted where needed.
public enum CSVWriter {
    public static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
    }

    public static func table(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Writes a layer as a table of its fields, optionally with the geometry as WKT (working CRS) in a last column.
    public static func write(_ layer: OutputLayer, wkt: Bool, to path: String) throws {
        let names = layer.fields.map(\.name)
        let sink = try FileSink(path: path)
        try sink.write((names + (wkt ? ["wkt"] : [])).map(field).joined(separator: ",") + "\n")
        try streamFormatted(layer, { range in
            var text = ""
            for i in range {
                let f = layer.feature(i)
                let row = names.map { f.properties[$0]?.text ?? "" } + (wkt ? [try f.geometry?.wkt(decimals: 2) ?? ""] : [])
                text += row.map(field).joined(separator: ",") + "\n"
            }
            return text
        }, write: sink.write)
        try sink.close()
    }
}
