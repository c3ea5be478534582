/// A geometry that cannot be decoded from its encoding (WKB, WKT, GeoJSON): what is wrong with it.
public typealias GeometryError = LibraryError<GeometryEncoding>
/// A GEOS operation that failed, with GEOS's own message (for example a self-intersection that
/// `buffer` or `union` could not resolve).
public typealias GEOSError = LibraryError<GEOSLibrary>
/// A coordinate reference system PROJ does not know, or a transformation it cannot make, with PROJ's
/// message.
public typealias CRSError = LibraryError<PROJLibrary>
/// A GeoPackage that cannot be written or read as asked (a CRS without an EPSG code, a layer written
/// twice, a geometry blob without the GeoPackage header).
public typealias GeoPackageError = LibraryError<GeoPackageFormat>

/// Where an error comes from: its name in messages.
public protocol ErrorOrigin: Sendable {
    /// Put before the message ("GEOS: …"), or empty.
    static var prefix: String { get }
}

public enum GeometryEncoding: ErrorOrigin { public static let prefix = "" }
public enum GEOSLibrary: ErrorOrigin { public static let prefix = "GEOS: " }
public enum PROJLibrary: ErrorOrigin { public static let prefix = "" }
public enum GeoPackageFormat: ErrorOrigin { public static let prefix = "GeoPackage: " }

/// An error with a message, typed by where it comes from, so that callers catch GEOS, PROJ,
/// GeoPackage and encoding errors apart.
public struct LibraryError<Origin: ErrorOrigin>: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { Origin.prefix + message }
}
