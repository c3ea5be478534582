import GeoCore
import Radio

/// One building of a run: the building as loaded, where it lies, what service it has and its verdicts.
/// The building's own fields read through (`result.id`, `result.households`).
@dynamicMemberLookup public struct BuildingResult: Sendable {
    public var building: Building
    /// Index into `RunResult.districts` of the district that holds its centre.
    public var district: Int?
    /// Focus-point kind when the building is one (school, hospital, …).
    public var focusKind: String?
    public var service: BuildingService
    /// Fixed networks of at least the NGA rate (`funding.nga_network_mbps`).
    public var ngaNetworks: Int

    /// Through a key path, which copies the whole building for each read in a release build (measured
    /// with callgrind): loops over many buildings read `result.building.id` instead.
    @inlinable public subscript<T>(dynamicMember keyPath: KeyPath<Building, T>) -> T { building[keyPath: keyPath] }

    /// Its class in the market survey (private, business, school, …), from its focus kind and use.
    public var addressCategory: AddressCategory { AddressCategory.of(use: building.use, focusKind: focusKind) }

    /// Seconds to download `size` at the best rate of the building (`service.best`, or that rate
    /// when the caller has it already), nil without service.
    public func downloadSeconds(_ size: DownloadSize, bestMbps: Double? = nil) -> Double? {
        let rate = bestMbps ?? service.best.downMbps
        return rate > 0 ? DownloadTimeTable.seconds(bytes: size.bytes, rateMbps: rate) : nil
    }
}
