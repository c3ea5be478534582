import GeoCore
import Radio

/// A building's mobile service: the best service of each technology outdoors and indoors, and the indoor
/// rate to expect in the busy hour (`CellLoad`).
///
/// Drawn from the coverage for every building before the rest of its service is classified, so that the
/// coverage (two quality records per building and service) is let go first and is not held beside the
/// buildings' results.
public struct MobileService: Sendable {
    public var outdoor: MobileQualities
    public var indoor: MobileQualities
    public var indoorLoadedMbps: SmallMap<Technology, Double>

    /// Every receiver's mobile service, in receiver order, on every core.
    /// - Parameters:
    ///   - homes: the users at each receiver (households plus businesses, see `CellLoad`).
    static func perReceiver(
        _ coverage: MobileCoverage, technologies: [Technology], homes: [Double], activity: Double
    ) -> [MobileService] {
        let load = CellLoad(coverage: coverage, homes: homes, activity: activity)
        return parallelMap(
            count: homes.count,
            each: { i in
                var loaded: SmallMap<Technology, Double> = [:]
                loaded.reserveCapacity(technologies.count)
                for t in technologies {
                    loaded[t] = load.loadedIndoorMbps(coverage: coverage, receiver: i, technology: t)
                }
                return MobileService(
                    outdoor: coverage.qualities(receiver: i, technologies: technologies, indoor: false),
                    indoor: coverage.qualities(receiver: i, technologies: technologies, indoor: true),
                    indoorLoadedMbps: loaded)
            })
    }
}
