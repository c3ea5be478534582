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
    ///
    /// The features are prepared in chunks on every core (`parallelChunks`, which spreads also inside the
    /// loader's loop over files), each chunk with its thread's projector. The problems come in the order of
    /// the steps (screening, area of use, validity), each step's in feature order, whatever the number of
    /// threads.
    public consuming func prepared(for target: CRS, projector: Projector) throws -> FeatureLayer {
        let (crs, source, name) = (self.crs, self.source, self.name)
        var out = consume self
        let step = PreparationStep(
            crs: crs, target: target, sourceInfo: try projector.info(crs), targetInfo: try projector.info(target),
            source: source, layer: name)
        let chunks = out.features.withUnsafeMutableBufferPointer { buffer in
            // Each chunk reads and replaces its own features only.
            nonisolated(unsafe) let features = buffer
            return parallelChunks(count: features.count, chunkSize: 1024) { range in
                Result { () throws -> [[InputProblem]] in try step.prepare(features, range) }
            }
        }
        var problems: [[InputProblem]] = [[], [], []]
        for chunk in chunks {
            let found = try chunk.get()
            for k in found.indices { problems[k] += found[k] }
        }
        out.crs = target
        out.problems += problems.joined()
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

/// What `FeatureLayer.prepared(for:projector:)` does to a chunk of features.
private struct PreparationStep: Sendable {
    let crs: CRS
    let target: CRS
    let sourceInfo: CRSInfo
    let targetInfo: CRSInfo
    let source: String
    let layer: String

    /// Screens, checks against the area of use, projects and repairs the features in `range`, in place;
    /// returns the problems of each of the three checks (screening, area of use, validity) in feature order.
    func prepare(_ features: UnsafeMutableBufferPointer<Feature>, _ range: Range<Int>) throws -> [[InputProblem]] {
        let projector = Projector.ofThisThread
        var problems: [[InputProblem]] = [[], [], []]
        func problem(_ k: Int, _ f: Feature, _ severity: InputProblem.Severity, _ code: String, _ reason: String) {
            problems[k].append(
                InputProblem(
                    severity, code: code, file: source, layer: layer, featureIndex: f.index, featureID: f.id,
                    field: "geometry", reason: reason))
        }
        // 1. Screen coordinates in the source CRS.
        var boxes: [BoundingBox?] = Array(repeating: nil, count: range.count)
        for i in range {
            let f = features[i]
            guard let g = f.geometry else { continue }
            if g.isEmpty {
                problem(0, f, .error, "empty-geometry", "the geometry is empty")
                features[i].geometry = nil
                continue
            }
            var firstBad: (Int, Coordinate)?
            var k = 0
            g.forEachCoordinate { c in
                if firstBad == nil && !c.isFinite { firstBad = (k, c) }
                k += 1
            }
            if let (k, c) = firstBad {
                problem(
                    0, f, .error, "non-finite-coordinate", "coordinate \(k + 1) is (\(c.x), \(c.y)): NaN or infinite")
                features[i].geometry = nil
                continue
            }
            if let reason = FeatureLayer.ringProblem(g) {
                problem(0, f, .error, reason.code, reason.reason)
                features[i].geometry = nil
                continue
            }
            guard let box = g.boundingBox else {
                problem(0, f, .error, "empty-geometry", "the geometry has no positions")
                features[i].geometry = nil
                continue
            }
            if sourceInfo.isGeographic {
                if let bad = CoordinateScreening.notLonLat(Coordinate(box.minX, box.minY))
                    ?? CoordinateScreening.notLonLat(Coordinate(box.maxX, box.maxY))
                {
                    problem(0, f, .error, bad.code, bad.reason)
                    features[i].geometry = nil
                    continue
                }
            }
            boxes[i - range.lowerBound] = box
        }
        // 2. Check the area of use in lon/lat.
        if let area = targetInfo.areaOfUse {
            var corners: [Coordinate] = []
            var owners: [Int] = []
            for (n, box) in boxes.enumerated() {
                guard let box else { continue }
                corners.append(Coordinate(box.minX, box.minY))
                corners.append(Coordinate(box.maxX, box.maxY))
                owners.append(range.lowerBound + n)
            }
            if !sourceInfo.isGeographic || crs != .wgs84 {
                do { try projector.transform(&corners, from: crs, to: .wgs84) } catch {
                    // Transform one by one to name the features that fail.
                    for (n, i) in owners.enumerated() {
                        var pair = [corners[2 * n], corners[2 * n + 1]]
                        if (try? projector.transform(&pair, from: crs, to: .wgs84)) == nil {
                            problem(
                                1, features[i], .error, "untransformable-coordinate",
                                "cannot be transformed from \(crs) to EPSG:4326")
                            boxes[i - range.lowerBound] = nil
                            features[i].geometry = nil
                        } else {
                            corners[2 * n] = pair[0]
                            corners[2 * n + 1] = pair[1]
                        }
                    }
                }
            }
            let areaName = "\(target) \(targetInfo.name)"
            for (n, i) in owners.enumerated() where boxes[i - range.lowerBound] != nil {
                let lonLat = BoundingBox(covering: [corners[2 * n], corners[2 * n + 1]])!
                if let bad = CoordinateScreening.outsideArea(lonLat, area: area, areaName: areaName) {
                    problem(1, features[i], .error, bad.code, bad.reason)
                    boxes[i - range.lowerBound] = nil
                    features[i].geometry = nil
                }
            }
        }
        // 3. Project the chunk's remaining geometries in one batch.
        var all: [Coordinate] = []
        for i in range where boxes[i - range.lowerBound] != nil {
            features[i].geometry!.forEachCoordinate { all.append($0) }
        }
        try projector.transform(&all, from: crs, to: target)
        var cursor = 0
        for i in range where boxes[i - range.lowerBound] != nil {
            features[i].geometry = features[i].geometry!.mapCoordinates { _ in
                defer { cursor += 1 }
                return all[cursor]
            }
        }
        // 4. Validity and repair of polygons (each check uses its thread's GEOS context).
        for i in range {
            guard let g = features[i].geometry, g.isPolygonal else { continue }
            do {
                let (valid, reason) = try g.validity()
                if valid { continue }
                let polygons = try g.madeValid().polygons
                if polygons.isEmpty {
                    features[i].geometry = nil
                    problem(
                        2, features[i], .error, "invalid-polygon",
                        "invalid polygon (\(reason ?? "unknown reason")) that cannot be repaired")
                    continue
                }
                features[i].geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
                problem(
                    2, features[i], .warning, "repaired-polygon",
                    "invalid polygon (\(reason ?? "unknown reason")) repaired with MakeValid into "
                        + "\(polygons.count) polygon(s)")
            } catch {
                features[i].geometry = nil
                problem(2, features[i], .error, "invalid-polygon", "\(error)")
            }
        }
        return problems
    }
}
