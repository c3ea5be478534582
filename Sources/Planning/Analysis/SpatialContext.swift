import GeoCore

/// The spatial facts of one city, worked out once and shared by every stage of the analysis and by
/// the scenario selectors: the buildings (with the population grid spread over them, and a point
/// building for each school that matches none), their index, their centres, the district of each,
/// and which buildings are focus points.
public struct SpatialContext {
    /// The input buildings, then one point building per school that matched no building.
    public let buildings: [Building]
    /// Each building's centre (`Geometry.anchor`).
    public let centres: [Coordinate]
    /// The buildings' bounding boxes.
    public let index: STRtree
    /// The buildings' centres, for density counts.
    public let centreIndex: STRtree
    public let districts: DistrictLocator
    /// The district that holds each building's centre.
    public let buildingDistricts: [Int?]
    /// Which buildings are focus points, and the building of every school.
    public let focus: FocusAssignment
    /// Each building's position by its id (the last building's where ids repeat): the layers that name
    /// their building (`building_id`) find it here.
    public let positionByID: [String: Int]
    /// True when every building is a point (address points rather than footprints).
    public let pointBuildings: Bool

    /// - Throws: `GEOSError` when a district or population cell cannot be prepared.
    public init(data: GeoData, settings: AnalysisSettings) throws {
        try self.init(buildings: data.buildings, data: data, settings: settings)
    }

    /// The context of `buildings` and the other layers of `data` (whose own buildings are not read): a
    /// caller that hands over the only reference to its buildings has them added to and spread over in
    /// place, not copied.
    public init(buildings: consuming [Building], data: GeoData, settings: AnalysisSettings) throws {
        var buildings = buildings
        let points = buildings.arePoints
        try PopulationSpread.apply(&buildings, cells: data.population)
        var index = STRtree(boxes: Self.boxes(buildings))
        var byID = FocusPoints.positionsByID(buildings)
        let schools = FocusPoints.matchSchools(
            data.schools, buildings: &buildings, byID: &byID, index: index,
            distanceM: settings.joinDistances.metres(.schools, pointBuildings: points))
        if schools.added > 0 { index = STRtree(boxes: Self.boxes(buildings)) }
        focus = try FocusPoints.assign(
            focusPoints: data.focusPoints, schools: schools, buildings: buildings, byID: byID, index: index,
            distanceM: settings.joinDistances.metres(.focusPoints, pointBuildings: points))
        let centres = buildings.withUnsafeBufferPointer { b in b.indices.map { b[$0].geometry.anchor! } }
        let locator = try DistrictLocator(data.districts)
        buildingDistricts = try locator.districts(of: centres)
        self.buildings = buildings
        positionByID = byID
        self.centres = centres
        self.index = index
        centreIndex = STRtree(boxes: centres.map { BoundingBox(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) })
        districts = locator
        pointBuildings = points
    }

    /// The buildings' bounding boxes, read in place (a copy of a building retains each of its texts).
    private static func boxes(_ buildings: [Building]) -> [BoundingBox] {
        buildings.withUnsafeBufferPointer { b in b.indices.map { b[$0].geometry.boundingBox! } }
    }

    /// The join distance of a layer for these buildings (longer for address points).
    public func joinDistance(_ kind: LayerKind, _ settings: AnalysisSettings) -> Double {
        settings.joinDistances.metres(kind, pointBuildings: pointBuildings)
    }
}
