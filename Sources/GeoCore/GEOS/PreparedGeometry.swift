import CGEOS

/// A geometry prepared for many fast predicate tests against other geometries (GEOS prepared geometry).
///
/// Not Sendable: it owns a GEOS context; make one per task.
public final class PreparedGeometry {
    private let context: GEOSContext
    private let base: GEOSGeometry
    private let prepared: OpaquePointer

    public init(_ geometry: Geometry) throws {
        context = GEOSContext()
        base = try context.make(geometry)
        prepared = try context.check(GEOSPrepare_r(context.handle, base.pointer), "cannot prepare geometry")
    }

    deinit { GEOSPreparedGeom_destroy_r(context.handle, prepared) }

    private func test(
        _ other: Geometry, _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws -> Bool {
        let g = try context.make(other)
        switch op(context.handle, prepared, g.pointer) {
        case 1: return true
        case 0: return false
        default: throw context.takeError("prepared predicate failed")
        }
    }

    public func contains(_ other: Geometry) throws -> Bool { try test(other) { GEOSPreparedContains_r($0, $1, $2) } }
    public func covers(_ other: Geometry) throws -> Bool { try test(other) { GEOSPreparedCovers_r($0, $1, $2) } }
    public func intersects(_ other: Geometry) throws -> Bool {
        try test(other) { GEOSPreparedIntersects_r($0, $1, $2) }
    }

    /// Whether the point lies inside or on the boundary.
    public func covers(_ point: Coordinate) throws -> Bool { try covers(.point(point)) }
}
