import GeoCore
import Radio

/// The coverage raster: receivers at the centres of square cells over the study area.
public struct CoverageGrid: Sendable {
    public let origin: Coordinate
    public let resolutionM: Double
    public let columns: Int
    public let rows: Int
    public let coverage: MobileCoverage

    public init(
        box: BoundingBox, resolutionM: Double, network: MobileNetwork, raster: HeightRaster?,
        settings: AnalysisSettings, progress: (any ProgressObserver)? = nil
    ) {
        origin = Coordinate(box.minX, box.minY)
        self.resolutionM = resolutionM
        columns = max(1, Int((box.width / resolutionM).rounded(.up)))
        rows = max(1, Int((box.height / resolutionM).rounded(.up)))
        var receivers: [Receiver] = []
        receivers.reserveCapacity(columns * rows)
        for r in 0..<rows {
            for c in 0..<columns { receivers.append(Receiver(position: Self.center(origin, resolutionM, c, r))) }
        }
        coverage = MobileCoverage(
            network: network, receivers: receivers, raster: raster, settings: settings, progress: progress,
            stage: "coverage grid cells")
    }

    static func center(_ origin: Coordinate, _ size: Double, _ c: Int, _ r: Int) -> Coordinate {
        Coordinate(origin.x + (Double(c) + 0.5) * size, origin.y + (Double(r) + 0.5) * size)
    }

    public func center(column c: Int, row r: Int) -> Coordinate { Self.center(origin, resolutionM, c, r) }

    /// Whether a cell (row-major index) meets a class outdoors.
    public func meets(_ cell: Int, _ cls: CoverageClass) -> Bool {
        (coverage.bestRate(receiver: cell, technology: cls.technology, operatorName: cls.operatorName, indoor: false)
            ?? 0) >= cls.minimumMbps
    }

    /// The dissolved polygon of the cells that meet the class: each row's runs of cells become
    /// rectangles, and GEOS dissolves the rectangles.
    public func polygon(for cls: CoverageClass) throws -> Geometry {
        var strips: [Geometry] = []
        for r in 0..<rows {
            var c = 0
            while c < columns {
                guard meets(r * columns + c, cls) else {
                    c += 1
                    continue
                }
                let start = c
                while c < columns && meets(r * columns + c, cls) { c += 1 }
                let box = BoundingBox(
                    minX: origin.x + Double(start) * resolutionM, minY: origin.y + Double(r) * resolutionM,
                    maxX: origin.x + Double(c) * resolutionM, maxY: origin.y + Double(r + 1) * resolutionM)
                strips.append(.polygon(.rectangle(box)))
            }
        }
        guard !strips.isEmpty else { return .empty }
        let union = try Geometry.union(strips)
        return .multiPolygon(union.polygons)
    }
}
