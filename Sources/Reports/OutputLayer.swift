import GeoCore

/// A layer of the run's results, in the working CRS, ready for any writer. Features are made on
/// demand, so that a writer can stream a million buildings without holding them all.
public struct OutputLayer: Sendable {
    public var name: String
    /// GeoPackage geometry type: POINT, LINESTRING, POLYGON, MULTIPOLYGON or GEOMETRY.
    public var geometryType: String
    public var fields: [GeoPackageField]
    public var description: String
    public let count: Int
    private let make: @Sendable (Int) -> Feature

    public init(name: String, geometryType: String, fields: [GeoPackageField], features: [Feature], description: String)
    {
        self.init(
            name: name, geometryType: geometryType, fields: fields, count: features.count, description: description
        ) { features[$0] }
    }

    public init(
        name: String, geometryType: String, fields: [GeoPackageField], count: Int, description: String,
        feature: @escaping @Sendable (Int) -> Feature
    ) {
        self.name = name
        self.geometryType = geometryType
        self.fields = fields
        self.description = description
        self.count = count
        make = feature
    }

    public func feature(_ i: Int) -> Feature { make(i) }

    /// The type a layer of these geometries declares: MULTIPOLYGON when all are polygonal (they are
    /// written by `multi`), POINT when all are points, else GEOMETRY (QGIS then asks which to show).
    static func declaredType(_ geometries: [Geometry]) -> String {
        if geometries.allSatisfy(\.isPolygonal) { return "MULTIPOLYGON" }
        if geometries.allSatisfy({ if case .point = $0 { true } else { false } }) { return "POINT" }
        return "GEOMETRY"
    }

    /// Polygonal geometries as MULTIPOLYGON, so that the layer has one geometry type.
    static func multi(_ g: Geometry) -> Geometry { g.isPolygonal ? .multiPolygon(g.polygons) : g }
}
