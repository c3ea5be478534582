/// The costs of a set of buildings (a project area, a district, the city) added up, €.
public struct CostTotals: Sendable, Equatable {
    public var buildings = 0
    public var homes = 0
    /// Buildings priced by the rectilinear estimate rather than along streets.
    public var estimatedBuildings = 0
    public var routeM = 0.0
    public var dropM = 0.0
    public var civilWorks = 0.0
    public var ductAndCable = 0.0
    public var houseConnection = 0.0
    public var inHouseCabling = 0.0
    public var activeEquipment = 0.0

    public init() {}

    public var capex: Double { civilWorks + ductAndCable + houseConnection + inHouseCabling + activeEquipment }
    /// Capex per home, nil without homes.
    public var costPerHome: Double? { homes > 0 ? capex / Double(homes) : nil }

    public mutating func add(_ c: BuildingCost) {
        buildings += 1
        homes += c.homes
        if c.estimated { estimatedBuildings += 1 }
        routeM += c.routeM
        dropM += c.dropM
        civilWorks += c.civilWorks
        ductAndCable += c.ductAndCable
        houseConnection += c.houseConnection
        inHouseCabling += c.inHouseCabling
        activeEquipment += c.activeEquipment
    }

    public mutating func add(_ other: CostTotals) {
        buildings += other.buildings
        homes += other.homes
        estimatedBuildings += other.estimatedBuildings
        routeM += other.routeM
        dropM += other.dropM
        civilWorks += other.civilWorks
        ductAndCable += other.ductAndCable
        houseConnection += other.houseConnection
        inHouseCabling += other.inHouseCabling
        activeEquipment += other.activeEquipment
    }
}
