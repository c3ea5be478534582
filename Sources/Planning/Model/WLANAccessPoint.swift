import GeoCore
import Radio

/// A WLAN access point, part of a WLAN island (a building or square with public or internal WLAN).
public struct WLANAccessPoint: Sendable, Hashable {
    public var id: String
    public var location: Coordinate
    public var island: String?
    public var standard: WLANRate.Standard
    public var bandMHz: Double
    public var eirpDBm: Double
    public var indoor: Bool
    public var isPublic: Bool
    public var backhaulMbps: Double?
    public var attributes: JSONObject
}
