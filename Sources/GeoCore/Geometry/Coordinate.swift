/// A planar or geographic coordinate. In a geographic CRS `x` is longitude and `y` latitude, in degrees;
/// in a projected CRS both are metres (easting, northing).
public struct Coordinate: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(_ x: Double, _ y: Double) { self.init(x: x, y: y) }

    /// Both components are finite numbers (not NaN, not ±infinity).
    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Euclidean distance to another coordinate, in the units of the CRS.
    public func distance(to other: Coordinate) -> Double { squaredDistance(to: other).squareRoot() }

    /// The square of `distance(to:)`, for comparing distances without a square root.
    @inlinable public func squaredDistance(to other: Coordinate) -> Double {
        (x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)
    }
}
