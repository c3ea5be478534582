import Radio

/// A mobile service: an operator's network of one technology.
public struct ServiceKey: Sendable, Hashable, Comparable {
    public var operatorName: String
    public var technology: Technology

    public static func < (a: ServiceKey, b: ServiceKey) -> Bool {
        (a.technology, a.operatorName) < (b.technology, b.operatorName)
    }
}

/// Downlink quality of one service at one receiver.
public struct LinkQuality: Sendable, Hashable {
    /// RSRP of the best server, dBm (received carrier power for UMTS/HSDPA).
    public var rsrpDBm: Double
    public var sinrDB: Double
    /// Sum over the operator's carriers of this technology (carrier aggregation), Mbit/s.
    public var downlinkMbps: Double
    /// The serving sector (best RSRP).
    public var sectorID: String
}
