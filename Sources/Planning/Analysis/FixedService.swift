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

    /// The best network now (by download rate, then upload).
    public var best: Network? { networks.max { ($0.downMbps, $0.upMbps) < ($1.downMbps, $1.upMbps) } }

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
        let buildings = context.buildings
        let index = context.index
        let byID = context.positionByID
        var services = [FixedService](repeating: FixedService(), count: buildings.count)
        var addresses: [Int: PostalAddress] = [:]
        var problems: [InputProblem] = []
        for record in records {
            var target: Int?
            if let id = record.buildingID {
                target = byID[id]
                if target == nil {
                    problems.append(
                        InputProblem(
                            .warning, code: "unknown-building", file: file, layer: "fixed", featureID: record.id,
                            field: "building_id", reason: "no building with id \"\(id)\"; the record is not used"))
                    continue
                }
            } else if let p = record.location {
                var bestDistance = maximumDistanceM
                for i in index.query(near: p, radius: maximumDistanceM) {
                    let d = buildings[i].geometry.planarDistance(to: p)
                    if d <= bestDistance {
                        bestDistance = d
                        target = i
                    }
                }
                if target == nil {
                    problems.append(
                        InputProblem(
                            .warning, code: "no-building-nearby", file: file, layer: "fixed", featureID: record.id,
                            field: "geometry",
                            reason:
                                "no building footprint within \(NumberText.plain(maximumDistanceM)) m of the address "
                                + "point; the record is not used"))
                    continue
                }
            }
            guard let t = target else { continue }
            if buildings[t].address == nil, addresses[t] == nil { addresses[t] = record.address }
            guard record.technology != .none else { continue }
            let network = Network(
                technology: record.technology, provider: record.provider, downMbps: record.downMbps,
                upMbps: record.upMbps ?? 0, plannedDate: record.plannedDate)
            if record.plannedWithin3Years {
                services[t].planned.append(network)
            } else if let k = services[t].networks.firstIndex(where: {
                $0.technology == network.technology && $0.provider == network.provider
            }) {
                if (network.downMbps, network.upMbps) > (
                    services[t].networks[k].downMbps, services[t].networks[k].upMbps
                ) {
                    services[t].networks[k] = network
                }
            } else {
                services[t].networks.append(network)
            }
        }
        return (services, addresses, problems)
    }
}
