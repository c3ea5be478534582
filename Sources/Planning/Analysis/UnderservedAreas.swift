import GeoCore

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
        buildings += 1
        households += b.households
        residents += b.residents ?? 0
        businesses += b.businesses
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
    public var district: String?
    public var counts: BuildingCounts
    /// The most frequent reason among its buildings.
    public var dominantReason: String
    public var buildingIDs: [String]
}

/// Clusters eligible buildings into areas: buildings whose footprints lie within `joinDistance` of each
/// other are one area (single linkage); the area is the union of the footprints buffered by half the
/// distance, so that it covers the gaps between them. Optionally cut at district borders.
public enum UnderservedAreas {
    public static func make(buildings: [Building], eligible: [Int], reasons: [String], focusKinds: [String?], joinDistance: Double,
                            districts: [District], cutByDistrict: Bool) throws -> [UnderservedArea] {
        guard !eligible.isEmpty else { return [] }
        let tree = STRtree(boxes: eligible.map { buildings[$0].geometry.boundingBox!.expanded(by: joinDistance / 2) })
        var parent = Array(0..<eligible.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for a in eligible.indices {
            let ga = buildings[eligible[a]].geometry
            for b in tree.query(ga.boundingBox!.expanded(by: joinDistance / 2)) where b > a && find(a) != find(b) {
                if Self.distance(ga, buildings[eligible[b]].geometry) <= joinDistance { parent[find(a)] = find(b) }
            }
        }
        var clusters: [Int: [Int]] = [:]
        for k in eligible.indices { clusters[find(k), default: []].append(k) }
        let ordered = clusters.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        var areas: [UnderservedArea] = []
        for members in ordered {
            let geometry = try Geometry.union(members.map { try buildings[eligible[$0]].geometry.buffer(joinDistance / 2, quadrantSegments: 4) })
            // Pieces of the area, each with the members whose centre it holds; members outside every
            // district form a piece of their own, so that every eligible building is in one area.
            var pieces: [(Geometry, String?, [Int])] = [(geometry, nil, members)]
            if cutByDistrict && !districts.isEmpty {
                pieces = []
                var placed = Set<Int>()
                for d in districts {
                    let part = try geometry.intersection(d.geometry)
                    guard !part.polygons.isEmpty else { continue }
                    let prepared = try PreparedGeometry(d.geometry)
                    let inside = try members.filter { k in
                        if placed.contains(k) { return false }
                        return try prepared.covers(buildings[eligible[k]].geometry.anchor!)
                    }
                    placed.formUnion(inside)
                    if !inside.isEmpty { pieces.append((.multiPolygon(part.polygons), d.name, inside)) }
                }
                let outside = members.filter { !placed.contains($0) }
                if !outside.isEmpty {
                    let rest = try Geometry.union(outside.map { try buildings[eligible[$0]].geometry.buffer(joinDistance / 2, quadrantSegments: 4) })
                    pieces.append((rest, nil, outside))
                }
            }
            for (piece, district, inside) in pieces {
                var counts = BuildingCounts()
                var tally: [String: Int] = [:]
                var ids: [String] = []
                for k in inside {
                    let b = buildings[eligible[k]]
                    counts.add(b, focusKind: focusKinds[eligible[k]])
                    tally[reasons[eligible[k]], default: 0] += 1
                    ids.append(b.id)
                }
                let dominant = tally.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                areas.append(UnderservedArea(id: "area-\(areas.count + 1)", geometry: piece, district: district, counts: counts, dominantReason: dominant, buildingIDs: ids))
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
