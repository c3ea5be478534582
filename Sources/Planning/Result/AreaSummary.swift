import GeoCore

/// Coverage of one class in an area.
public struct ClassCoverage: Sendable {
    public var coverageClass: CoverageClass
    public var areaKm2: Double
    public var residents: Double
}

/// Counts of one district, one underserved area or the whole city.
public struct AreaSummary: Sendable {
    public var id: String
    public var name: String
    /// The district's or area's outline; nil for the city.
    public var geometry: Geometry? = nil
    public var areaKm2: Double
    /// Every building in it.
    public var all = BuildingCounts()
    /// The buildings eligible under each programme.
    public var eligible: [FundingProgramme: BuildingCounts] = [:]
    /// Per coverage class of the settings, in their order (empty for underserved areas).
    public var coverage: [ClassCoverage] = []
    /// The costs of connecting its buildings that the cost plan connects.
    public var cost = CostTotals()

    /// Counts a building in `all` and under each programme it is eligible for.
    public mutating func add(_ b: BuildingResult) {
        all.add(b.building, focusKind: b.focusKind)
        for p in FundingProgramme.allCases where b.service.funding[p]!.eligible {
            eligible[p, default: BuildingCounts()].add(b.building, focusKind: b.focusKind)
        }
    }
}
