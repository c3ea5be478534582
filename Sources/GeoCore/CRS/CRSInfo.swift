/// What PROJ knows about a CRS: its name, whether it is geographic, and its area of use.
public struct CRSInfo: Sendable, Hashable {
    public let crs: CRS
    public let name: String
    /// Degrees of longitude/latitude (true) or projected metres (false).
    public let isGeographic: Bool
    /// A projected CRS whose axes are in metres (what the analysis needs as its working CRS).
    public let isProjectedInMetres: Bool
    /// The area of use in WGS84 degrees (west, south, east, north), when PROJ knows it.
    public let areaOfUse: BoundingBox?
    /// Its definition as WKT (OGC 01-009, the form GeoPackage stores).
    public let wkt: String
}
