import Foundation
import GeoCore
import Planning
import Radio

/// What changed between two analyses of the same city: buildings whose service or funding verdict
/// changed, coverage deltas, and eligible counts per district.
public struct Comparison: Sendable {
    public struct BuildingChange: Sendable {
        public var id: String
        /// What changed: `fixed`, `mobile`, `wlan`, `funding:<programme>`, `added`, `removed`.
        public var aspects: [String]
        public var before: String
        public var after: String
        /// Where it is (the footprint after, or before for a removed building), in the working CRS.
        public var geometry: Geometry?
        /// Eligible under the area programme before and after (nil where the building is absent).
        public var eligibleBefore: Bool?
        public var eligibleAfter: Bool?
        public var bestMbpsBefore: Double?
        public var bestMbpsAfter: Double?

        /// How the verdict under the area programme moved: `newly eligible`, `no longer eligible`, or `service`.
        public var kind: String {
            switch (eligibleBefore, eligibleAfter) {
            case (false?, true?), (nil, true?): "newly eligible"
            case (true?, false?), (true?, nil): "no longer eligible"
            default: "service"
            }
        }
    }

    public struct DistrictDelta: Sendable {
        public var name: String
        public var eligibleBefore: [FundingProgramme: Int]
        public var eligibleAfter: [FundingProgramme: Int]
        public var coverageKm2Before: [Double]
        public var coverageKm2After: [Double]
    }

    public var changes: [BuildingChange]
    /// The programme the eligibility columns refer to (the area programme after).
    public var programme: FundingProgramme
    /// The costs of the cost plans (fibre, sites, access points), € before and after.
    public var capexBefore: Double
    public var capexAfter: Double
    public var workingCRS: CRS
    public var classes: [CoverageClass]
    public var cityCoverageBefore: [ClassCoverage]
    public var cityCoverageAfter: [ClassCoverage]
    public var districts: [DistrictDelta]

    /// A building's service in comparable form.
    static func signature(_ s: BuildingService) -> (fixed: String, mobile: String, wlan: String) {
        let f = s.fixed.best.map { "\($0.technology.rawValue) \(format($0.downMbps))/\(format($0.upMbps))" } ?? "none"
        let fixed = "\(f), \(s.fixed.networks.count) networks\(s.fixed.plannedWithin3Years ? ", planned" : "")"
        let mobile = s.mobileIndoor.keys.sorted().map { "\($0.rawValue) \(format(s.mobileIndoor[$0]!.1.downlinkMbps))" }
            .joined(separator: ", ")
        let wlan = s.wlanMbps.map { "\(s.wlanIsland ?? "") \(format($0))" } ?? "none"
        return (fixed, mobile, wlan)
    }

