import CPROJ
import Foundation

/// Transforms coordinates between CRSs with PROJ, caching one transformation per pair of CRSs
/// (creating one costs several milliseconds). The first projector of the process to need a pair asks
/// PROJ's database for it (`proj_create_crs_to_crs`); where the answer is one operation, its PROJ string
/// is shared, and every other projector (one per thread, `ofThisThread`) makes the same operation from
/// that string without asking the database again. A pair that PROJ answers with several operations,
/// chosen per coordinate by their areas of use, has no such string: each projector asks for it.
///
/// A pipeline of one operation and a degree ↔ radian step runs as the operation alone, the step done
/// here with the same multiplication (`UnitStepPipeline`): the same bits, a quarter less time.
///
/// Axis order is always x = easting/longitude, y = northing/latitude, whatever the CRS's official
/// order (`proj_normalize_for_visualization`). Not Sendable: it owns a PROJ context; make one per task.
public final class Projector {
    private let context: OpaquePointer
    private var transformations: [String: Transformation] = [:]
    /// The transformation asked for last: a writer asks for the same one once per feature, and the
    /// dictionary's key is a string made per call.
    private var last: (source: CRS, target: CRS, transformation: Transformation)?

    /// A transformation as this projector runs it: a PROJ object, forwards, with x and y multiplied by
    /// `factorBefore` ahead of it and by `factorAfter` behind it (1 and 1 for a transformation run whole).
    private struct Transformation {
        let pj: OpaquePointer
        var factorBefore = 1.0
        var factorAfter = 1.0
    }
    private var infos: [CRS: CRSInfo] = [:]

    /// Whether this projector takes and gives transformations through `definitions` (a projector that
    /// does not always asks PROJ's database: the tests compare the two).
    private let sharesDefinitions: Bool

    public convenience init() { self.init(sharesDefinitions: true) }

    init(sharesDefinitions: Bool) {
        self.sharesDefinitions = sharesDefinitions
        context = proj_context_create()
        // Silence PROJ's own logging to stderr; errors come back through errno strings.
        proj_log_func(context, nil, { _, _, _ in })
    }

    deinit {
        for t in transformations.values { proj_destroy(t.pj) }
        proj_context_destroy(context)
    }

    private func lastError() -> String {
        let errno = proj_context_errno(context)
        guard errno != 0, let s = proj_context_errno_string(context, errno) else { return "unknown PROJ error" }
        return String(cString: s)
    }

    /// Describes a CRS; throws when PROJ does not know it.
    /// Whether `pj` (or the horizontal part of a compound CRS) is projected with metre axes.
    private func projectedInMetres(_ pj: OpaquePointer) -> Bool {
        var horizontal = pj
        var sub: OpaquePointer?
        if proj_get_type(pj) == PJ_TYPE_COMPOUND_CRS {
            sub = proj_crs_get_sub_crs(context, pj, 0)
            guard let sub else { return false }
            horizontal = sub
        }
        defer { if let sub { proj_destroy(sub) } }
        guard proj_get_type(horizontal) == PJ_TYPE_PROJECTED_CRS,
            let cs = proj_crs_get_coordinate_system(context, horizontal)
        else { return false }
        defer { proj_destroy(cs) }
        var factor = 0.0
        guard proj_cs_get_axis_info(context, cs, 0, nil, nil, nil, &factor, nil, nil, nil) != 0 else { return false }
        return abs(factor - 1) < 1e-9
    }

    public func info(_ crs: CRS) throws -> CRSInfo {
        if let cached = infos[crs] { return cached }
        guard let pj = proj_create(context, crs.identifier) else {
            throw CRSError("unknown CRS \(crs): \(lastError())")
        }
        defer { proj_destroy(pj) }
        let type = proj_get_type(pj)
        let isCRS = [
            PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_PROJECTED_CRS, PJ_TYPE_COMPOUND_CRS,
            PJ_TYPE_GEODETIC_CRS, PJ_TYPE_GEOCENTRIC_CRS, PJ_TYPE_OTHER_CRS, PJ_TYPE_BOUND_CRS, PJ_TYPE_ENGINEERING_CRS,
        ].contains(type)
        guard isCRS else { throw CRSError("\(crs) is not a coordinate reference system") }
        let geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
        var west = 0.0
        var south = 0.0
        var east = 0.0
        var north = 0.0
        var areaName: UnsafePointer<CChar>?
        var area: BoundingBox?
        if proj_get_area_of_use(context, pj, &west, &south, &east, &north, &areaName) != 0, west > -1000 {
            area = BoundingBox(minX: west, minY: south, maxX: east, maxY: north)
        }
        let name = proj_get_name(pj).map { String(cString: $0) } ?? crs.identifier
        let wkt =
            proj_as_wkt(context, pj, PJ_WKT1_GDAL, nil).map { String(cString: $0) } ?? proj_as_wkt(
                context, pj, PJ_WKT2_2019, nil
            ).map { String(cString: $0) } ?? ""
        let info = CRSInfo(
            crs: crs, name: name, isGeographic: geographic, isProjectedInMetres: projectedInMetres(pj), areaOfUse: area,
            wkt: wkt)
        infos[crs] = info
        return info
    }

