/// Screening, projection and repair of a layer's geometries before any analysis.
extension FeatureLayer {
    /// Checks every geometry, projects the layer to `target`, and repairs invalid polygons.
    ///
    /// Per feature: non-finite or impossible coordinates, projected coordinates in a lon/lat file,
    /// lat/lon swapped, positions outside the target CRS's area of use, unclosed or too short rings are
    /// errors (the geometry becomes nil); invalid polygons that GEOS `MakeValid` can repair are repaired
    /// and reported as warnings. Returns the layer in `target` with its problems appended.
    ///
    /// The layer is changed in place where the caller lets go of it (`consume`): each geometry's
    /// unprojected coordinates are freed as its projected ones are made.
    public consuming func prepared(for target: CRS, projector: Projector) throws -> FeatureLayer {
        let (crs, source, name) = (self.crs, self.source, self.name)
        var out = consume self
        let sourceInfo = try projector.info(crs)
        let targetInfo = try projector.info(target)
        var problems: [InputProblem] = []
        func problem(_ f: Feature, _ severity: InputProblem.Severity, _ code: String, _ reason: String) {
            problems.append(
                InputProblem(
                    severity, code: code, file: source, layer: name, featureIndex: f.index, featureID: f.id,
                    field: "geometry", reason: reason))
        }
        // 1. Screen coordinates in the source CRS.
        var boxes: [BoundingBox?] = Array(repeating: nil, count: out.features.count)
        for i in out.features.indices {
            let f = out.features[i]
            guard let g = f.geometry else { continue }
            if g.isEmpty {
                problem(f, .error, "empty-geometry", "the geometry is empty")
                out.features[i].geometry = nil
                continue
            }
            var firstBad: (Int, Coordinate)?
            var k = 0
            g.forEachCoordinate { c in
                if firstBad == nil && !c.isFinite { firstBad = (k, c) }
                k += 1
            }
            if let (k, c) = firstBad {
                problem(f, .error, "non-finite-coordinate", "coordinate \(k + 1) is (\(c.x), \(c.y)): NaN or infinite")
                out.features[i].geometry = nil
                continue
            }
            if let reason = Self.ringProblem(g) {
                problem(f, .error, reason.code, reason.reason)
                out.features[i].geometry = nil
                continue
            }
            guard let box = g.boundingBox else {
                problem(f, .error, "empty-geometry", "the geometry has no positions")
                out.features[i].geometry = nil
                continue
            }
            if sourceInfo.isGeographic {
                if let bad = CoordinateScreening.notLonLat(Coordinate(box.minX, box.minY))
                    ?? CoordinateScreening.notLonLat(Coordinate(box.maxX, box.maxY))
                {
                    problem(f, .error, bad.code, bad.reason)
                    out.features[i].geometry = nil
                    continue
                }
            }
            boxes[i] = box
        }
        // 2. Check the area of use in lon/lat.
        if let area = targetInfo.areaOfUse {
            var corners: [Coordinate] = []
            var owners: [Int] = []
            for (i, box) in boxes.enumerated() {
                guard let box else { continue }
                corners.append(Coordinate(box.minX, box.minY))
                corners.append(Coordinate(box.maxX, box.maxY))
                owners.append(i)
            }
            if !sourceInfo.isGeographic || crs != .wgs84 {
                do { try projector.transform(&corners, from: crs, to: .wgs84) } catch {
                    // Transform one by one to name the features that fail.
                    for (n, i) in owners.enumerated() {
                        var pair = [corners[2 * n], corners[2 * n + 1]]
                        if (try? projector.transform(&pair, from: crs, to: .wgs84)) == nil {
                            problem(
                                out.features[i], .error, "untransformable-coordinate",
                                "cannot be transformed from \(crs) to EPSG:4326")
                            boxes[i] = nil
                            out.features[i].geometry = nil
                        } else {
                            corners[2 * n] = pair[0]
                            corners[2 * n + 1] = pair[1]
                        }
                    }
                }
            }
            let areaName = "\(target) \(targetInfo.name)"
            for (n, i) in owners.enumerated() where boxes[i] != nil {
                let lonLat = BoundingBox(covering: [corners[2 * n], corners[2 * n + 1]])!
                if let bad = CoordinateScreening.outsideArea(lonLat, area: area, areaName: areaName) {
                    problem(out.features[i], .error, bad.code, bad.reason)
                    boxes[i] = nil
                    out.features[i].geometry = nil
                }
            }
        }
        // 3. Project all remaining geometries in one batch.
        var all: [Coordinate] = []
        for (i, f) in out.features.enumerated() where boxes[i] != nil {
            f.geometry!.forEachCoordinate { all.append($0) }
        }
        try projector.transform(&all, from: crs, to: target)
        var cursor = 0
        for i in out.features.indices where boxes[i] != nil {
            out.features[i].geometry = out.features[i].geometry!.mapCoordinates { _ in
                defer { cursor += 1 }
                return all[cursor]
            }
        }
        // 4. Validity and repair of polygons, on all cores (each check uses its own GEOS context).
        let geometries = out.features.map(\.geometry)
        let checked: [(Geometry?, InputProblem.Severity?, String, String)] = parallelMap(
            count: geometries.count, chunkSize: 1024,
            each: { i in
                guard let g = geometries[i], g.isPolygonal else { return (geometries[i], nil, "", "") }
                do {
                    let (valid, reason) = try g.validity()
                    if valid { return (g, nil, "", "") }
                    let polygons = try g.madeValid().polygons
                    if polygons.isEmpty {
                        return (
                            nil, .error, "invalid-polygon",
                            "invalid polygon (\(reason ?? "unknown reason")) that cannot be repaired"
                        )
                    }
                    return (
                        polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons), .warning,
                        "repaired-polygon",
                        "invalid polygon (\(reason ?? "unknown reason")) repaired with MakeValid into "
                            + "\(polygons.count) polygon(s)"
                    )
                } catch { return (nil, .error, "invalid-polygon", "\(error)") }
            })
        for (i, result) in checked.enumerated() {
            out.features[i].geometry = result.0
            if let severity = result.1 { problem(out.features[i], severity, result.2, result.3) }
        }
        out.crs = target
        out.problems += problems
        return out
    }

    /// Unclosed rings and rings with fewer than four positions (OGC/RFC 7946 §3.1.6).
    static func ringProblem(_ g: Geometry) -> (code: String, reason: String)? {
        func check(_ ring: [Coordinate], _ r: Int, of p: Int, in count: Int) -> (code: String, reason: String)? {
            // Most rings are fine: the text that names the ring is made only for a problem.
            func which() -> String {
                (r == 0 ? "exterior ring" : "hole \(r)") + (count > 1 ? " of polygon \(p + 1)" : "")
            }
            guard let a = ring.first, let b = ring.last else {
                return ("short-ring", "\(which()) has no positions; a closed ring needs at least 4")
            }
            if !Ring.isClosed(ring) {
                return (
                    "unclosed-ring",
                    "\(which()) is not closed: first position (\(a.x), \(a.y)) differs from last (\(b.x), \(b.y))"
                )
            }
            if ring.count < 4 {
                return ("short-ring", "\(which()) has \(ring.count) positions; a closed ring needs at least 4")
            }
            return nil
        }
        func check(_ polygon: Polygon, _ p: Int, in count: Int) -> (code: String, reason: String)? {
            if let problem = check(polygon.exterior, 0, of: p, in: count) { return problem }
            for (h, hole) in polygon.holes.enumerated() {
                if let problem = check(hole, h + 1, of: p, in: count) { return problem }
            }
            return nil
        }
        // A single polygon without the array of one that `polygons` would make.
        if case .polygon(let polygon) = g { return check(polygon, 0, in: 1) }
        let polygons = g.polygons
        for (p, polygon) in polygons.enumerated() {
            if let problem = check(polygon, p, in: polygons.count) { return problem }
        }
        return nil
    }
}
