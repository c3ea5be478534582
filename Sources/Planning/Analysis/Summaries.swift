import GeoCore
import Radio

/// One row of the schools table.
public struct SchoolReport: Sendable {
    public var schoolID: String
    public var name: String
    public var buildingID: String
    public var connection: FixedService.Network?
    /// Classes as given, or one per 23 pupils.
    public var classes: Int?
    public var mbpsPerClass: Double?
    /// The old rule: 30 Mbit/s per class.
    public var meetsClassRule: Bool?
    public var wlanIsland: String?
    public var bestMobile: (ServiceKey, LinkQuality)?
    public var eligibleUnder: [FundingProgramme]

    public static let mbpsPerClassRule = 30.0
    public static let pupilsPerClass = 23.0
}

/// Coverage of one class in an area.
public struct ClassCoverage: Sendable {
    public var coverageClass: CoverageClass
    public var areaKm2: Double
    public var residents: Double
}

/// Counts of one district (or of the whole city).
public struct AreaSummary: Sendable {
    public var id: String
    public var name: String
    public var areaKm2: Double
    public var all: BuildingCounts
    public var eligible: [FundingProgramme: BuildingCounts]
    public var coverage: [ClassCoverage]

    public init(id: String, name: String, areaKm2: Double, all: BuildingCounts, eligible: [FundingProgramme: BuildingCounts], coverage: [ClassCoverage]) {
        self.id = id
        self.name = name
        self.areaKm2 = areaKm2
        self.all = all
        self.eligible = eligible
        self.coverage = coverage
    }
}
