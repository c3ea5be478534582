import GeoCore

/// Writes tables as RFC 4180 CSV: comma-separated, UTF-8, decimal points, quoted where needed.
public enum CSVWriter {
    public static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
    }

    public static func table(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A layer as a table of its fields, optionally with the geometry as WKT (working CRS) in a last column.
    public static func layer(_ layer: OutputLayer, wkt: Bool) throws -> String {
        let names = layer.fields.map(\.name)
        let rows = try layer.features.map { f in
            names.map { f.properties[$0]?.text ?? "" } + (wkt ? [try f.geometry?.wkt(decimals: 2) ?? ""] : [])
        }
        return table(header: names + (wkt ? ["wkt"] : []), rows: rows)
    }
}
