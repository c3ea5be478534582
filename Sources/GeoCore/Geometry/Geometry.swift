/// A simple-features geometry as a plain value (OGC Simple Features, 2D).
///
/// The value carries no CRS; the layer or file that holds it does. An empty geometry is an empty collection.
public enum Geometry: Sendable, Hashable {
    case point(Coordinate)
    case lineString([Coordinate])
    case polygon(Polygon)
    case multiPoint([Coordinate])
    case multiLineString([[Coordinate]])
    case multiPolygon([Polygon])
    case collection([Geometry])

    /// The empty geometry.
    public static let empty = Geometry.collection([])

    /// The OGC type name in upper case (`POINT`, `MULTIPOLYGON`, …), as GeoPackage and WKT use it.
    public var typeName: String {
        switch self {
        case .point: "POINT"
        case .lineString: "LINESTRING"
        case .polygon: "POLYGON"
        case .multiPoint: "MULTIPOINT"
        case .multiLineString: "MULTILINESTRING"
        case .multiPolygon: "MULTIPOLYGON"
        case .collection: "GEOMETRYCOLLECTION"
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .point: false
        case .lineString(let c), .multiPoint(let c): c.isEmpty
        case .polygon(let p): p.exterior.isEmpty
        case .multiLineString(let l): l.isEmpty
        case .multiPolygon(let p): p.isEmpty
        case .collection(let g): g.allSatisfy(\.isEmpty)
        }
    }

    /// Every coordinate of the geometry, rings and parts in order.
    public var coordinates: [Coordinate] {
        var out: [Coordinate] = []
        appendCoordinates(to: &out)
        return out
    }

    /// Appends every coordinate of the geometry, in the order of `coordinates`, to `out` (a buffer reused
    /// from geometry to geometry).
    public func appendCoordinates(to out: inout [Coordinate]) { forEachCoordinate { out.append($0) } }

    public func forEachCoordinate(_ body: (Coordinate) -> Void) {
        switch self {
        case .point(let c): body(c)
        case .lineString(let cs), .multiPoint(let cs): cs.forEach(body)
        // Exterior, then holes (without making the array of `rings`).
        case .polygon(let p):
            p.exterior.forEach(body)
            p.holes.forEach { $0.forEach(body) }
        case .multiLineString(let ls): ls.forEach { $0.forEach(body) }
        case .multiPolygon(let ps):
            for p in ps {
                p.exterior.forEach(body)
                p.holes.forEach { $0.forEach(body) }
            }
        case .collection(let gs): gs.forEach { $0.forEachCoordinate(body) }
        }
    }

    /// The same geometry with every coordinate replaced by `transform(coordinate)`.
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Geometry {
        switch self {
        case .point(let c): return .point(try transform(c))
        case .lineString(let cs): return .lineString(try cs.map(transform))
        case .multiPoint(let cs): return .multiPoint(try cs.map(transform))
        case .polygon(let p): return .polygon(try p.mapCoordinates(transform))
        case .multiLineString(let ls): return .multiLineString(try ls.map { try $0.map(transform) })
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { try $0.mapCoordinates(transform) })
        case .collection(let gs): return .collection(try gs.map { try $0.mapCoordinates(transform) })
        }
    }

    /// The bounding box, or nil for an empty geometry.
    public var boundingBox: BoundingBox? {
        var box: BoundingBox?
        forEachCoordinate { c in
            if box == nil {
                box = BoundingBox(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)
            } else {
                box!.expand(toInclude: c)
            }
        }
        return box
    }

    /// The polygons of a polygonal geometry (Polygon, MultiPolygon, or polygons in a collection).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let ps): ps
        case .collection(let gs): gs.flatMap(\.polygons)
        default: []
        }
    }

    /// Whether the geometry is a Polygon or MultiPolygon.
    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    /// A representative point: the point itself, or the centre of the bounding box for other geometries.
    /// Use `centroid()` or `pointOnSurface()` where the exact centre matters.
    public var anchor: Coordinate? {
        if case .point(let c) = self { return c }
        return boundingBox?.center
    }
}

extension Polygon {
    public func mapCoordinates(_ transform: (Coordinate) throws -> Coordinate) rethrows -> Polygon {
        Polygon(exterior: try exterior.map(transform), holes: try holes.map { try $0.map(transform) })
    }
}
