import Foundation

/// The file formats a run can write (summary.json is always written).
/// How much the buildings layer holds: everything (`full`), or without the download times and the
/// input's pass-through `src_*` columns (`slim`), which make a city's buildings file several times larger.
public enum OutputProfile: String, Sendable, CaseIterable { case full, slim }

public enum OutputFormat: String, Sendable, CaseIterable {
    case gpkg, geojson, csv, html

    /// Parses a comma-separated list such as `gpkg,csv`.
    /// - Throws: `OutputFormatError` naming the unknown entry.
    public static func parseList(_ text: String) throws(OutputFormatError) -> Set<OutputFormat> {
        var out = Set<OutputFormat>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: name) else { throw OutputFormatError(entry: String(part)) }
            out.insert(format)
        }
        return out
    }
}

/// An entry of `--format` that is not an output format.
public struct OutputFormatError: Error, Sendable, CustomStringConvertible {
    public let entry: String
    public var description: String {
        "--format: \"\(entry)\" is not one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
