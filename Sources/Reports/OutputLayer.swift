import GeoCore

/// A layer of the run's results, in the working CRS, ready for any writer.
public struct OutputLayer: Sendable {
    public var name: String
    /// GeoPackage geometry type: POINT, LINESTRING, POLYGON, MULTIPOLYGON.
    public var geometryType: String
    public var fields: [GeoPackageField]
    public var features: [Feature]
    public var description: String

    /// Polygonal geometries as MULTIPOLYGON, so that the layer has one geometry type.
    static func multi(_ g: Geometry) -> Geometry {
        g.isPolygonal ? .multiPolygon(g.polygons) : g
    }
}
