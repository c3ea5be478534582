import GeoCore
import Radio

/// What a building is used for (GEODATA-CONTRACT `use`).
public enum BuildingUse: String, Sendable, CaseIterable, Codable, HashedByCase {
    case residential, commercial, mixed, `public`, school, hospital, industrial, other
}

/// A building: footprint (or point), use, households, businesses and height, in the working CRS.
public struct Building: Sendable, Hashable {
    public var id: String
    /// Footprint polygon(s), or a point when only the address is known.
    public var geometry: Geometry
    public var use: BuildingUse
    public var households: Double
    /// True when `households` was estimated (from use and floor area, or from the population grid).
    public var householdsEstimated: Bool
    public var residents: Double?
    public var businesses: Int
    public var floors: Int
    public var heightM: Double
    /// The postal address (street, number and suffix, postcode, town, AGS), when the input has one.
    public var address: PostalAddress?
    /// Every property of the input feature, passed through to the reports.
    public var attributes: SourceProperties

    public init(
        id: String, geometry: Geometry, use: BuildingUse, households: Double, householdsEstimated: Bool = false,
        residents: Double? = nil, businesses: Int = 0, floors: Int = 2, heightM: Double = 6,
        address: PostalAddress? = nil, attributes: JSONObject = JSONObject()
    ) {
        self.id = id
        self.geometry = geometry
        self.use = use
        self.households = households
        self.householdsEstimated = householdsEstimated
        self.residents = residents
        self.businesses = businesses
        self.floors = floors
        self.heightM = heightM
        self.address = address
        self.attributes = SourceProperties(attributes)
    }

    /// Footprint area in m² (0 for a point), by the shoelace formula over each valid polygon.
    public static func footprintArea(_ g: Geometry) -> Double {
        g.polygons.reduce(0) { total, p in
            total + abs(Ring.signedArea(p.exterior)) - p.holes.reduce(0) { $0 + abs(Ring.signedArea($1)) }
        }
    }

    /// Floor area per dwelling used to estimate households from the footprint, m².
    public static let floorAreaPerDwellingM2 = 90.0

    /// Households estimated from use and floor area: residential one per 90 m² of floor area (at least
    /// one), mixed half of that, other uses none.
    public static func estimatedHouseholds(use: BuildingUse, footprintM2: Double, floors: Int) -> Double {
        let dwellings = max(1, (footprintM2 * Double(floors) / floorAreaPerDwellingM2).rounded())
        switch use {
        case .residential: return dwellings
        case .mixed: return max(1, (dwellings / 2).rounded())
        default: return 0
        }
    }
}

extension Array where Element == Building {
    /// Address points rather than footprints: there are buildings, and none has a footprint.
    public var arePoints: Bool { !isEmpty && !contains(where: \.geometry.isPolygonal) }
}
