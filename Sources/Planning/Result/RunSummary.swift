import Foundation
import GeoCore
import Radio

/// The headline numbers of a run, as written to summary.json, stored in the run history and printed
/// by `--json`. Encoded with `JSONValueEncoder` (members in this order); read back with `JSONDecoder`.
public struct RunSummary: Codable, Sendable {
    public var scenario: String
    public var description: String?
    public var crs: String
    public var buildings: Buildings
    public var programmes: OrderedMembers<Programme>
    public var reasonLabels: OrderedMembers<ReasonLabel>
    public var underservedAreas: Areas
    public var coverage: [Coverage]
    public var schools: Schools
    public var inputProblems: Problems
    public var radio: Radio
    /// What closing the gaps costs (absent in summaries written before costs were priced).
    public var costs: Costs?
    public var generatedLayers: [String]

    enum CodingKeys: String, CodingKey {
        case scenario, description, crs, buildings, programmes
        case reasonLabels = "reason_labels"
        case underservedAreas = "underserved_areas"
        case coverage, schools
        case inputProblems = "input_problems"
        case radio, costs
        case generatedLayers = "generated_layers"
    }

    public struct Buildings: Codable, Sendable {
        public var total: Int
        public var households: Double
        public var residents: Double
        public var byUse: OrderedMembers<Int>
        public var byBestService: OrderedMembers<Int>
        public var byFixedTechnology: OrderedMembers<Int>

        enum CodingKeys: String, CodingKey {
            case total, households, residents
            case byUse = "by_use"
            case byBestService = "by_best_service"
            case byFixedTechnology = "by_fixed_technology"
        }
    }

    public struct Programme: Codable, Sendable {
        public var guideline: String
        public var clause: String
        public var inForce: String
        public var eligibleBuildings: Int
        public var eligibleHouseholds: Double
        public var eligibleResidents: Double
        /// Schools of the schools layer (two schools in one building are two), else school buildings.
        public var eligibleSchools: Int
        public var eligibleSchoolBuildings: Int
        public var eligibleHospitals: Int
        /// Buildings per reason code.
        public var reasons: OrderedMembers<Int>

        enum CodingKeys: String, CodingKey {
            case guideline, clause
            case inForce = "in_force"
            case eligibleBuildings = "eligible_buildings"
            case eligibleHouseholds = "eligible_households"
            case eligibleResidents = "eligible_residents"
            case eligibleSchools = "eligible_schools"
            case eligibleSchoolBuildings = "eligible_school_buildings"
            case eligibleHospitals = "eligible_hospitals"
            case reasons
        }
    }

    public struct ReasonLabel: Codable, Sendable {
        public var eligible: Bool
        public var de: String
        public var en: String
    }

    public struct Areas: Codable, Sendable {
        public var programme: String
        public var count: Int
        public var buildings: Int
    }

    public struct Coverage: Codable, Sendable {
        public var className: String
        public var label: String
        public var areaKm2: Double
        public var residents: Double

        enum CodingKeys: String, CodingKey {
            case className = "class"
            case label
            case areaKm2 = "area_km2"
            case residents
        }
    }

    public struct Schools: Codable, Sendable {
        public var total: Int
        public var gigabit: Int
        public var withWLAN: Int
        /// The 30 Mbit/s-per-class rule needs class or pupil counts: nil (unknown) where no school has them.
        public var meeting30PerClass: Int?
        public var classRuleUnknown: Int

        enum CodingKeys: String, CodingKey {
            case total, gigabit
            case withWLAN = "with_wlan"
            case meeting30PerClass = "meeting_30_per_class"
            case classRuleUnknown = "class_rule_unknown"
        }
    }

    public struct Problems: Codable, Sendable {
        public var errors: Int
        public var warnings: Int
        public var dropped: OrderedMembers<Int>
    }

    /// Euros, metres and homes of the cost plan; the gap and its split summed over the project areas.
    public struct Costs: Codable, Sendable {
        public var programme: String
        public var buildings: Int
        public var homes: Int
        public var estimatedBuildings: Int
        public var routeM: Double
        public var estimatedRouteM: Double
        public var fibreEUR: Double
        public var sitesEUR: Double
        public var accessPointsEUR: Double
        public var totalEUR: Double
        public var fibreEURPerHome: Double?
        public var projectAreas: Int
        public var gapEUR: Double
        public var federalEUR: Double
        public var stateEUR: Double
        public var municipalEUR: Double