    static func format(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 1) }

    public init(before a: RunResult, after b: RunResult) {
        var indexB: [String: Int] = [:]
        for (i, x) in b.buildings.enumerated() { indexB[x.id] = i }
        var seen = Set<String>()
        var changes: [BuildingChange] = []
        for (i, building) in a.buildings.enumerated() {
            seen.insert(building.id)
            let programme = b.settings.funding.areaProgramme
            guard let j = indexB[building.id] else {
                changes.append(
                    BuildingChange(
                        id: building.id, aspects: ["removed"], before: "", after: "", geometry: building.geometry,
                        eligibleBefore: building.service.funding[programme]!.eligible, eligibleAfter: nil,
                        bestMbpsBefore: building.service.best.downMbps, bestMbpsAfter: nil))
                continue
            }
            let sa = Self.signature(a.buildings[i].service)
            let sb = Self.signature(b.buildings[j].service)
            var aspects: [String] = []
            var before: [String] = []
            var after: [String] = []
            if sa.fixed != sb.fixed {
                aspects.append("fixed")
                before.append("fixed \(sa.fixed)")
                after.append("fixed \(sb.fixed)")
            }
            if sa.mobile != sb.mobile {
                aspects.append("mobile")
                before.append("mobile \(sa.mobile)")
                after.append("mobile \(sb.mobile)")
            }
            if sa.wlan != sb.wlan {
                aspects.append("wlan")
                before.append("wlan \(sa.wlan)")
                after.append("wlan \(sb.wlan)")
            }
            let fa = a.buildings[i].service.funding
            let fb = b.buildings[j].service.funding
            for p in FundingProgramme.allCases where fa[p] != fb[p] {
                aspects.append("funding:\(p.rawValue)")
                before.append("\(p.rawValue) \(fa[p]!.reason)")
                after.append("\(p.rawValue) \(fb[p]!.reason)")
            }
            if !aspects.isEmpty {
                let x = b.buildings[j]
                changes.append(
                    BuildingChange(
                        id: building.id, aspects: aspects, before: before.joined(separator: "; "),
                        after: after.joined(separator: "; "), geometry: x.geometry,
                        eligibleBefore: building.service.funding[programme]!.eligible,
                        eligibleAfter: x.service.funding[programme]!.eligible,
                        bestMbpsBefore: building.service.best.downMbps, bestMbpsAfter: x.service.best.downMbps))
            }
        }
        let programme = b.settings.funding.areaProgramme
        for x in b.buildings where !seen.contains(x.id) {
            changes.append(
                BuildingChange(
                    id: x.id, aspects: ["added"], before: "", after: "", geometry: x.geometry, eligibleBefore: nil,
                    eligibleAfter: x.service.funding[programme]!.eligible, bestMbpsBefore: nil,
                    bestMbpsAfter: x.service.best.downMbps))
        }
        self.changes = changes
        self.programme = programme
        capexBefore = a.costs?.capex ?? 0
        capexAfter = b.costs?.capex ?? 0
        workingCRS = b.scenario.workingCRS
        classes = a.city.coverage.map(\.coverageClass)
        cityCoverageBefore = a.city.coverage
        cityCoverageAfter = b.city.coverage
        var byName: [String: AreaSummary] = [:]
        for d in b.districts { byName[d.name] = d }
        districts = a.districts.map { d in
            let other = byName[d.name]
            return DistrictDelta(
                name: d.name,
                eligibleBefore: Dictionary(
                    uniqueKeysWithValues: FundingProgramme.allCases.map { ($0, d.eligible[$0]?.buildings ?? 0) }),
                eligibleAfter: Dictionary(
                    uniqueKeysWithValues: FundingProgramme.allCases.map { ($0, other?.eligible[$0]?.buildings ?? 0) }),
                coverageKm2Before: d.coverage.map(\.areaKm2), coverageKm2After: other?.coverage.map(\.areaKm2) ?? [])
        }
    }

    public var isEmpty: Bool {
        changes.isEmpty
            && zip(cityCoverageBefore, cityCoverageAfter).allSatisfy {
                $0.areaKm2 == $1.areaKm2 && $0.residents == $1.residents
            }
    }

    public func text(nameA: String, nameB: String) -> String {
        var out = "\(nameA) → \(nameB): \(changes.count) building(s) changed\n"
        var tally: [String: Int] = [:]
        for c in changes { for a in c.aspects { tally[a, default: 0] += 1 } }
        for (k, v) in tally.sorted(by: { $0.key < $1.key }) { out += "  \(k): \(v)\n" }
        for (k, cls) in classes.enumerated() {
            let a = cityCoverageBefore[k]
            let b = cityCoverageAfter[k]
            out += String(
                format: "  %@: %.3f → %.3f km² (%+.3f), %.0f → %.0f residents (%+.0f)\n", cls.label, a.areaKm2,
                b.areaKm2, b.areaKm2 - a.areaKm2, a.residents, b.residents, b.residents - a.residents)
        }
        for d in districts {
            let deltas = FundingProgramme.allCases.compactMap { p -> String? in
                let x = d.eligibleBefore[p]!
                let y = d.eligibleAfter[p]!
                return x == y ? nil : "\(p.rawValue) \(x) → \(y)"
            }
            if !deltas.isEmpty { out += "  \(d.name): eligible \(deltas.joined(separator: ", "))\n" }
        }
        out += String(
            format: "  costs (fibre, sites, access points): %@ → %@ € (%@)\n", NumberFormat.grouped(capexBefore),
            NumberFormat.grouped(capexAfter),
            (capexAfter >= capexBefore ? "+" : "−") + NumberFormat.grouped(abs(capexAfter - capexBefore)))
        return out
    }

    public func changesCSV() -> String {
        CSVWriter.table(
            header: ["building_id", "aspects", "before", "after"],
            rows: changes.map { [$0.id, $0.aspects.joined(separator: " "), $0.before, $0.after] })
    }

    public func districtsCSV() -> String {
        var header = ["district"]
        for p in FundingProgramme.allCases {
            header += ["\(p.rawValue)_before", "\(p.rawValue)_after", "\(p.rawValue)_delta"]
        }
        for cls in classes { header += ["\(cls.name)_km2_before", "\(cls.name)_km2_after"] }
        return CSVWriter.table(
            header: header,
            rows: districts.map { d in
                var row = [d.name]
                for p in FundingProgramme.allCases {
                    row += [
                        String(d.eligibleBefore[p]!), String(d.eligibleAfter[p]!),
                        String(d.eligibleAfter[p]! - d.eligibleBefore[p]!),
                    ]
                }
                for k in classes.indices {
                    row += [
                        NumberFormat.fixed(d.coverageKm2Before.count > k ? d.coverageKm2Before[k] : 0, decimals: 3),
                        NumberFormat.fixed(d.coverageKm2After.count > k ? d.coverageKm2After[k] : 0, decimals: 3),
                    ]
                }
                return row
            })
    }
}
