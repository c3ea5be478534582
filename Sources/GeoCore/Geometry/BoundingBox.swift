/// An axis-aligned rectangle in the units of a CRS.
public struct BoundingBox: Sendable, Hashable, Codable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest box around the coordinates, or nil when there are none. Inlinable, so that callers in
    /// other modules get it specialised to their sequence (the height raster calls it per footprint).
    @inlinable public init?<S: Sequence>(covering coordinates: S) where S.Element == Coordinate {
        var box: BoundingBox?
        for c in coordinates {
            if box == nil {
                box = BoundingBox(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)
            } else {
                box!.expand(toInclude: c)
            }
        }
        guard let box else { return nil }
        self = box
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: Coordinate { Coordinate((minX + maxX) / 2, (minY + maxY) / 2) }

    @inlinable public mutating func expand(toInclude c: Coordinate) {
        minX = Swift.min(minX, c.x)
        minY = Swift.min(minY, c.y)
        maxX = Swift.max(maxX, c.x)
        maxY = Swift.max(maxY, c.y)
    }

    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY), maxX: Swift.max(maxX, other.maxX),
            maxY: Swift.max(maxY, other.maxY))
    }

    public func expanded(by margin: Double) -> BoundingBox {
        BoundingBox(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    public func intersects(_ other: BoundingBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    public func contains(_ c: Coordinate) -> Bool { c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY }

    /// Smallest distance from the box to a point (0 inside).
    public func distance(to c: Coordinate) -> Double {
        let dx = Swift.max(minX - c.x, 0, c.x - maxX)
        let dy = Swift.max(minY - c.y, 0, c.y - maxY)
        return (dx * dx + dy * dy).squareRoot()
    }
}
