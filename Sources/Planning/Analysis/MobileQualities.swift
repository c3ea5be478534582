import Radio

/// The best mobile service per technology at one building (over all operators), outdoors or indoors.
///
/// Kept compactly, as there is one per building and side: each technology's entry holds its service and
/// serving sector as indexes into the run's `MobileNames` (32 bytes an entry; a `ServiceKey` and
/// `LinkQuality` pair with its two strings took 72). Read as `(ServiceKey, LinkQuality)` pairs, made when
/// asked. The technologies are in the order they were set.
public struct MobileQualities: Sendable {
    /// A technology's best service: its quality as the coverage stores it (the sector an index into
    /// `names.sectorIDs`), its service an index into `names.services`.
    struct Entry: Sendable {
        var quality: MobileCoverage.Stored
        var service: UInt16
        var technology: Technology
    }

    private var entries: [Entry] = []
    private let names: MobileNames?

    /// No service of any technology.
    public init() { names = nil }

    /// Room for `capacity` technologies, whose names are in `names`.
    init(names: MobileNames, capacity: Int) {
        self.names = names
        entries.reserveCapacity(capacity)
    }

    /// Sets technology `technology`'s best service: `service` indexes `names.services`.
    mutating func append(_ technology: Technology, service: Int, quality: MobileCoverage.Stored) {
        precondition(!entries.contains { $0.technology == technology }, "one entry per technology")
        entries.append(Entry(quality: quality, service: UInt16(service), technology: technology))
    }

    public var count: Int { entries.count }

    /// The technologies with service, in the order they were set.
    public var keys: [Technology] { entries.map(\.technology) }

    /// The services with their qualities, in the order of `keys`.
    public var values: [(ServiceKey, LinkQuality)] { entries.map(pair) }

    /// The best service of `technology` and its quality, nil without service.
    public subscript(technology: Technology) -> (ServiceKey, LinkQuality)? {
        for entry in entries where entry.technology == technology { return pair(entry) }
        return nil
    }

    /// The downlink rate of `technology`'s best service, without making its names; nil without service.
    public func downlinkMbps(_ technology: Technology) -> Double? {
        entries.first { $0.technology == technology }?.quality.mbps
    }

    /// The highest downlink rate over the technologies, nil without service.
    public var bestDownlinkMbps: Double? {
        var best: Double?
        for entry in entries { best = Swift.max(best ?? entry.quality.mbps, entry.quality.mbps) }
        return best
    }

    private func pair(_ entry: Entry) -> (ServiceKey, LinkQuality) {
        (names!.services[Int(entry.service)], names!.linkQuality(entry.quality))
    }
}
