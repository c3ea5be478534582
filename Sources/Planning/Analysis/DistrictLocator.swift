import GeoCore

/// Finds the district that holds a point: a bounding-box prefilter (STRtree) and then the prepared
/// district polygons. A point on a shared border belongs to the first district in layer order that
/// covers it, so that every point counts in at most one district.
public struct DistrictLocator {
    public let districts: [District]
    private let tree: STRtree
    private let prepared: [PreparedGeometry]

    public init(_ districts: [District]) throws {
        self.districts = districts
        tree = STRtree(boxes: districts.map { $0.geometry.boundingBox! })
        prepared = try districts.map { try PreparedGeometry($0.geometry) }
    }

    public var isEmpty: Bool { districts.isEmpty }

    /// The index of the district that covers `p`, or nil outside every district.
    public func district(of p: Coordinate) throws -> Int? {
        // The STRtree returns candidates in no defined order; the first in layer order wins.
        let candidates = tree.query(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)).sorted()
        for d in candidates where try prepared[d].covers(p) { return d }
        return nil
    }

    /// The district of each point, as `district(of:)` finds it, worked out on all cores: each chunk of
    /// points with prepared polygons of its own (a prepared geometry is not for several threads at once).
    public func districts(of points: [Coordinate]) throws -> [Int?] {
        guard !isEmpty else { return Array(repeating: nil, count: points.count) }
        let districts = districts
        let chunk = 1 << 16
        let parts: [Result<[Int?], any Error>] = parallelMap(count: (points.count + chunk - 1) / chunk, chunkSize: 1) {
            chunks in
            chunks.map { c in
                Result {
                    let locator = try DistrictLocator(districts)
                    return try (c * chunk..<min(points.count, (c + 1) * chunk)).map {
                        try locator.district(of: points[$0])
                    }
                }
            }
        }
        return try parts.flatMap { try $0.get() }
    }

    /// Whether district `d` covers `p`.
    public func covers(_ d: Int, _ p: Coordinate) throws -> Bool { try prepared[d].covers(p) }

    /// The index of the district with this name or id.
    public func index(named name: String) -> Int? { districts.firstIndex { $0.name == name || $0.id == name } }
}
