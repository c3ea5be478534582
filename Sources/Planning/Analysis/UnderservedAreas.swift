import GeoCore
import Radio

/// Counts of buildings and what they hold, used for areas, districts and the city.
public struct BuildingCounts: Sendable, Hashable {
    public var buildings = 0
    public var households = 0.0
    public var residents = 0.0
    public var businesses = 0
    public var schools = 0
    public var hospitals = 0
    /// Focus points other than schools and hospitals.
    public var otherFocusPoints = 0

    public init() {}

    public mutating func add(_ b: Building, focusKind: String?) {
        add(households: b.households, residents: b.residents, businesses: b.businesses, focusKind: focusKind)
    }

    /// Counts a building from its figures (`add(_:focusKind:)` without the building).
    public mutating func add(households h: Double, residents r: Double?, businesses n: Int, focusKind: String?) {
        buildings += 1
        households += h
        residents += r ?? 0
        businesses += n
        switch focusKind {
        case "school": schools += 1
        case "hospital": hospitals += 1
        case nil: break
        default: otherFocusPoints += 1
        }
    }
}

/// A connected area of eligible buildings.
public struct UnderservedArea: Sendable {
    public var id: String
    public var geometry: Geometry
    /// The district it was cut to (`cut_areas_by_district`), else nil.
    public var district: String?
    /// The most frequent reason among its buildings.
    public var dominantReason: String
    /// Its buildings, as indices into `RunResult.buildings`.
    public var members: [Int]
    public var buildingIDs: [String]
    /// Its buildings counted, all of them and per programme.
    public var summary: AreaSummary

    /// The counts of its buildings (every one is eligible under the area programme).
    public var counts: BuildingCounts { summary.all }
}

/// Clusters eligible buildings into areas: buildings whose footprints lie within `joinDistance` of each
/// other are one area (single linkage); the area is the union of the footprints buffered by half the
/// distance, so that it covers the gaps between them. Optionally cut at district borders.
public enum UnderservedAreas {
    /// - Parameter programme: the programme whose eligible buildings form the areas.
    public static func make(
        buildings: [BuildingResult], programme: FundingProgramme, joinDistance: Double, districts: DistrictLocator,
        cutByDistrict: Bool
    ) throws -> [UnderservedArea] {
        let eligible = buildings.indices.filter { buildings[$0].service.funding[programme]!.eligible }
        guard !eligible.isEmpty else { return [] }
        // `.building.geometry`, not the dynamic member `.geometry`, which copies the whole building per read.
        let geometry = { (k: Int) in buildings[eligible[k]].building.geometry }
        let tree = STRtree(boxes: eligible.indices.map { geometry($0).boundingBox!.expanded(by: joinDistance / 2) })
        var sets = DisjointSets(count: eligible.count)
        for a in eligible.indices {
            let ga = geometry(a)
            for b in tree.query(ga.boundingBox!.expanded(by: joinDistance / 2))
            where b > a && sets.find(a) != sets.find(b) {
                if Self.distance(ga, geometry(b)) <= joinDistance { sets.join(a, into: b) }
            }
        }
        var clusters: [Int: [Int]] = [:]
        for k in eligible.indices { clusters[sets.find(k), default: []].append(k) }
        let ordered = clusters.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        // The footprints buffered all at once: GEOS nodes their offset curves in one pass, where the union
        // of each footprint's own buffer overlays them pair by pair, level by level. The same ground.
        let outline: @Sendable ([Int]) throws -> Geometry = { members in
            try Geometry.collection(members.map { buildings[eligible[$0]].building.geometry }).buffer(
                joinDistance / 2, quadrantSegments: 4)
        }
        // The clusters' outlines on every core (each GEOS call has its own context), in cluster order.
        let outlines = try parallelMap(count: ordered.count, chunkSize: 8) { range in
            range.map { c in Result { try outline(ordered[c]) } }
        }.map { try $0.get() }
        var areas: [UnderservedArea] = []
        for (c, members) in ordered.enumerated() {
            let whole = outlines[c]
            // Pieces of the area, each with the members whose centre it holds; members outside every
            // district form a piece of their own, so that every eligible building is in one area.
            var pieces: [(Geometry, String?, [Int])] = [(whole, nil, members)]
            if cutByDistrict && !districts.isEmpty {
                pieces = []
                var placed = Set<Int>()
                let box = whole.boundingBox
                for (d, district) in districts.districts.enumerated() {
                    // Apart boxes: no common area and none of the members' centres (they lie inside `whole`).
                    if let box, let districtBox = district.geometry.boundingBox, !box.intersects(districtBox) {
                        continue
                    }
                    let part = try whole.intersection(district.geometry)
                    guard !part.polygons.isEmpty else { continue }
                    let inside = try members.filter { k in
                        if placed.contains(k) { return false }
                        return try districts.covers(d, geometry(k).anchor!)
                    }
                    placed.formUnion(inside)
                    if !inside.isEmpty { pieces.append((.multiPolygon(part.polygons), district.name, inside)) }
                }
                let outside = members.filter { !placed.contains($0) }
                if !outside.isEmpty { pieces.append((try outline(outside), nil, outside)) }
            }
            for (piece, cutDistrict, inside) in pieces {
                let id = "area-\(areas.count + 1)"
                // Not cut: the district that holds most of its buildings (the first in layer order on a tie).
                var district = cutDistrict
                if district == nil && !cutByDistrict && !districts.isEmpty {
                    var votes = [Int](repeating: 0, count: districts.districts.count)
                    for k in inside { if let d = buildings[eligible[k]].district { votes[d] += 1 } }
                    if let top = votes.max(), top > 0 {
                        district = districts.districts[votes.firstIndex(of: top)!].name
                    }
                }
                var summary = AreaSummary(id: id, name: id, geometry: piece, areaKm2: try piece.area() / 1e6)
                var reasons = CaseCounts<FundingReason>()
                // Read in place: a copy of a building's result retains each of its references.
                buildings.withUnsafeBufferPointer { buildings in
                    for k in inside {
                        summary.add(buildings.baseAddress! + eligible[k])
                        reasons.add(buildings[eligible[k]].service.funding[programme]!.reason)
                    }
                }
                // The most frequent; on a tie, the first by name.
                let dominant = reasons.counted.max { ($0.1, $1.0.rawValue) < ($1.1, $0.0.rawValue) }!.0.rawValue
                areas.append(
                    UnderservedArea(
                        id: id, geometry: piece, district: district, dominantReason: dominant,
                        members: inside.map { eligible[$0] },
                        buildingIDs: inside.map { buildings[eligible[$0]].building.id }, summary: summary))
            }
        }
        return areas
    }

    /// Smallest distance between two footprints (0 when one contains a vertex of the other).
    static func distance(_ a: Geometry, _ b: Geometry) -> Double {
        var best = Double.infinity
        a.forEachCoordinate { best = min(best, b.planarDistance(to: $0)) }
        b.forEachCoordinate { best = min(best, a.planarDistance(to: $0)) }
        return best
    }
}