        enum CodingKeys: String, CodingKey {
            case programme, buildings, homes
            case estimatedBuildings = "estimated_buildings"
            case routeM = "route_m"
            case estimatedRouteM = "estimated_route_m"
            case fibreEUR = "fibre_eur"
            case sitesEUR = "sites_eur"
            case accessPointsEUR = "access_points_eur"
            case totalEUR = "total_eur"
            case fibreEURPerHome = "fibre_eur_per_home"
            case projectAreas = "project_areas"
            case gapEUR = "gap_eur"
            case federalEUR = "federal_eur"
            case stateEUR = "state_eur"
            case municipalEUR = "municipal_eur"
        }
    }

    public struct Radio: Codable, Sendable {
        public var pathLoss: String
        public var siteEnvironments: OrderedMembers<Int>
        public var los: String
        public var sitesOutsideValidityRange: Int
        /// Sites per violated limit.
        public var violations: OrderedMembers<Int>

        enum CodingKeys: String, CodingKey {
            case pathLoss = "path_loss"
            case siteEnvironments = "site_environments"
            case los
            case sitesOutsideValidityRange = "sites_outside_validity_range"
            case violations
        }
    }
}

extension RunSummary {
    /// The summary of a result.
    public init(_ r: RunResult) {
        let funding = r.settings.funding
        let tally = Tally(r.buildings)
        scenario = r.scenario.name
        description = r.scenario.description
        crs = r.scenario.workingCRS.identifier
        buildings = Buildings(
            total: r.buildings.count, households: Self.tenths(r.city.all.households),
            residents: r.city.all.residents.rounded(),
            byUse: OrderedMembers(tally.uses.counted.map { ($0.rawValue, $1) }),
            byBestService: OrderedMembers(ServiceSource.allCases.map { ($0.rawValue, tally.bestSources[$0]) }),
            byFixedTechnology: OrderedMembers(
                FixedTechnology.allCases.reversed().map { ($0.rawValue, tally.fixedTechnologies[$0]) }))
        programmes = OrderedMembers(
            FundingProgramme.allCases.map { p in
                let c = r.city.eligible[p] ?? BuildingCounts()
                return (
                    p.rawValue,
                    Programme(
                        guideline: p.source.title, clause: p.source.clause, inForce: p.source.inForce,
                        eligibleBuildings: c.buildings, eligibleHouseholds: Self.tenths(c.households),
                        eligibleResidents: c.residents.rounded(),
                        eligibleSchools: r.schools.isEmpty
                            ? c.schools : r.schools.filter { $0.eligibleUnder.contains(p) }.count,
                        eligibleSchoolBuildings: c.schools, eligibleHospitals: c.hospitals,
                        reasons: OrderedMembers(
                            tally.reasons[p.caseIndex].counted.map { ($0.rawValue, $1) }.sorted { $0.0 < $1.0 }))
                )
            })
        reasonLabels = OrderedMembers(
            FundingReason.allCases.map { reason in
                (
                    reason.rawValue,
                    ReasonLabel(eligible: reason.eligible, de: reason.labelDE(funding), en: reason.labelEN(funding))
                )
            })
        underservedAreas = Areas(
            programme: funding.areaProgramme.rawValue, count: r.areas.count,
            buildings: r.areas.reduce(0) { $0 + $1.counts.buildings })
        coverage = r.city.coverage.map { c in
            Coverage(
                className: c.coverageClass.name, label: c.coverageClass.label,
                areaKm2: (c.areaKm2 * 1000).rounded() / 1000, residents: c.residents.rounded())
        }
        schools = Schools(
            total: r.schools.count,
            gigabit: r.schools.filter { $0.connection.map { funding.isGigabit($0.funding) } ?? false }.count,
            withWLAN: r.schools.filter { $0.wlanIsland != nil }.count,
            meeting30PerClass: r.schools.contains { $0.meetsClassRule != nil }
                ? r.schools.filter { $0.meetsClassRule == true }.count : nil,
            classRuleUnknown: r.schools.filter { $0.meetsClassRule == nil }.count)
        inputProblems = Problems(
            errors: r.inputErrorCount, warnings: r.warningCount,
            dropped: OrderedMembers(
                r.dropped.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, $0.value) }))
        let extrapolated = r.network.extrapolated.values
        radio = Radio(
            pathLoss: "3GPP TR 38.901 Table 7.4.1-1 per site environment",
            siteEnvironments: OrderedMembers(
                TR38901.Scenario.allCases.map { scenario in
                    (scenario.rawValue, r.network.environments.values.filter { $0 == scenario }.count)
                }), los: r.losMethod.rawValue, sitesOutsideValidityRange: r.network.extrapolated.count,
            violations: OrderedMembers(
                Dictionary(grouping: extrapolated.flatMap { Set($0.map(Self.limitKind)) }, by: { $0 }).sorted {
                    $0.key < $1.key
                }.map { ($0.key, $0.value.count) }))
        costs = r.costs.map { plan in
            // Every building the plan connects counts in the city's totals (the summarise stage adds them).
            let totals = r.city.cost
            let euros = { (v: Double) in v.rounded() }
            let gaps = r.projectAreas.map(\.gap)
            return Costs(
                programme: funding.areaProgramme.rawValue, buildings: totals.buildings, homes: totals.homes,
                estimatedBuildings: totals.estimatedBuildings, routeM: euros(plan.routedM),
                estimatedRouteM: euros(plan.estimatedM), fibreEUR: euros(totals.capex), sitesEUR: euros(plan.sitesCost),
                accessPointsEUR: euros(plan.accessPointsCost), totalEUR: euros(plan.capex),
                fibreEURPerHome: totals.costPerHome.map(euros), projectAreas: r.projectAreas.count,
                gapEUR: euros(gaps.reduce(0) { $0 + $1.gap }), federalEUR: euros(gaps.reduce(0) { $0 + $1.federal }),
                stateEUR: euros(gaps.reduce(0) { $0 + $1.state }),
                municipalEUR: euros(gaps.reduce(0) { $0 + $1.municipal }))
        }
        generatedLayers = r.generatedLayers
    }

    /// The summary as a JSON value, members in order.
    /// - Throws: `JSONValueEncodingError` when a number is not finite.
    public func json() throws -> JSONValue { try JSONValueEncoder.encode(self) }

    /// Reads a summary back from its JSON text (the run history).
    public static func decode(_ text: String) throws -> RunSummary {
        try JSONDecoder().decode(RunSummary.self, from: Data(text.utf8))
    }

    static func tenths(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    /// A violated limit without the value: "base station height 30 m outside 25…25 m" → "base station height outside
    /// 25…25 m".
    public static func limitKind(_ violation: String) -> String {
        guard let digit = violation.firstIndex(where: \.isNumber), let outside = violation.range(of: "outside") else {
            return violation
        }
        return String(violation[..<digit]).trimmingWhitespace + " " + violation[outside.lowerBound...]
    }
}

