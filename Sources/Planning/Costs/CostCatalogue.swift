/// What building the network costs, in euros (net): civil works per metre by surface, duct and cable,
/// house connections, in-house cabling, active equipment, mobile sites and WLAN access points. The
/// defaults and their sources are listed in docs/costs.md; a scenario overrides any of them (`costs:`).
public struct CostCatalogue: Sendable, Equatable {
    /// Civil works per metre of trench (€/m), by surface or laying method.
    public var civilWorksPerM: [Surface: Double] = [
        .asphaltRoad: 150, .pavedFootway: 110, .unpaved: 60, .microTrenching: 50, .directionalDrilling: 90, .aerial: 25,
    ]
    /// Ducts, micro-ducts and fibre cable per metre of route (€/m).
    public var ductAndCablePerM = 12.0
    /// One house connection (Hausanschluss: the drop to the building, wall entry, termination), €.
    public var houseConnectionPerBuilding = 1200.0
    /// Each home beyond the first in a building, €.
    public var houseConnectionPerExtraHome = 300.0
    /// Metres of drop that the house connection includes; a longer drop pays civil works beyond this.
    public var houseConnectionIncludedM = 15.0
    /// In-house cabling per home (network termination to the home), €.
    public var inHouseCablingPerHome = 450.0
    /// Active equipment (OLT port share, ONT) per home, €.
    public var activeEquipmentPerHome = 250.0
    /// A new mobile site (mast or rooftop, power, backhaul, three sectors), €.
    public var newMobileSite = 250_000.0
    /// A site upgraded with a new technology or band, €.
    public var upgradedMobileSite = 60_000.0
    /// One WLAN access point installed, with cabling and switch port, €.
    public var wlanAccessPoint = 1_500.0

    public init() {}

    /// Euros per metre of route on a surface: civil works plus duct and cable.
    public func routePerM(_ s: Surface) -> Double { civilWorksPerM[s]! + ductAndCablePerM }
}
