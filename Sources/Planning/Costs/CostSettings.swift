import GeoCore

/// How a run prices closing the gaps (`costs:` in a scenario): the catalogue, where the network starts,
/// how trenches are routed, and the funding-gap model.
public struct CostSettings: Sendable {
    public var catalogue = CostCatalogue()
    public var gapModel = FundingGapModel()
    /// Points of presence in the working CRS; without any, trenches start at the buildings that already
    /// have fibre (FTTH/FTTB).
    public var pointsOfPresence: [Coordinate] = []
    /// A building or PoP farther than this from every street is not routed along the streets; its
    /// trench is a rectilinear estimate, m.
    public var maximumStreetDistanceM = 150.0
    /// The estimate where no street leads joins buildings up to this far apart first (docs/costs.md), m.
    public var estimateLinkRadiusM = 250.0
    /// The surface of a street whose tags name none, and of estimated trenches.
    public var defaultSurface: Surface = .asphaltRoad
    /// When set, every street trench is built this way (micro-trenching, drilling, aerial).
    public var layingMethod: Surface?

    public init() {}
}
