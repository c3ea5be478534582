import GeoCore
import Radio

/// Finds the buildings that are socio-economic focus points: school and hospital buildings, the
/// buildings of the schools layer and of point focus points (by `building_id`, the footprint that
/// contains the point, or the nearest footprint within `distanceM`), and the buildings inside
/// polygon focus points (business parks). Schools that match no building become point buildings, so
/// that every school is analysed; each such case is reported.
public enum FocusPoints {
    /// - Parameters:
    ///   - distanceM: how far a school may lie from its building.
    ///   - focusDistanceM: how far a point focus point may lie from its building (default: `distanceM`).
    public static func assign(buildings: inout [Building], schools: [School], focusPoints: [FocusPoint], distanceM: Double, focusDistanceM: Double? = nil)
        throws -> (kinds: [String?], schoolBuildings: [Int], problems: [InputProblem]) {
        let focusDistanceM = focusDistanceM ?? distanceM
        var problems: [InputProblem] = []
        var byID: [String: Int] = [:]
        for (i, b) in buildings.enumerated() { byID[b.id] = i }
        var index = STRtree(boxes: buildings.map { $0.geometry.boundingBox! })
        func match(_ geometry: Geometry, buildingID: String?, within distanceM: Double) -> Int? {
            if let id = buildingID, let i = byID[id] { return i }
            guard let p = geometry.anchor else { return nil }
            var best: Int?
            var bestDistance = distanceM
            for i in index.query(near: p, radius: distanceM) {
                let d = buildings[i].geometry.planarDistance(to: p)
                if d < bestDistance || (d == 0 && best == nil) { bestDistance = d; best = i }
            }
            return best
        }
        var schoolBuildings: [Int] = []
        var added = false
        for school in schools {
            if let i = match(school.geometry, buildingID: school.buildingID, within: distanceM) {
                schoolBuildings.append(i)
            } else {
                problems.append(InputProblem(.warning, code: "school-without-building", file: "schools", layer: "schools", featureID: school.id,
                                             reason: "no building within \(NumberText.plain(distanceM)) m; the school is analysed at its point"))
                buildings.append(Building(id: "school:\(school.id)", geometry: school.geometry, use: .school, households: 0, attributes: school.attributes))
                schoolBuildings.append(buildings.count - 1)
                byID["school:\(school.id)"] = buildings.count - 1
                added = true
            }
        }
        if added { index = STRtree(boxes: buildings.map { $0.geometry.boundingBox! }) }
        var kinds = buildings.map { b -> String? in
            switch b.use {
            case .school: "school"
            case .hospital: "hospital"
            default: nil
            }
        }
        for i in schoolBuildings { kinds[i] = "school" }
        for point in focusPoints {
            let kind = point.kindText.lowercased()
            if point.geometry.isPolygonal {
                let prepared = try PreparedGeometry(point.geometry)
                for i in index.query(point.geometry.boundingBox!) where try prepared.covers(buildings[i].geometry.anchor!) {
                    if kinds[i] == nil { kinds[i] = kind }
                }
            } else if let i = match(point.geometry, buildingID: point.attributes["building_id"]?.text, within: focusDistanceM) {
                if kinds[i] == nil || kinds[i] == "school" && kind == "school" { kinds[i] = kind }
            } else {
                problems.append(InputProblem(.warning, code: "focus-point-without-building", file: "focus_points", layer: "focus_points", featureID: point.id,
                                             reason: "no building within \(NumberText.plain(focusDistanceM)) m; not counted"))
            }
        }
        return (kinds, schoolBuildings, problems)
    }
}
