import Radio

/// Limits that keep a run inside the memory of the machine, checked before the work starts, so that a
/// setting such as `grid_resolution_m: 0.001` is answered with a message instead of an allocation that
/// cannot succeed.
public enum AnalysisLimits {
    /// The most cells of the coverage grid (each cell holds the best service per technology and operator).
    public static let maximumGridCells = 30_000_000
    /// The most cells of the height raster used to trace line of sight (one byte each).
    public static let maximumHeightRasterCells = 2_000_000_000

    /// - Throws: `AnalysisLimitError` naming the setting, the size it asks for and a value that fits.
    public static func check(
        areaWidthM: Double, areaHeightM: Double, settings: AnalysisSettings
    ) throws(AnalysisLimitError) {
        func cells(_ size: Double) -> Double { (areaWidthM / size).rounded(.up) * (areaHeightM / size).rounded(.up) }
        func fitting(_ limit: Int) -> Double { (areaWidthM * areaHeightM / Double(limit)).squareRoot().rounded(.up) }
        let extent = "\(Int(areaWidthM.rounded())) m × \(Int(areaHeightM.rounded())) m"
        if settings.gridResolutionM > 0, cells(settings.gridResolutionM) > Double(maximumGridCells) {
            throw AnalysisLimitError(
                setting: "analysis.grid_resolution_m",
                message: "\(settings.gridResolutionM) m over the input's extent (\(extent)) gives "
                    + "\(cells(settings.gridResolutionM)) grid cells, more than the \(maximumGridCells) that fit; "
                    + "use at least \(fitting(maximumGridCells)) m, or 0 for no grid")
        }
        if settings.losMethod == .footprints, cells(settings.heightRasterCellM) > Double(maximumHeightRasterCells) {
            throw AnalysisLimitError(
                setting: "radio.height_raster_cell_m",
                message: "\(settings.heightRasterCellM) m over the input's extent (\(extent)) gives more than "
                    + "\(maximumHeightRasterCells) raster cells; use at least \(fitting(maximumHeightRasterCells)) "
                    + "m, or los: probability")
        }
    }
}

/// Fixed-line records or schools that mostly find no building: the layers do not belong together (ids
/// of another buildings file, points too far from the buildings); the run stops (exit 1). WLAN islands
/// are not held to it: public access points often stand outside every building.
public struct JoinRateError: Error, Sendable, CustomStringConvertible {
    public let layer: String
    public let joined: Int
    public let total: Int
    public let minimumRate: Double
    public let likelyCause: String

    public var description: String {
        let rate = Double(joined) / Double(max(total, 1)) * 100
        return "\(layer): only \(joined) of \(total) records (\(NumberText.plain((rate * 10).rounded() / 10)) %) found "
            + "their building, below the \(NumberText.plain(minimumRate * 100)) % a run needs "
            + "(analysis.minimum_join_rate); \(likelyCause)"
    }
}

/// A setting that asks for more than the run can hold; the run stops before it starts (exit 1).
public struct AnalysisLimitError: Error, Sendable, CustomStringConvertible {
    public let setting: String
    public let message: String
    public var description: String { "\(setting): \(message)" }
}
