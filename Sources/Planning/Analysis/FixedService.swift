import GeoCore
import Radio

/// The fixed-line networks available at a building, from the market survey.
public struct FixedService: Sendable, Hashable {
    /// One network: technology, provider, rates. Networks planned within three years are listed apart.
    public struct Network: Sendable, Hashable {
        public var technology: FixedTechnology
        public var provider: String?
        public var downMbps: Double
        public var upMbps: Double
        /// For a planned network: when it is due, if the market survey says.
        public var plannedDate: CalendarDate?

        /// The network as the funding rules see it.
        public var funding: FundingNetwork {
            FundingNetwork(technology: technology, downMbps: downMbps, upMbps: upMbps, date: plannedDate)
        }
    }

    public var networks: [Network] = []
    public var planned: [Network] = []

    /// The best network now (by download rate, then upload; the first of equals).
    public var best: Network? {
        // By position, copying only the network returned (`max(by:)` copied each better one on the way, with
        // its provider's name).
        guard !networks.isEmpty else { return nil }
        var k = 0
        for j in networks.indices.dropFirst()
        where (networks[k].downMbps, networks[k].upMbps) < (networks[j].downMbps, networks[j].upMbps) { k = j }
        return networks[k]
    }

    public var plannedWithin3Years: Bool { !planned.isEmpty }

    /// Distinct networks with at least `minimumMbps` down.
    public func networkCount(minimumMbps: Double) -> Int { networks.filter { $0.downMbps >= minimumMbps }.count }

    /// How many records of a join found no building: by an unknown `building_id`, or too far by position.
    public static func unmatched(_ problems: [InputProblem]) -> (unknownIDs: Int, tooFar: Int) {
        (
            problems.filter { $0.code == "unknown-building" }.count,
            problems.filter { $0.code == "no-building-nearby" }.count
        )
    }

    /// Joins fixed-line records to buildings: by `building_id`, else to the nearest building whose
    /// footprint lies within `maximumDistanceM` of the address point. Records of the same technology and
    /// provider at one building are one network (the fastest offer counts).
    /// - Returns: the service per building (same order as `buildings`); the address the first record with
    ///   an address joined to a building gives, only for buildings without an address of their own (by
    ///   index; kept apart, as a building's result holds one address, and sparse, as most buildings have
    ///   one); and the records that matched nothing.
    public static func join(
        _ records: [FixedLineRecord], in context: SpatialContext, maximumDistanceM: Double, file: String = "fixed"
    ) -> (services: [FixedService], addresses: [Int: PostalAddress], problems: [InputProblem]) {
        let (buildings, index, byID) = (context.buildings, context.index, context.positionByID)
        // Each record's building, found on every core (the search is most of the join's work); then the records
        // are joined one after another, in their order.
        let targets = parallelMap(count: records.count) { range in
            range.map { k in
                target(
                    of: records[k], buildings: buildings, index: index, byID: byID, maximumDistanceM: maximumDistanceM)
            }
        }
        var services = [FixedService](repeating: FixedService(), count: buildings.count)
        var addresses: [Int: PostalAddress] = [:]
        var problems: [InputProblem] = []
        // Each record read in place: a copy would retain and release every text it holds.
        records.withUnsafeBufferPointer { records in
            for (k, found) in targets.enumerated() {
                let record = records.baseAddress! + k
                let t: Int
                switch found {
                case .building(let i): t = i
                case .unknownID(let id):
                    problems.append(
                        InputProblem(
                            .warning, code: "unknown-building", file: file, layer: "fixed",
                            featureID: record.pointee.id, field: "building_id",
                            reason: "no building with id \"\(id)\"; the record is not used"))
                    continue
                case .noneNearby:
                    problems.append(
                        InputProblem(
                            .warning, code: "no-building-nearby", file: file, layer: "fixed",
                            featureID: record.pointee.id, field: "geometry",
                            reason:
                                "no building footprint within \(NumberText.plain(maximumDistanceM)) m of the address "
                                + "point; the record is not used"))
                    continue
                case .unplaced: continue
                }
                if case .none = buildings[t].address, addresses[t] == nil { addresses[t] = record.pointee.address }
                guard record.pointee.technology != .none else { continue }
                let network = Network(
                    technology: record.pointee.technology, provider: record.pointee.provider,
                    downMbps: record.pointee.downMbps, upMbps: record.pointee.upMbps ?? 0,
                    plannedDate: record.pointee.plannedDate)
                if record.pointee.plannedWithin3Years {
                    services[t].planned.append(network)
                } else if let n = services[t].networks.firstIndex(where: {
                    $0.technology == network.technology && $0.provider == network.provider
                }) {
                    if (network.downMbps, network.upMbps) > (
                        services[t].networks[n].downMbps, services[t].networks[n].upMbps
                    ) {
                        services[t].networks[n] = network
                    }
                } else {
                    services[t].networks.append(network)
                }
            }
        }
        return (services, addresses, problems)
    }

    /// Where a fixed-line record joins.
    private enum Target: Sendable {
        /// The building at this index.
        case building(Int)
        /// Its `building_id` names no building.
        case unknownID(String)
        /// No footprint lies within the distance of its address point.
        case noneNearby
        /// It has neither a `building_id` nor a position.
        case unplaced
    }

    /// The building of `record`: the one its `building_id` names (`byID`), else the nearest whose footprint
    /// lies within `maximumDistanceM` of its address point (`index` holds the footprints' boxes; the last of
    /// equally near ones in the order the index gives them).
    private static func target(
        of record: FixedLineRecord, buildings: [Building], index: STRtree, byID: [String: Int], maximumDistanceM: Double
    ) -> Target {
        if let id = record.buildingID { return byID[id].map { .building($0) } ?? .unknownID(id) }
        guard let p = record.location else { return .unplaced }
        var best: Int?
        var bestDistance = maximumDistanceM
        for i in index.query(near: p, radius: maximumDistanceM) {
            let d = buildings[i].geometry.planarDistance(to: p)
            if d <= bestDistance {
                bestDistance = d
                best = i
            }
        }
        return best.map { .building($0) } ?? .noneNearby
    }
}
