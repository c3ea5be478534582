import Foundation

/// Download times t = 8 · bytes / (rate · 10⁶) seconds for sizes × rates, and its renderings.
public struct DownloadTimeTable: Sendable {
    public enum Locale: String, Sendable, CaseIterable { case de, en }
    public enum Format: String, Sendable, CaseIterable { case text, csv, json, markdown }

    public var sizes: [DownloadSize]
    public var columns: [TechnologyCatalogue.RateColumn]

    public init(sizes: [DownloadSize] = DownloadSize.defaults, columns: [TechnologyCatalogue.RateColumn] = TechnologyCatalogue.tableColumns) {
        self.sizes = sizes
        self.columns = columns
    }

    /// Seconds to download `bytes` at `rateMbps` (decimal units).
    public static func seconds(bytes: Double, rateMbps: Double) -> Double {
        bytes * 8 / (rateMbps * 1e6)
    }

    public func seconds(row: Int, column: Int) -> Double {
        Self.seconds(bytes: sizes[row].bytes, rateMbps: columns[column].rateMbps)
    }

    /// Decimals shown in a column: whole seconds, or two decimals when any value of the column is below 1 s.
    public func decimals(column: Int) -> Int {
        sizes.indices.contains { seconds(row: $0, column: column) < 1 } ? 2 : 0
    }

    /// A number rounded half away from zero with a decimal comma or point.
    public static func format(_ value: Double, decimals: Int, decimalComma: Bool) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "-∞" : "∞") }
        let scale = pow(10, Double(decimals))
        guard abs(value * scale) < 9e15 else {
            // Beyond exact whole numbers in a Double: print the digits as they are.
            let text = String(format: "%.\(decimals)f", value)
            return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64((rounded / scale).rounded(.towardZero))
        guard decimals > 0 else { return String(Int64(rounded)) }
        let fraction = Int64(abs(rounded) - abs(Double(whole)) * scale)
        var digits = String(fraction)
        digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        let sign = rounded < 0 && whole == 0 ? "-" : ""
        return sign + String(whole) + (decimalComma ? "," : ".") + digits
    }

    func cells(locale: Locale) -> [[String]] {
        let de = locale == .de
        var rows = [[de ? "Downloadzeit in s" : "Download time in s"] + columns.map { de ? $0.labelDE : $0.labelEN }]
        for r in sizes.indices {
            rows.append([de ? sizes[r].labelDE : sizes[r].labelEN] + columns.indices.map {
                Self.format(seconds(row: r, column: $0), decimals: decimals(column: $0), decimalComma: de)
            })
        }
        return rows
    }

    public func render(_ format: Format, locale: Locale = .de) -> String {
        switch format {
        case .text:
            let rows = cells(locale: locale)
            let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
            return rows.map { row in
                row.enumerated().map { c, cell in
                    c == row.count - 1 ? cell : cell.padding(toLength: widths[c] + (c == 0 ? 3 : 2), withPad: " ", startingAt: 0)
                }.joined()
            }.joined(separator: "\n") + "\n"
        case .markdown:
            let rows = cells(locale: locale)
            let header = "| " + rows[0].joined(separator: " | ") + " |"
            let rule = "|" + rows[0].indices.map { $0 == 0 ? "---|" : "---:|" }.joined()
            return ([header, rule] + rows.dropFirst().map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n") + "\n"
        case .csv:
            let separator = locale == .de ? ";" : ","
            return cells(locale: locale).map { $0.map(Self.csvField).joined(separator: separator) }.joined(separator: "\n") + "\n"
        case .json:
            var lines: [String] = []
            for r in sizes.indices {
                for c in columns.indices {
                    let label = locale == .de ? sizes[r].labelDE : sizes[r].labelEN
                    let tech = locale == .de ? columns[c].labelDE : columns[c].labelEN
                    lines.append("{\"size\":\(Self.jsonString(label)),\"size_bytes\":\(Self.jsonNumber(sizes[r].bytes)),\"technology\":\(Self.jsonString(tech)),\"rate_mbps\":\(Self.jsonNumber(columns[c].rateMbps)),\"seconds\":\(Self.jsonNumber(seconds(row: r, column: c)))}")
                }
            }
            return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func jsonString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func jsonNumber(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }
}
