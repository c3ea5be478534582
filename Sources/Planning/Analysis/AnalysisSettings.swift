import GeoCore
import Radio

/// How the analysis computes service; every default is stated in docs and reports.
public struct AnalysisSettings: Sendable {
    /// How line of sight between a site and a receiver is decided.
    public enum LOSMethod: String, Sendable, CaseIterable {
        /// A ray through the building-height raster made from the footprints.
        case footprints
        /// The expected received power under the TR 38.901 LOS probability (Table 7.4.2-1).
        case probability
    }

    public var losMethod: LOSMethod = .footprints
    /// With `footprints`: links longer than this use the LOS probability instead of a ray, m. At 2 km the
    /// TR 38.901 LOS probability is below 1 % in UMa/UMi; the ray would almost always be blocked.
    public var losTraceDistanceM = 2000.0
    /// Receiver height outdoors, m.
    public var userHeightM = 1.5
    /// Cell size of the building-height raster, m.
    public var heightRasterCellM = 5.0
    /// Building entry loss for indoor values: ITU-R P.2109 class and probability.
    public var entryLossClass: P2109.BuildingClass = .traditional
    public var entryLossProbability = 0.5
    /// Share of resources the interfering cells use (TR 36.942 load factor).
    public var interferenceLoad = 0.7
    /// Share of the homes a sector serves that are active at once in the busy hour (`CellLoad`).
    public var busyHourActivity = 0.1
    public var noiseFigureDB = 7.0
    /// Sectors farther than this are neither servers nor interferers, m.
    public var candidateRadiusM = 4000.0
    /// Receivers with fewer candidate sites than this look as far as `extendedRadiusM`.
    public var minimumCandidateSites = 6
    public var extendedRadiusM = 10000.0
    /// Buildings closer than this to an address point take its fixed-line records ("homes passed"), m.
    public var joinDistances = JoinDistances()
    /// The join distance of fixed-line address points (`analysis.fixed_match_distance_m`).
    public var fixedMatchDistanceM: Double {
        get { joinDistances.metres(.fixed, pointBuildings: false) }
        set { joinDistances.overrides[.fixed] = newValue }
    }
    /// A run stops (exit 1) when fewer than this share of the fixed-line records find their building:
    /// the layers then do not belong together, and every verdict would be wrong.
    public var minimumJoinRate = 0.5
    /// Coverage raster resolution, m.
    public var gridResolutionM = 50.0
    /// Classes drawn as coverage polygons.
    public var coverageClasses: [CoverageClass] = [
        CoverageClass(technology: .lte, minimumMbps: 30), CoverageClass(technology: .nr, minimumMbps: 100),
    ]
    public var wlan = WLANSettings()
    public var funding = FundingSettings()
    /// How gaps are priced (`costs:`).
    public var costs = CostSettings()
    /// Eligible buildings closer than this are one underserved area, m.
    public var clusterDistanceM = 100.0
    /// Cut underserved areas at district borders.
    public var cutAreasByDistrict = false
    /// How links are evaluated: `fast`, or `reference` to check it (not a scenario setting).
    public var linkEngine: MobileCoverage.LinkEngine = .fast

    public init() {}
}

/// A coverage class: a technology (any operator, or one) at a minimum downlink rate.
public struct CoverageClass: Sendable, Hashable {
    public var technology: Technology
    public var operatorName: String?
    public var minimumMbps: Double

    public init(technology: Technology, operatorName: String? = nil, minimumMbps: Double) {
        self.technology = technology
        self.operatorName = operatorName
        self.minimumMbps = minimumMbps
    }

    public var name: String {
        "\(technology.rawValue)\(operatorName.map { "-\($0)" } ?? "")-\(NumberText.plain(minimumMbps))"
    }

    public var label: String {
        "\(technology.displayName)\(operatorName.map { " (\($0))" } ?? "") ≥ \(NumberText.plain(minimumMbps)) Mbit/s"
    }
}

/// WLAN assumptions.
public struct WLANSettings: Sendable {
    /// Typical distance from an AP to a user indoors, m, and walls in between (TGax enterprise model).
    public var indoorDistanceM = 10.0
    public var indoorWalls = 2
    /// Channel bandwidth per band, MHz.
    public var bandwidthMHz: [Double: Int] = [2400: 20, 5000: 80, 6000: 160]
    public var spatialStreams = 2
    /// MAC efficiency: application throughput / PHY rate.
    public var macEfficiency = 0.6
    /// Outdoor coverage edge of public APs: the distance where the rate falls below this, Mbit/s.
    public var outdoorMinimumMbps = 10.0
    /// Outdoor path-loss exponent (log-distance) and the wall loss of an indoor AP seen from outside, dB.
    public var outdoorExponent = 3.0
    public var externalWallLossDB = 12.0
    public var terminalNoiseFigureDB = 7.0

    public init() {}
}
