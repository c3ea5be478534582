import GeoCore

/// A school: always a socio-economic focus point under the funding rules.
public struct School: Sendable, Hashable {
    public var id: String
    public var name: String
    public var geometry: Geometry
    public var type: String?
    public var students: Int?
    public var classes: Int?
    /// The building the school occupies, when known.
    public var buildingID: String?
    public var attributes: JSONObject
}

/// A socio-economic focus point of the funding rules (hospital, authority, business park, …).
public struct FocusPoint: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case hospital, authority
        case businessPark = "business_park"
        case transportHub = "transport_hub"
        case farm, school, other
    }

    public var id: String
    public var kind: Kind
    /// The kind as written in the file (kept when it is not one of the known kinds).
    public var kindText: String
    public var name: String?
    public var geometry: Geometry
    public var attributes: JSONObject
}
