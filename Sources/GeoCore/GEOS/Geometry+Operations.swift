import CGEOS

/// Geometry operations computed by GEOS. Each call uses its own GEOS context, so values can be used
/// from any task.
extension Geometry {
    private func unary(_ what: String, _ op: (GEOSContext, OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        try withGEOS { ctx in
            let g = try ctx.make(self)
            return try ctx.consume(op(ctx, g.pointer), what)
        }
    }

    private func binary(
        _ other: Geometry, _ what: String, _ op: (GEOSContext, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws -> Geometry {
        try withGEOS { ctx in
            let a = try ctx.make(self)
            let b = try ctx.make(other)
            return try ctx.consume(op(ctx, a.pointer, b.pointer), what)
        }
    }

    private func measure(
        _ what: String, _ op: (GEOSContext, OpaquePointer, UnsafeMutablePointer<Double>) -> Int32
    ) throws -> Double {
        try withGEOS { ctx in
            let g = try ctx.make(self)
            var value = 0.0
            guard op(ctx, g.pointer, &value) != 0 else { throw ctx.takeError("\(what) failed") }
            return value
        }
    }

    /// The buffer at `distance` (negative shrinks polygons), with `quadrantSegments` segments per quarter circle.
    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try unary("buffer") { GEOSBuffer_r($0.handle, $1, distance, Int32(quadrantSegments)) }
    }

    /// The union of all parts of the geometry (dissolves overlapping polygons).
    public func unaryUnion() throws -> Geometry { try unary("union") { GEOSUnaryUnion_r($0.handle, $1) } }

    /// The union of many geometries, dissolved.
    public static func union(_ geometries: [Geometry]) throws -> Geometry {
        try Geometry.collection(geometries).unaryUnion()
    }

    public func union(_ other: Geometry) throws -> Geometry {
        try binary(other, "union") { GEOSUnion_r($0.handle, $1, $2) }
    }

    public func intersection(_ other: Geometry) throws -> Geometry {
        try binary(other, "intersection") { GEOSIntersection_r($0.handle, $1, $2) }
    }

    public func difference(_ other: Geometry) throws -> Geometry {
        try binary(other, "difference") { GEOSDifference_r($0.handle, $1, $2) }
    }

    /// Area in square units of the CRS (0 for points and lines).
    public func area() throws -> Double { try measure("area") { GEOSArea_r($0.handle, $1, $2) } }

    /// Length of lines, or perimeter of polygons, in units of the CRS.
    public func length() throws -> Double { try measure("length") { GEOSLength_r($0.handle, $1, $2) } }

    /// The smallest distance between the two geometries (0 when they touch or overlap).
    public func distance(to other: Geometry) throws -> Double {
        try withGEOS { ctx in
            let a = try ctx.make(self)
            let b = try ctx.make(other)
            var value = 0.0
            guard GEOSDistance_r(ctx.handle, a.pointer, b.pointer, &value) != 0 else {
                throw ctx.takeError("distance failed")
            }
            return value
        }
    }

    /// The centroid (centre of mass); may lie outside a concave polygon.
    public func centroid() throws -> Geometry { try unary("centroid") { GEOSGetCentroid_r($0.handle, $1) } }

    /// A point guaranteed to lie on the geometry.
    public func pointOnSurface() throws -> Geometry {
        try unary("point on surface") { GEOSPointOnSurface_r($0.handle, $1) }
    }

    /// Simplification for drawing (the map page and the report's maps). Douglas–Peucker: GEOS repairs
    /// polygons it would make invalid, and parts narrower than the tolerance may vanish. Several times
    /// faster than the topology-preserving form on the underserved and project areas of the benchmark
    /// cities (peer-scope's map page 0.57 s against 1.71 s; their areas have up to 184 holes).
    ///
    /// GEOS's repair, a zero buffer, takes time that grows faster than the holes, though: on the outline
    /// of 99,359 buildings (3,376 holes; `tools/bench no-fixed`) it took 4.2 s, and on the outline of a
    /// region without fixed-line data more than four minutes (the run was stopped). A geometry of more
    /// than `topologyPreservingHoles` holes is therefore simplified by the topology-preserving form, which
    /// needs no repair (0.8–1.1 s on the first).
    public func simplified(tolerance: Double) throws -> Geometry {
        if polygons.reduce(0, { $0 + $1.holes.count }) > Self.topologyPreservingHoles {
            return try unary("simplify") { GEOSTopologyPreserveSimplify_r($0.handle, $1, tolerance) }
        }
        return try unary("simplify") { GEOSSimplify_r($0.handle, $1, tolerance) }
    }

    /// Holes above which `simplified(tolerance:)` preserves topology.
    public static let topologyPreservingHoles = 1000

    /// A valid geometry covering the same points (GEOS `MakeValid`, linework method).
    public func madeValid() throws -> Geometry { try unary("make valid") { GEOSMakeValid_r($0.handle, $1) } }

    public func convexHull() throws -> Geometry { try unary("convex hull") { GEOSConvexHull_r($0.handle, $1) } }

    /// The concave hull; `ratio` 0…1 from tightest to convex.
    public func concaveHull(ratio: Double, allowHoles: Bool = false) throws -> Geometry {
        try unary("concave hull") { GEOSConcaveHull_r($0.handle, $1, ratio, allowHoles ? 1 : 0) }
    }

    /// The bounding rectangle as a geometry.
    public func envelope() throws -> Geometry { try unary("envelope") { GEOSEnvelope_r($0.handle, $1) } }

    /// Whether the geometry is valid by the OGC rules, and if not, why. A polygon without holes whose
    /// ring is strictly convex (`Ring.isStrictlyConvex`) is valid without asking GEOS.
    public func validity() throws -> (isValid: Bool, reason: String?) {
        if case .polygon(let p) = self, p.holes.isEmpty, Ring.isStrictlyConvex(p.exterior) { return (true, nil) }
        return try validityByGEOS()
    }

    /// `validity()` as GEOS tells it, for every geometry.
    func validityByGEOS() throws -> (isValid: Bool, reason: String?) {
        try withGEOS { ctx in
            let g = try ctx.make(self)
            switch GEOSisValid_r(ctx.handle, g.pointer) {
            case 1: return (true, nil)
            case 0:
                guard let reason = GEOSisValidReason_r(ctx.handle, g.pointer) else { return (false, nil) }
                defer { GEOSFree_r(ctx.handle, reason) }
                return (false, String(cString: reason))
            default: throw ctx.takeError("validity check failed")
            }
        }
    }

    public var isValid: Bool { (try? validity().isValid) ?? false }

    public func intersects(_ other: Geometry) throws -> Bool {
        try predicate(other) { GEOSIntersects_r($0.handle, $1, $2) }
    }

    public func contains(_ other: Geometry) throws -> Bool {
        try predicate(other) { GEOSContains_r($0.handle, $1, $2) }
    }

    /// Topological equality (same point set, whatever the vertex order).
    public func topologicallyEquals(_ other: Geometry) throws -> Bool {
        try predicate(other) { GEOSEquals_r($0.handle, $1, $2) }
    }

    private func predicate(_ other: Geometry, _ op: (GEOSContext, OpaquePointer, OpaquePointer) -> CChar) throws -> Bool
    {
        try withGEOS { ctx in
            let a = try ctx.make(self)
            let b = try ctx.make(other)
            switch op(ctx, a.pointer, b.pointer) {
            case 1: return true
            case 0: return false
            default: throw ctx.takeError("predicate failed")
            }
        }
    }
}
