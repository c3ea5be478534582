import GeoCore
import Radio

/// One school of the schools layer: its building's connection, Mbit/s per class, WLAN and eligibility.
public struct SchoolReport: Sendable {
    public var schoolID: String
    public var name: String
    /// The school's point (or its footprint's centre).
    public var location: Coordinate?
    /// Index of its building in `RunResult.buildings`.
    public var building: Int
    public var buildingID: String
    /// The district of its building.
    public var district: Int?
    public var connection: FixedService.Network?
    /// Classes as given, or one per 23 pupils.
    public var classes: Int?
    public var mbpsPerClass: Double?
    /// The old rule: 30 Mbit/s per class.
    public var meetsClassRule: Bool?
    public var wlanIsland: String?
    public var bestMobile: (ServiceKey, LinkQuality)?
    /// The best expected indoor mobile rate in the busy hour (`CellLoad`), Mbit/s.
    public var bestMobileLoadedMbps: Double?
    public var eligibleUnder: [FundingProgramme]

    public static let mbpsPerClassRule = 30.0
    public static let pupilsPerClass = 23.0

    /// The schools' rows from their buildings' results.
    static func make(_ schools: [School], context: SpatialContext, buildings: [BuildingResult]) -> [SchoolReport] {
        schools.enumerated().map { k, school in
            let b = context.focus.schoolBuildings[k]
            let s = buildings[b].service
            let classes = school.classes ?? school.students.map { Int((Double($0) / pupilsPerClass).rounded(.up)) }
            let down = s.fixed.best?.downMbps
            let perClass = classes.flatMap { c in c > 0 ? down.map { $0 / Double(c) } : nil }
            return SchoolReport(
                schoolID: school.id, name: school.name, location: school.geometry.anchor, building: b,
                buildingID: buildings[b].id, district: buildings[b].district, connection: s.fixed.best,
                classes: classes, mbpsPerClass: perClass, meetsClassRule: perClass.map { $0 >= mbpsPerClassRule },
                wlanIsland: s.wlanIsland,
                bestMobile: s.mobileIndoor.values.max { $0.1.downlinkMbps < $1.1.downlinkMbps },
                bestMobileLoadedMbps: s.mobileIndoorLoadedMbps.values.max(),
                eligibleUnder: FundingProgramme.allCases.filter { s.funding[$0]!.eligible })
        }
    }
}
