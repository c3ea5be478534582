import GeoCore

/// A district (Stadtteil, postcode area, …) used for summaries and batch reports.
public struct District: Sendable, Hashable {
    public var id: String
    public var name: String
    public var geometry: Geometry
    public var attributes: JSONObject
}

/// A population grid cell (e.g. the Zensus 1 km grid).
public struct PopulationCell: Sendable, Hashable {
    public var id: String
    public var geometry: Geometry
    /// Residents; 0 where the statistics office suppressed the count (warned when loading).
    public var population: Double
    public var householdSize: Double?
}

/// A street segment, for trench-cost estimates and WLAN street coverage.
public struct Street: Sendable, Hashable {
    public var id: String
    public var geometry: Geometry
    /// Every property of the feature (`surface`, `name`, …).
    public var attributes: JSONObject
}
