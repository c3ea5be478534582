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
        let geometry: @Sendable (Int) -> Geometry = { k in buildings[eligible[k]].building.geometry }
        // Each footprint's box once, and each one's neighbours by box (the later ones, ascending) found on
        // every core, a block of footprints at a time (so that the lists are not all held at once); the
        // footprints are then joined in order, as one loop over them did.
        let boxes = parallelMap(count: eligible.count, chunkSize: 2048) { k in
            geometry(k).boundingBox!.expanded(by: joinDistance / 2)
        }
        let tree = STRtree(boxes: boxes)
        var sets = DisjointSets(count: eligible.count)
        let block = 1 << 16
        for start in stride(from: 0, to: eligible.count, by: block) {
            let end = min(eligible.count, start + block)
            let neighbours = parallelMap(count: end - start, chunkSize: 1024) { k in
                tree.query(boxes[start + k]).filter { $0 > start + k }
            }
            for a in start..<end where !neighbours[a - start].isEmpty {
                let ga = geometry(a)
                for b in neighbours[a - start] where sets.find(a) != sets.find(b) {
                    if Self.distance(ga, geometry(b)) <= joinDistance { sets.join(a, into: b) }
                }
            }
        }
        var clusters: [Int: [Int]] = [:]
        for k in eligible.indices { clusters[sets.find(k), default: []].append(k) }
        let ordered = clusters.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        let outline = { (members: [Int]) in
            try Self.outlines([members], footprint: geometry, distance: joinDistance / 2)[0]
        }
        let outlines = try Self.outlines(ordered, footprint: geometry, distance: joinDistance / 2)
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

    /// Members above which a cluster's outline is made in parts (`outlines`).
    static let wholeOutlineLimit = 16384
    /// The most members of one part.
    static let outlinePartSize = 8

    /// The outline of each cluster, in order: the union of its members' footprints buffered by `distance`.
    /// The footprints are buffered all at once: GEOS nodes their offset curves in one pass, where the union
    /// of each footprint's own buffer overlays them pair by pair, level by level. The same ground.
    ///
    /// GEOS's buffer of one collection grows faster than its size where the buffers overlap densely, though:
    /// the one cluster of 99,359 buildings that peer-scope has without fixed-line data took 44 s and 4.4 GB
    /// in one piece. A cluster of more than `wholeLimit` members is therefore cut into parts of at most
    /// `outlinePartSize` (halved at the median of their anchors along the longer side of their box, so that
    /// the parts are compact and meet only along seams), the parts are buffered, and their outlines are
    /// unioned eight at a time, level by level (`union`): 3 s and 0.4 GB for that cluster. Parts of 64 or
    /// 1,024 buildings took 4.7 or 7.8 s. Up to the limit one buffer is faster: cut above 256 members,
    /// peer-scope's areas took 0.70 s of CPU instead of 0.44 s, and cut above 2,048, region's (clusters of
    /// up to 9,810 sparser buildings) 6.6 s instead of 6.1 s. Every buffer and union runs on every core (each
    /// GEOS call has its own context), and the result is the same for any thread count.
    static func outlines(
        _ clusters: [[Int]], footprint: @escaping @Sendable (Int) -> Geometry, distance: Double,
        wholeLimit: Int = wholeOutlineLimit
    ) throws -> [Geometry] {
        // Per cluster, its parts; the parts of all clusters buffered in one pass.
        let parts = clusters.map { members in
            members.count > wholeLimit ? spatialParts(members, footprint: footprint) : [members]
        }
        let flat = parts.flatMap { $0 }
        let buffered = try parallelMap(count: flat.count, chunkSize: 1) { range in
            range.map { p in
                Result { try Geometry.collection(flat[p].map(footprint)).buffer(distance, quadrantSegments: 4) }
            }
        }.map { try $0.get() }
        var outlines: [Geometry] = []
        outlines.reserveCapacity(clusters.count)
        var next = 0
        for clusterParts in parts {
            outlines.append(try union(Array(buffered[next..<(next + clusterParts.count)])))
            next += clusterParts.count
        }
        return outlines
    }

    /// The union of many overlapping outlines: eight at a time on every core, level by level, in a fixed
    /// grouping (the same result for any thread count); one outline is itself.
    static func union(_ pieces: [Geometry]) throws -> Geometry {
        var level = pieces
        while level.count > 1 {
            let groups = (level.count + 7) / 8
            let current = level
            level = try parallelMap(count: groups, chunkSize: 1) { range in
                range.map { g in
                    Result {
                        let group = Array(current[(g * 8)..<min(current.count, (g + 1) * 8)])
                        return group.count == 1 ? group[0] : try Geometry.union(group)
                    }
                }
            }.map { try $0.get() }
        }
        return level[0]
    }

    /// `members` cut into parts of at most `outlinePartSize`: each set halved at the median of its
    /// footprints' anchors along the longer side of their box (ties by position in `members`), until small
    /// enough.
    static func spatialParts(_ members: [Int], footprint: (Int) -> Geometry) -> [[Int]] {
        let anchors = members.map { footprint($0).anchor ?? Coordinate(0, 0) }
        var parts: [[Int]] = []
        func split(_ set: [Int]) {
            // `set` holds positions in `members`.
            guard set.count > outlinePartSize else { return parts.append(set.map { members[$0] }) }
            let xs = set.map { anchors[$0].x }
            let ys = set.map { anchors[$0].y }
            let alongX = xs.max()! - xs.min()! >= ys.max()! - ys.min()!
            let sorted = set.sorted { a, b in
                let (ka, kb) = alongX ? (anchors[a].x, anchors[b].x) : (anchors[a].y, anchors[b].y)
                return ka != kb ? ka < kb : a < b
            }
            split(Array(sorted[..<(sorted.count / 2)]))
            split(Array(sorted[(sorted.count / 2)...]))
        }
        split(Array(members.indices))
        return parts
    }

    /// Smallest distance between two footprints (0 when one contains a vertex of the other).
    static func distance(_ a: Geometry, _ b: Geometry) -> Double {
        var best = Double.infinity
        a.forEachCoordinate { best = min(best, b.planarDistance(to: $0)) }
        b.forEachCoordinate { best = min(best, a.planarDistance(to: $0)) }
        return best
    }
}
