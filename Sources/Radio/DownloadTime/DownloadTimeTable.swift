import Foundation

/// Download times t = 8 · bytes / (rate · 10⁶) seconds for sizes × rates (values; Reports renders them).
public struct DownloadTimeTable: Sendable {
    public var sizes: [DownloadSize]
    public var columns: [TechnologyCatalogue.RateColumn]

    public init(
        sizes: [DownloadSize] = DownloadSize.defaults,
        columns: [TechnologyCatalogue.RateColumn] = TechnologyCatalogue.tableColumns
    ) {
        self.sizes = sizes
        self.columns = columns
    }

    /// Seconds to download `bytes` at `rateMbps` (decimal units).
    public static func seconds(bytes: Double, rateMbps: Double) -> Double { bytes * 8 / (rateMbps * 1e6) }

    public func seconds(row: Int, column: Int) -> Double {
        Self.seconds(bytes: sizes[row].bytes, rateMbps: columns[column].rateMbps)
    }

    /// Decimals shown in a column: whole seconds, or two decimals when any value of the column is below 1 s.
    public func decimals(column: Int) -> Int { sizes.indices.contains { seconds(row: $0, column: column) < 1 } ? 2 : 0 }
}
