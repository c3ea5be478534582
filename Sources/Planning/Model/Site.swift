import GeoCore
import Radio

/// A 3GPP TR 38.901 deployment scenario for a site.
public enum SiteEnvironment: String, Sendable, CaseIterable, Codable { case uma, umi, rma, indoor }

/// One sector (cell) of a site: antenna direction and one carrier.
public struct Sector: Sendable, Hashable {
    public var id: String
    /// Boresight bearing clockwise from north; nil for an omnidirectional antenna.
    public var azimuthDeg: Double?
    public var tiltDeg: Double
    public var beamwidthDeg: Double
    public var technology: Technology
    public var frequencyMHz: Double
    public var bandwidthMHz: Double
    /// EIRP at the antenna's maximum gain over the carrier, dBm.
    public var eirpDBm: Double
    public var antennaGainDBi: Double
    public var layers: Int

    /// Default transmit power at the antenna port (40 W) and panel gain used when the file gives neither.
    public static let defaultTxPowerDBm = 46.0
    public static let defaultAntennaGainDBi = 17.0
}

/// A cell site: a mast or rooftop with sectors.
public struct Site: Sendable, Hashable {
    public var id: String
    public var location: Coordinate
    public var operatorName: String?
    public var heightM: Double
    /// As given; nil means "choose from the surroundings".
    public var environment: SiteEnvironment?
    public var sectors: [Sector]
    public var attributes: JSONObject

    public static let defaultHeightM = 25.0
}
