import GeoCore

/// How a run prices closing the gaps (`costs:` in a scenario): the catalogue, where the network starts,
/// how trenches are routed, and the funding-gap model.
public struct CostSettings: Sendable {
    public var catalogue = CostCatalogue()
    public var gapModel = FundingGapModel()
    /// Where trenches may start besides the points of presence.
    public enum NetworkStart: String, Sendable, CaseIterable {
        /// The points of presence only.
        case pop
        /// Also every building with FTTH or FTTB.
        case fibre
        /// Also every building served by a network whose distribution point is fibre-fed: FTTH, FTTB, cable
        /// (HFC nodes) and VDSL (street cabinets).
        case fibreFed = "fibre_fed"

        /// The technologies of buildings that count as a start.
        public var technologies: Set<FixedTechnology> {
            switch self {
            case .pop: []
            case .fibre: [.ftth, .fttb]
            case .fibreFed: [.ftth, .fttb, .hfc, .vdsl]
            }
        }
    }

    /// Points of presence in the working CRS.
    public var pointsOfPresence: [Coordinate] = []
    /// Trenches start at the PoPs and at the buildings this names (never at a building to connect).
    public var networkStart: NetworkStart = .fibreFed
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
