import Radio

/// The downlink rate a user can expect in a loaded cell, beside the single-user peak.
///
/// Every building's homes (households plus businesses, at least one) are users of the sector that
/// serves it best indoors, for each service (operator and technology). Each home is a customer of one
/// of the operators that offer the technology, in equal shares, and in the busy hour the share
/// `activity` of them is active at once. A proportional-fair scheduler gives each of the N active users
/// of a sector about 1/N of the time, so a user's expected rate is
///
///     rate_loaded = rate_peak / max(1, N),   N = activity × (1 / operators) × Σ homes served
///
/// (the multi-user diversity gain of proportional fair, some tens of percent, is left out, so the
/// figure errs low). `rate_peak` is the truncated-Shannon rate of TR 36.942 at the building's SINR.
public struct CellLoad: Sendable {
    /// Active users per service (index into `MobileCoverage.services`) and serving sector (index).
    public let activeUsers: [[Double]]

    /// - Parameters:
    ///   - homes: the users at each receiver (building).
    public init(coverage: MobileCoverage, homes: [Double], activity: Double) {
        let services = coverage.services
        var operators: [Technology: Set<String>] = [:]
        for s in services { operators[s.technology, default: []].insert(s.operatorName) }
        var users = [[Double]](repeating: [Double](repeating: 0, count: coverage.sectorCount), count: services.count)
        for (s, key) in services.enumerated() {
            let share = 1 / Double(max(1, operators[key.technology]!.count))
            for i in homes.indices {
                guard let link = coverage.servingLink(receiver: i, service: s, indoor: true) else { continue }
                users[s][link.sector] += homes[i] * share * activity
            }
        }
        activeUsers = users
    }

    /// The expected indoor rate under load of a technology at a receiver: the best over its operators.
    public func loadedIndoorMbps(coverage: MobileCoverage, receiver i: Int, technology: Technology) -> Double? {
        var best: Double?
        for (s, key) in coverage.services.enumerated() where key.technology == technology {
            guard let link = coverage.servingLink(receiver: i, service: s, indoor: true) else { continue }
            let rate = link.mbps / max(1, activeUsers[s][link.sector])
            if rate > (best ?? -1) { best = rate }
        }
        return best
    }
}