/// What the summary counts per building, in one pass over the buildings: chunks of them on all cores, the
/// chunks' counts added (whole numbers, so the sum does not depend on the order).
private struct Tally {
    var uses = CaseCounts<BuildingUse>()
    var bestSources = CaseCounts<ServiceSource>()
    var fixedTechnologies = CaseCounts<FixedTechnology>()
    /// Per programme, by its case index.
    var reasons = [CaseCounts<FundingReason>](repeating: CaseCounts(), count: FundingProgramme.allCases.count)

    init(_ buildings: [BuildingResult]) {
        let chunk = 1 << 15
        let chunks = (buildings.count + chunk - 1) / chunk
        let parts: [Tally] = parallelMap(count: chunks, chunkSize: 1) { cs in
            cs.map { c in Tally(buildings, (c * chunk)..<min(buildings.count, (c + 1) * chunk)) }
        }
        for part in parts {
            uses += part.uses
            bestSources += part.bestSources
            fixedTechnologies += part.fixedTechnologies
            for p in reasons.indices { reasons[p] += part.reasons[p] }
        }
    }

    /// The counts of `buildings[range]`.
    private init(_ buildings: [BuildingResult], _ range: Range<Int>) {
        let programmes = FundingProgramme.allCases
        // Read in place: a copy of a building's service retains each of its arrays.
        buildings.withUnsafeBufferPointer { buildings in
            for i in range {
                uses.add(buildings[i].building.use)
                // The best source from the service's rates (its `best` would copy the whole service).
                let fixedBest = buildings[i].service.fixed.best
                bestSources.add(
                    BuildingService.best(
                        fixedMbps: fixedBest?.downMbps,
                        mobileIndoorMbps: buildings[i].service.mobileIndoor.bestDownlinkMbps ?? 0,
                        wlanMbps: buildings[i].service.wlanMbps
                    ).source)
                fixedTechnologies.add(fixedBest?.technology ?? .none)
                for p in programmes { reasons[p.caseIndex].add(buildings[i].service.funding[p]!.reason) }
            }
        }
    }
}
