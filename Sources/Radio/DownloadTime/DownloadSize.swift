import Foundation

/// A file size for the download-time table, in bytes (decimal units: 1 MB = 10⁶ bytes).
public struct DownloadSize: Sendable, Hashable {
    public var labelDE: String
    public var labelEN: String
    public var bytes: Double

    public init(labelDE: String, labelEN: String, bytes: Double) {
        self.labelDE = labelDE
        self.labelEN = labelEN
        self.bytes = bytes
    }

    /// The city's six rows: 10 MP3s (50 MB), 100 MB of pictures, a 1 GB update, 5 GB and 20 GB games, a 100 GB backup.
    public static let defaults: [DownloadSize] = [
        DownloadSize(labelDE: "10 MP3s", labelEN: "10 MP3s", bytes: 50e6),
        DownloadSize(labelDE: "100 MB Bilder", labelEN: "100 MB pictures", bytes: 100e6),
        DownloadSize(labelDE: "1 GB Update", labelEN: "1 GB update", bytes: 1e9),
        DownloadSize(labelDE: "5 GB Spiel", labelEN: "5 GB game", bytes: 5e9),
        DownloadSize(labelDE: "20 GB Spiel", labelEN: "20 GB game", bytes: 20e9),
        DownloadSize(labelDE: "100 GB Backup", labelEN: "100 GB backup", bytes: 100e9),
    ]

    /// The largest size accepted: 10^18 bytes (1 EB).
    public static let maximumBytes = 1e18

    /// Parses `50MB`, `1.5 GB`, `700kB`, `2TB`, `123` (bytes), optionally labelled: `Film=4GB`; nil for
    /// anything else, for zero or negative sizes and for sizes over `maximumBytes`.
    public init?(parsing text: String) {
        var label: String?
        var value = text.trimmingCharacters(in: .whitespaces)
        if let eq = value.firstIndex(of: "=") {
            label = String(value[..<eq]).trimmingCharacters(in: .whitespaces)
            value = String(value[value.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        }
        let units: [(String, Double)] = [("tb", 1e12), ("gb", 1e9), ("mb", 1e6), ("kb", 1e3), ("b", 1)]
        let lower = value.lowercased().replacingOccurrences(of: ",", with: ".")
        var factor = 1.0
        var number = lower
        for (suffix, f) in units where lower.hasSuffix(suffix) {
            factor = f
            number = String(lower.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        guard let n = Double(number), n > 0, n.isFinite, n * factor <= Self.maximumBytes else { return nil }
        let name = label ?? value
        self.init(labelDE: name, labelEN: name, bytes: n * factor)
    }
}
