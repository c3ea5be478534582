import Radio

/// The names a building's mobile qualities point into, once per run: the services (operator ×
/// technology) and the sectors, in the order of `MobileCoverage`.
public final class MobileNames: Sendable {
    public let services: [ServiceKey]
    public let sectorIDs: [String]

    public init(services: [ServiceKey], sectorIDs: [String]) {
        self.services = services
        self.sectorIDs = sectorIDs
    }

    /// A stored quality with its serving sector's name.
    func linkQuality(_ q: MobileCoverage.Stored) -> LinkQuality {
        LinkQuality(rsrpDBm: q.rsrp, sinrDB: q.sinr, downlinkMbps: q.mbps, sectorID: sectorIDs[Int(q.sector)])
    }
}
