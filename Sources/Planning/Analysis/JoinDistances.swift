/// How far a feature of another layer may lie from a building and still be joined to it (metres), per
/// layer. Footprints contain what stands in them, so the distances can be short; address points
/// (point buildings) are a point each, so a school's or an access point's position lies some way off.
public struct JoinDistances: Sendable, Hashable {
    /// The distances a scenario set (`analysis.join_distance_m`); the others take the defaults.
    public var overrides: [LayerKind: Double] = [:]

    /// The defaults with footprints and with point buildings.
    public static let footprintDefaults: [LayerKind: Double] = [.fixed: 20, .schools: 20, .focusPoints: 20, .wlan: 0]
    public static let pointDefaults: [LayerKind: Double] = [.fixed: 20, .schools: 60, .focusPoints: 60, .wlan: 40]

    public init() {}

    /// The distance for `layer`, given whether the buildings are points.
    public func metres(_ layer: LayerKind, pointBuildings: Bool) -> Double {
        overrides[layer] ?? (pointBuildings ? Self.pointDefaults : Self.footprintDefaults)[layer] ?? 20
    }
}
