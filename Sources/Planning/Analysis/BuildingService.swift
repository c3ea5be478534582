import GeoCore
import Radio

/// Where the best service of a building comes from.
public enum ServiceSource: String, Sendable, CaseIterable, Codable, HashedByCase { case fixed, mobile, wlan, none }

/// Everything known about the service at one building. The per-technology and per-programme maps are
/// compact (`MobileQualities`, `SmallMap`): there is one of each per building.
public struct BuildingService: Sendable {
    public var fixed: FixedService
    /// Best mobile service per technology over all operators, outdoors and indoors.
    public var mobileOutdoor: MobileQualities
    public var mobileIndoor: MobileQualities
    /// The expected indoor rate per technology in the busy hour, sharing the serving sector with the
    /// other active users (`CellLoad`), Mbit/s.
    public var mobileIndoorLoadedMbps: SmallMap<Technology, Double> = [:]
    public var wlanIsland: String?
    public var wlanMbps: Double?
    public var funding: SmallMap<FundingProgramme, FundingVerdict>

    /// The best mobile rate indoors over every technology, Mbit/s.
    public var bestMobileIndoorMbps: Double { mobileIndoor.bestDownlinkMbps ?? 0 }

    /// The overall best download rate and its source (fixed, indoor mobile, WLAN).
    public var best: (source: ServiceSource, downMbps: Double) {
        Self.best(fixedMbps: fixed.best?.downMbps, mobileIndoorMbps: bestMobileIndoorMbps, wlanMbps: wlanMbps)
    }

    /// `best` from its three rates: the fixed network's (`fixed.best`), the best indoor mobile one and the
    /// WLAN island's; for a reader that holds the service in place and has read them (the getter copies the
    /// whole service when it is called through a pointer).
    public static func best(
        fixedMbps: Double?, mobileIndoorMbps: Double, wlanMbps: Double?
    ) -> (source: ServiceSource, downMbps: Double) {
        var best: (ServiceSource, Double) = (.none, 0)
        if let f = fixedMbps, f > best.1 { best = (.fixed, f) }
        if mobileIndoorMbps > best.1 { best = (.mobile, mobileIndoorMbps) }
        if let w = wlanMbps, w > best.1 { best = (.wlan, w) }
        return best
    }
}
