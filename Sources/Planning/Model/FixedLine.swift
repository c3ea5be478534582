import GeoCore

/// Fixed-line access technologies of a market survey (Markterkundung).
public enum FixedTechnology: String, Sendable, CaseIterable, Codable, Comparable {
    case none, adsl, vdsl, hfc, fttb, ftth

    public static func < (a: FixedTechnology, b: FixedTechnology) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What an operator reports for one address or building.
public struct FixedLineRecord: Sendable, Hashable {
    public var id: String
    /// The address point, when the record is located by coordinates.
    public var location: Coordinate?
    /// The building the record refers to, when given by id.
    public var buildingID: String?
    public var technology: FixedTechnology
    public var downMbps: Double
    public var upMbps: Double?
    public var provider: String?
    public var plannedWithin3Years: Bool
    public var attributes: JSONObject
}
