import GeoCore
import Radio

/// Which buildings are socio-economic focus points (schools, hospitals, authorities, business parks …)
/// and which building each school of the schools layer is in.
public struct FocusAssignment: Sendable {
    /// The focus-point kind per building, or nil.
    public var kinds: [String?]
    /// The building of each school, in the schools layer's order.
    public var schoolBuildings: [Int]
    public var problems: [InputProblem]

    /// How many schools matched no building (they are analysed at their point).
    public var schoolsWithoutBuilding: Int { problems.filter { $0.code == "school-without-building" }.count }
    /// How many point focus points matched no building (they are not counted).
    public var focusPointsWithoutBuilding: Int { problems.filter { $0.code == "focus-point-without-building" }.count }
}

/// Finds the buildings that are socio-economic focus points: school and hospital buildings, the
/// buildings of the schools layer and of point focus points (by `building_id`, the footprint that
/// contains the point, or the nearest footprint within the join distance), and the buildings inside
/// polygon focus points (business parks). Schools that match no building become point buildings, so
/// that every school is analysed; each such case is reported.
enum FocusPoints {
    /// Each building id's position (the last building's where ids repeat), read without copying the
    /// buildings: a million of them on a region.
    static func positionsByID(_ buildings: [Building]) -> [String: Int] {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(buildings.count)
        for i in buildings.indices { byID[buildings[i].id] = i }
        return byID
    }

    /// The schools' buildings; appends a point building for each school that matches none.
    /// - Parameter byID: `positionsByID(buildings)`; the appended buildings are added to it once every
    ///   school is matched (schools match the input buildings only).
    static func matchSchools(
        _ schools: [School], buildings: inout [Building], byID: inout [String: Int], index: STRtree, distanceM: Double
    ) -> (buildings: [Int], added: Int, problems: [InputProblem]) {
        let original = buildings
        var matched: [Int] = []
        var problems: [InputProblem] = []
        var added = 0
        for school in schools {
            if let i = nearest(
                school.geometry, buildingID: school.buildingID, within: distanceM, buildings: original, byID: byID,
                index: index)
            {
                matched.append(i)
            } else {
                problems.append(
                    InputProblem(
                        .warning, code: "school-without-building", file: "schools", layer: "schools",
                        featureID: school.id,
                        reason:
                            "no building within \(NumberText.plain(distanceM)) m; the school is analysed at its point"))
                buildings.append(
                    Building(
                        id: "school:\(school.id)", geometry: school.geometry, use: .school, households: 0,
                        attributes: school.attributes))
                matched.append(buildings.count - 1)
                added += 1
            }
        }
        for i in original.count..<buildings.count { byID[buildings[i].id] = i }
        return (matched, added, problems)
    }

    /// The focus-point kind of every building, from its use, the schools and the focus-points layer.
    static func assign(
        focusPoints: [FocusPoint], schools: (buildings: [Int], added: Int, problems: [InputProblem]),
        buildings: [Building], byID: [String: Int], index: STRtree, distanceM: Double
    ) throws -> FocusAssignment {
        var problems = schools.problems
        var kinds = buildings.map { b -> String? in
            switch b.use {
            case .school: "school"
            case .hospital: "hospital"
            default: nil
            }
        }
        for i in schools.buildings { kinds[i] = "school" }
        for point in focusPoints {
            let kind = point.kindText.lowercased()
            if point.geometry.isPolygonal {
                let prepared = try PreparedGeometry(point.geometry)
                for i in index.query(point.geometry.boundingBox!)
                where try prepared.covers(buildings[i].geometry.anchor!) { if kinds[i] == nil { kinds[i] = kind } }
            } else if let i = nearest(
                point.geometry, buildingID: point.attributes["building_id"]?.text, within: distanceM,
                buildings: buildings, byID: byID, index: index)
            {
                if kinds[i] == nil || kinds[i] == "school" && kind == "school" { kinds[i] = kind }
            } else {
                problems.append(
                    InputProblem(
                        .warning, code: "focus-point-without-building", file: "focus_points", layer: "focus_points",
                        featureID: point.id, reason: "no building within \(NumberText.plain(distanceM)) m; not counted")
                )
            }
        }
        return FocusAssignment(kinds: kinds, schoolBuildings: schools.buildings, problems: problems)
    }

    /// The building named by `buildingID`, else the nearest within `distanceM` of the geometry's centre.
    static func nearest(
        _ geometry: Geometry, buildingID: String?, within distanceM: Double, buildings: [Building], byID: [String: Int],
        index: STRtree
    ) -> Int? {
        if let id = buildingID, let i = byID[id] { return i }
        guard let p = geometry.anchor else { return nil }
        var best: Int?
        var bestDistance = distanceM
        for i in index.query(near: p, radius: distanceM) {
            let d = buildings[i].geometry.planarDistance(to: p)
            if d < bestDistance || (d == 0 && best == nil) {
                bestDistance = d
                best = i
            }
        }
        return best
    }
}
