import GeoCore

/// What connecting one building with fibre costs: its share of the shared trench (split by homes over
/// every building the trench serves), its drop, the house connection, in-house cabling and active
/// equipment, in euros.
public struct BuildingCost: Sendable, Equatable {
    /// Index into `RunResult.buildings`.
    public var building: Int
    /// Homes (households plus businesses, at least one) the connection serves.
    public var homes: Int
    /// Its share of the trench route, m.
    public var routeM: Double
    /// From the building to its street (or, for an estimate, to the route), m.
    public var dropM: Double
    public var civilWorks: Double
    public var ductAndCable: Double
    public var houseConnection: Double
    public var inHouseCabling: Double
    public var activeEquipment: Double
    /// True when no street leads to it and its trench is the rectilinear estimate.
    public var estimated: Bool
    /// The first trench piece of its connection (index into `CostPlan.segments`), nil when it has none.
    public var firstSegment: Int? = nil

    public var capex: Double { civilWorks + ductAndCable + houseConnection + inHouseCabling + activeEquipment }
}

/// One piece of the planned trench, for the map and the GIS layer.
public struct TrenchSegment: Sendable, Equatable {
    public var from: GeoCore.Coordinate
    public var to: GeoCore.Coordinate
    public var lengthM: Double
    public var surface: Surface
    /// Homes reached through it.
    public var homes: Int
    /// True for the rectilinear estimate where no street leads (its length is the rectilinear one).
    public var estimated: Bool
    /// The next piece toward where the network starts (index into `CostPlan.segments`), nil for the last.
    public var next: Int? = nil
}
