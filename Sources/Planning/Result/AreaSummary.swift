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
    public mutating func add(_ b: BuildingResult) { withUnsafePointer(to: b) { add($0) } }

    /// `add(_:)` of the result at `b`, read in place: a summary that is changed while its argument is read
    /// through a pointer would otherwise be given a copy of the whole result, texts and all.
    mutating func add(_ b: UnsafePointer<BuildingResult>) {
        let households = b.pointee.building.households
        let residents = b.pointee.building.residents
        let businesses = b.pointee.building.businesses
        let focusKind = b.pointee.focusKind
        all.add(households: households, residents: residents, businesses: businesses, focusKind: focusKind)
        for p in FundingProgramme.allCases where b.pointee.service.funding[p]!.eligible {
            eligible[p, default: BuildingCounts()].add(
                households: households, residents: residents, businesses: businesses, focusKind: focusKind)
        }
    }
}