    private func transformation(from source: CRS, to target: CRS) throws -> Transformation {
        if let last, last.source == source, last.target == target { return last.transformation }
        let key = "\(source.identifier)>\(target.identifier)"
        if let cached = transformations[key] {
            last = (source, target, cached)
            return cached
        }
        if sharesDefinitions, let definition = Self.definitionsLock.withLock({ Self.definitions[key] }),
            let shared = made(from: definition)
        {
            return keep(shared, key, source, target)
        }
        _ = try info(source)
        _ = try info(target)
        guard let raw = proj_create_crs_to_crs(context, source.identifier, target.identifier, nil) else {
            throw CRSError("no transformation from \(source) to \(target): \(lastError())")
        }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            proj_destroy(raw)
            throw CRSError("cannot normalise axis order for \(source) → \(target): \(lastError())")
        }
        proj_destroy(raw)
        if sharesDefinitions, let definition = proj_as_proj_string(context, normalized, PJ_PROJ_5, nil) {
            let text = String(cString: definition)
            Self.definitionsLock.withLock { Self.definitions[key] = text }
            if let shortcut = unitStepShortcut(text) {
                proj_destroy(normalized)
                return keep(shortcut, key, source, target)
            }
        }
        return keep(Transformation(pj: normalized), key, source, target)
    }

    private func keep(_ t: Transformation, _ key: String, _ source: CRS, _ target: CRS) -> Transformation {
        transformations[key] = t
        last = (source, target, t)
        return t
    }

    /// The transformation of a shared PROJ string: its operation alone where it is a `UnitStepPipeline`.
    private func made(from definition: String) -> Transformation? {
        if let shortcut = unitStepShortcut(definition) { return shortcut }
        return proj_create(context, definition).map { Transformation(pj: $0) }
    }

    /// The operation of a `UnitStepPipeline` and its unit step's factors; nil for any other string, or where
    /// PROJ does not make the operation alone.
    private func unitStepShortcut(_ definition: String) -> Transformation? {
        guard let pipeline = UnitStepPipeline(definition), let pj = proj_create(context, pipeline.operation) else {
            return nil
        }
        return Transformation(pj: pj, factorBefore: pipeline.factorBefore, factorAfter: pipeline.factorAfter)
    }

    /// Whether the transformation from `source` to `target` runs as one operation and a unit step done here
    /// (for the tests).
    func runsUnitStepItself(from source: CRS, to target: CRS) throws -> Bool {
        let t = try transformation(from: source, to: target)
        return t.factorBefore != 1 || t.factorAfter != 1
    }

    /// The PROJ strings of the transformations worked out so far, by "source>target" (see the type's
    /// comment), for every projector of the process; read and written under `definitionsLock`.
    nonisolated(unsafe) private static var definitions: [String: String] = [:]
    private static let definitionsLock = NSLock()

    /// Transforms coordinates in place; throws naming the first coordinate PROJ cannot transform.
    public func transform(_ coordinates: inout [Coordinate], from source: CRS, to target: CRS) throws {
        guard source != target, !coordinates.isEmpty else { return }
        let t = try transformation(from: source, to: target)
        let n = coordinates.count
        let stride = MemoryLayout<Coordinate>.stride
        coordinates.withUnsafeMutableBufferPointer { buffer in
            if t.factorBefore != 1 { Self.scale(buffer, by: t.factorBefore) }
            buffer.baseAddress!.withMemoryRebound(to: Double.self, capacity: 2 * n) { x in
                _ = proj_trans_generic(t.pj, PJ_FWD, x, stride, n, x + 1, stride, n, nil, 0, 0, nil, 0, 0)
            }
            if t.factorAfter != 1 { Self.scale(buffer, by: t.factorAfter) }
        }
        if let bad = coordinates.firstIndex(where: { !$0.isFinite }) {
            throw CRSError("coordinate \(bad + 1) cannot be transformed from \(source) to \(target)")
        }
    }

    /// x and y of every coordinate multiplied by `factor`, as PROJ's `unitconvert` step does.
    private static func scale(_ coordinates: UnsafeMutableBufferPointer<Coordinate>, by factor: Double) {
        for i in coordinates.indices {
            coordinates[i] = Coordinate(coordinates[i].x * factor, coordinates[i].y * factor)
        }
    }

    public func transform(_ coordinate: Coordinate, from source: CRS, to target: CRS) throws -> Coordinate {
        var cs = [coordinate]
        try transform(&cs, from: source, to: target)
        return cs[0]
    }

    /// Transforms every coordinate of a geometry.
    public func transform(_ geometry: Geometry, from source: CRS, to target: CRS) throws -> Geometry {
        guard source != target else { return geometry }
        var all = geometry.coordinates
        try transform(&all, from: source, to: target)
        var i = 0
        return geometry.mapCoordinates { _ in
            defer { i += 1 }
            return all[i]
        }
    }
}
