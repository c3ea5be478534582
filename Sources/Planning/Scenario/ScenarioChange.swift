import GeoCore
import Radio

/// Which sites (and which of their sectors) a change applies to. Every given criterion must hold.
public struct SiteSelector: Sendable {
    public var ids: [String]?
    public var operatorName: String?
    /// Name or id of a district that must contain the site.
    public var district: String?
    public var technology: Technology?
    public var frequencyMHz: Double?

    /// Whether the selector names sectors (technology or band) rather than whole sites.
    var selectsSectors: Bool { technology != nil || frequencyMHz != nil }

    func matches(_ s: Sector) -> Bool {
        (technology == nil || s.technology == technology) && (frequencyMHz == nil || s.frequencyMHz == frequencyMHz)
    }
}

/// Which buildings a change applies to. Every given criterion must hold.
public struct BuildingSelector: Sendable {
    public var ids: [String]?
    /// The buildings of the schools layer (and school buildings).
    public var schools = false
    public var uses: [BuildingUse]?
    public var district: String?
    /// Focus-point kinds, e.g. hospital, authority.
    public var focusKinds: [String]?
}

/// One change of a scenario, with where it was written (for errors).
public struct ScenarioChange: Sendable {
    public enum Action: Sendable {
        /// New sites, as GeoData site features (lon/lat, or x/y in the working CRS).
        case addSites([NewSite])
        case removeSites(SiteSelector)
        /// New values for site height or for the selected sectors' tilt, EIRP, layers.
        case modifySites(SiteSelector, SiteModification)
        /// Sectors (GeoData sector fields) added to every selected site.
        case addSectors(SiteSelector, [JSONObject])
        /// Selected sectors become another technology (and band, bandwidth, power).
        case upgrade(SiteSelector, SectorUpgrade)
        case addWLAN(BuildingSelector, WLANTemplate)
        case addFibre(BuildingSelector, FibreTemplate)
    }

    public var action: Action
    public var file: String
    public var line: Int?
    /// The key path in the scenario, e.g. `changes[3]`.
    public var key: String
}

public struct SiteModification: Sendable {
    public var heightM: Double?
    public var tiltDeg: Double?
    public var eirpDBm: Double?
    public var layers: Int?
    public var environment: SiteEnvironment?
}

public struct SectorUpgrade: Sendable {
    public var technology: Technology
    public var frequencyMHz: Double?
    public var bandwidthMHz: Double?
    public var eirpDBm: Double?
    public var layers: Int?
}

public struct WLANTemplate: Sendable {
    public var standard: WLANRate.Standard = .ax
    public var bandMHz: Double = 5000
    public var isPublic = false
    public var backhaulMbps: Double?
    /// One AP per this much footprint (at least one, at most 20 per building), m².
    public var squareMetresPerAP = 400.0
}

public struct FibreTemplate: Sendable {
    public var technology: FixedTechnology = .ftth
    public var downMbps = 1000.0
    public var upMbps = 1000.0
    public var provider = "scenario"
    public var plannedWithin3Years = false
    /// When the added network is due; a date makes it a planned network.
    public var plannedDate: CalendarDate?
}

/// A site added by a scenario: its feature and the CRS its coordinates are in.
public struct NewSite: Sendable {
    public enum Coordinates: Sendable {
        /// `lon`/`lat`.
        case wgs84
        /// `x`/`y` in the scenario's working CRS.
        case working
    }

    public var feature: Feature
    public var coordinates: Coordinates
}
