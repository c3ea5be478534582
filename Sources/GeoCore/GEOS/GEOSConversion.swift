import CGEOS

/// Conversion between `Geometry` values and GEOS geometries.
extension GEOSContext {
    /// Builds a new GEOS geometry; the caller owns it.
    func make(_ geometry: Geometry) throws -> GEOSGeometry {
        GEOSGeometry(context: self, pointer: try makeRaw(geometry))
    }

    private func sequence(_ coordinates: [Coordinate]) throws -> OpaquePointer {
        precondition(!coordinates.isEmpty, "callers create empty geometries directly")
        let seq = coordinates.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: Double.self, capacity: coordinates.count * 2) {
                GEOSCoordSeq_copyFromBuffer_r(handle, $0, UInt32(coordinates.count), 0, 0)
            }
        }
        return try check(seq, "cannot create coordinate sequence")
    }

    private func ring(_ coordinates: [Coordinate]) throws -> OpaquePointer {
        guard !coordinates.isEmpty else { return try check(GEOSGeom_createEmptyLineString_r(handle), "empty ring") }
        let seq = try sequence(coordinates)
        return try check(GEOSGeom_createLinearRing_r(handle, seq), "invalid linear ring")
    }

    private func makePolygon(_ polygon: Polygon) throws -> OpaquePointer {
        if polygon.exterior.isEmpty { return try check(GEOSGeom_createEmptyPolygon_r(handle), "empty polygon") }
        let shell = try ring(polygon.exterior)
        var holes: [OpaquePointer?] = []
        do { for hole in polygon.holes { holes.append(try ring(hole)) } } catch {
            GEOSGeom_destroy_r(handle, shell)
            for h in holes { GEOSGeom_destroy_r(handle, h) }
            throw error
        }
        let result = holes.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(handle, shell, $0.baseAddress, UInt32(polygon.holes.count))
        }
        return try check(result, "cannot create polygon")
    }

    private func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer?]) throws -> OpaquePointer {
        var parts = parts
        let count = UInt32(parts.count)
        let result = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), $0.baseAddress, count)
        }
        return try check(result, "cannot create collection")
    }

    private func makeParts(_ items: [Geometry]) throws -> [OpaquePointer?] {
        var parts: [OpaquePointer?] = []
        do { for item in items { parts.append(try makeRaw(item)) } } catch {
            for p in parts { GEOSGeom_destroy_r(handle, p) }
            throw error
        }
        return parts
    }

    func makeRaw(_ geometry: Geometry) throws -> OpaquePointer {
        switch geometry {
        case .point(let c): return try check(GEOSGeom_createPointFromXY_r(handle, c.x, c.y), "cannot create point")
        case .lineString(let cs):
            if cs.isEmpty { return try check(GEOSGeom_createEmptyLineString_r(handle), "empty line") }
            let seq = try sequence(cs)
            return try check(GEOSGeom_createLineString_r(handle, seq), "invalid line string")
        case .polygon(let p): return try makePolygon(p)
        case .multiPoint(let cs): return try collection(GEOS_MULTIPOINT, try makeParts(cs.map { .point($0) }))
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, try makeParts(ls.map { .lineString($0) }))
        case .multiPolygon(let ps): return try collection(GEOS_MULTIPOLYGON, try makeParts(ps.map { .polygon($0) }))
        case .collection(let gs): return try collection(GEOS_GEOMETRYCOLLECTION, try makeParts(gs))
        }
    }

    /// Reads a GEOS geometry back into a value. Does not take ownership.
    func value(of pointer: OpaquePointer) throws -> Geometry {
        if GEOSisEmpty_r(handle, pointer) == 1 { return .empty }
        let type = GEOSGeomTypeId_r(handle, pointer)
        switch type {
        case Int32(GEOS_POINT.rawValue): return .point(try coordinates(of: pointer)[0])
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(try coordinates(of: pointer))
        case Int32(GEOS_POLYGON.rawValue): return .polygon(try polygon(of: pointer))
        case Int32(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try parts(of: pointer).map { try coordinates(of: $0)[0] })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try parts(of: pointer).map { try coordinates(of: $0) })
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(
                try parts(of: pointer).compactMap { GEOSisEmpty_r(handle, $0) == 1 ? nil : try polygon(of: $0) })
        default: return .collection(try parts(of: pointer).map { try value(of: $0) })
        }
    }

    func value(of geometry: GEOSGeometry) throws -> Geometry { try value(of: geometry.pointer) }

    private func parts(of pointer: OpaquePointer) throws -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(handle, pointer)
        guard n >= 0 else { throw takeError("cannot count parts") }
        return try (0..<n).map { try check(GEOSGetGeometryN_r(handle, pointer, $0), "missing part") }
    }

    private func polygon(of pointer: OpaquePointer) throws -> Polygon {
        let shell = try check(GEOSGetExteriorRing_r(handle, pointer), "polygon without exterior ring")
        let n = GEOSGetNumInteriorRings_r(handle, pointer)
        var holes: [[Coordinate]] = []
        for i in 0..<max(n, 0) {
            holes.append(try coordinates(of: try check(GEOSGetInteriorRingN_r(handle, pointer, i), "missing hole")))
        }
        return Polygon(exterior: try coordinates(of: shell), holes: holes)
    }

    private func coordinates(of pointer: OpaquePointer) throws -> [Coordinate] {
        let seq = try check(GEOSGeom_getCoordSeq_r(handle, pointer), "geometry without coordinates")
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, seq, &size) != 0 else { throw takeError("cannot read coordinates") }
        if size == 0 { return [] }
        var out = [Coordinate](repeating: Coordinate(0, 0), count: Int(size))
        let ok = out.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: Double.self, capacity: Int(size) * 2) {
                GEOSCoordSeq_copyToBuffer_r(handle, seq, $0, 0, 0)
            }
        }
        guard ok != 0 else { throw takeError("cannot read coordinates") }
        return out
    }

    /// Takes ownership of a GEOS result, converts it and frees it.
    func consume(_ pointer: OpaquePointer?, _ what: String) throws -> Geometry {
        let owned = GEOSGeometry(context: self, pointer: try check(pointer, "\(what) failed"))
        return try value(of: owned)
    }
}

/// Runs `body` with a fresh GEOS context (cheap: about 0.1 µs).
func withGEOS<T>(_ body: (GEOSContext) throws -> T) rethrows -> T {
    let context = GEOSContext()
    return try body(context)
}
