import Foundation
import GeoCore
import Planning
import Radio

/// The headline numbers of a run (summary.json, the history store, `--json`).
public enum Summary {
    public static func make(_ r: AnalysisResult, scenario: Scenario, data: GeoData) -> JSONValue {
        var o = JSONObject()
        o["scenario"] = .string(scenario.name)
        o["description"] = scenario.description.map { .string($0) } ?? .null
        o["crs"] = .string(scenario.workingCRS.identifier)
        var buildings = JSONObject()
        buildings["total"] = .number(Double(r.buildings.count))
        buildings["households"] = .number((r.city.all.households * 10).rounded() / 10)
        buildings["residents"] = .number(r.city.all.residents.rounded())
        var byUse = JSONObject()
        for use in BuildingUse.allCases {
            let n = r.buildings.filter { $0.use == use }.count
            if n > 0 { byUse[use.rawValue] = .number(Double(n)) }
        }
        buildings["by_use"] = .object(byUse)
        var byBest = JSONObject()
        for source in [ServiceSource.fixed, .mobile, .wlan, .none] {
            byBest[source.rawValue] = .number(Double(r.services.filter { $0.best.source == source }.count))
        }
        buildings["by_best_service"] = .object(byBest)
        var byFixed = JSONObject()
        for t in FixedTechnology.allCases.reversed() {
            byFixed[t.rawValue] = .number(Double(r.services.filter { ($0.fixed.best?.technology ?? .none) == t }.count))
        }
        buildings["by_fixed_technology"] = .object(byFixed)
        o["buildings"] = .object(buildings)
        var programmes = JSONObject()
        for p in FundingProgramme.allCases {
            let c = r.city.eligible[p] ?? BuildingCounts()
            var reasons = JSONObject()
            var tally: [String: Int] = [:]
            for s in r.services { tally[s.funding[p]!.reason.rawValue, default: 0] += 1 }
            for (k, v) in tally.sorted(by: { $0.key < $1.key }) { reasons[k] = .number(Double(v)) }
            programmes[p.rawValue] = .object(JSONObject([
                ("guideline", .string(p.source.title)), ("clause", .string(p.source.clause)), ("in_force", .string(p.source.inForce)),
                ("eligible_buildings", .number(Double(c.buildings))), ("eligible_households", .number((c.households * 10).rounded() / 10)),
                ("eligible_residents", .number(c.residents.rounded())),
                // Schools of the schools layer (two schools in one building are two), else school buildings.
                ("eligible_schools", .number(Double(r.schools.isEmpty ? c.schools : r.schools.filter { $0.eligibleUnder.contains(p) }.count))),
                ("eligible_school_buildings", .number(Double(c.schools))),
                ("eligible_hospitals", .number(Double(c.hospitals))), ("reasons", .object(reasons)),
            ]))
        }
        o["programmes"] = .object(programmes)
        let funding = scenario.settings.funding
        o["reason_labels"] = .object(JSONObject(FundingReason.allCases.map { r in
            (r.rawValue, .object(JSONObject([("eligible", .bool(r.eligible)), ("de", .string(r.labelDE(funding))), ("en", .string(r.labelEN(funding)))])))
        }))
        o["underserved_areas"] = .object(JSONObject([
            ("programme", .string(scenario.settings.funding.areaProgramme.rawValue)), ("count", .number(Double(r.areas.count))),
            ("buildings", .number(Double(r.areas.reduce(0) { $0 + $1.counts.buildings }))),
        ]))
        o["coverage"] = .array(r.city.coverage.map { c in
            .object(JSONObject([("class", .string(c.coverageClass.name)), ("label", .string(c.coverageClass.label)),
                                ("area_km2", .number((c.areaKm2 * 1000).rounded() / 1000)), ("residents", .number(c.residents.rounded()))]))
        })
        o["schools"] = .object(JSONObject([
            ("total", .number(Double(r.schools.count))),
            ("gigabit", .number(Double(r.schools.filter { $0.connection.map { scenario.settings.funding.isGigabit($0.funding) } ?? false }.count))),
            ("with_wlan", .number(Double(r.schools.filter { $0.wlanIsland != nil }.count))),
            // The 30 Mbit/s-per-class rule needs class or pupil counts: unknown (null) where no school has them.
            ("meeting_30_per_class", r.schools.contains { $0.meetsClassRule != nil } ? .number(Double(r.schools.filter { $0.meetsClassRule == true }.count)) : .null),
            ("class_rule_unknown", .number(Double(r.schools.filter { $0.meetsClassRule == nil }.count))),
        ]))
        o["input_problems"] = .object(JSONObject([
            ("errors", .number(Double(data.problems.filter { $0.severity == .error }.count))),
            ("warnings", .number(Double((data.problems + r.problems).filter { $0.severity == .warning }.count))),
            ("dropped", .object(JSONObject(data.dropped.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .number(Double($0.value))) }))),
        ]))
        var environments = JSONObject()
        for scenario in TR38901.Scenario.allCases {
            environments[scenario.rawValue] = .number(Double(r.network.environments.values.filter { $0 == scenario }.count))
        }
        o["radio"] = .object(JSONObject([
            ("path_loss", .string("3GPP TR 38.901 Table 7.4.1-1 per site environment")), ("site_environments", .object(environments)),
            ("los", .string(scenario.settings.losMethod.rawValue)),
            ("sites_outside_validity_range", .number(Double(r.network.extrapolated.count))),
            ("violations", .object(JSONObject(Dictionary(grouping: r.network.extrapolated.values.flatMap { Set($0.map(limitKind)) }, by: { $0 })
                .sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value.count))) }))),
        ]))
        o["generated_layers"] = .array(generatedLayers(data).map { .string($0) })
        return .object(o)
    }

    /// A violated limit without the value: "base station height 30 m outside 25…25 m" → "base station height outside 25…25 m".
    static func limitKind(_ violation: String) -> String {
        guard let digit = violation.firstIndex(where: \.isNumber), let outside = violation.range(of: "outside") else { return violation }
        return String(violation[..<digit]).trimmingWhitespace + " " + violation[outside.lowerBound...]
    }

    /// The input layers marked as generated (a top-level `generated` member or `generated` features).
    public static func generatedLayers(_ data: GeoData) -> [String] {
        var out: [String] = []
        for kind in LayerKind.allCases {
            let noted = data.notes[kind]?["generated"] != nil
            let flagged: Bool
            switch kind {
            case .buildings: flagged = data.buildings.contains { $0.attributes["generated"] != nil }
            case .sites: flagged = data.sites.contains { $0.attributes["generated"] != nil }
            case .wlan: flagged = data.wlan.contains { $0.attributes["generated"] != nil }
            case .fixed: flagged = data.fixed.contains { $0.attributes["generated"] != nil }
            case .focusPoints: flagged = data.focusPoints.contains { $0.attributes["generated"] != nil }
            case .districts: flagged = data.districts.contains { $0.attributes["generated"] != nil }
            default: flagged = false
            }
            if noted || flagged { out.append(kind.rawValue) }
        }
        return out
    }
}
