import Radio

/// The German broadband funding programmes whose rules the planner applies. Each has one type that
/// states its legal source, its thresholds and its rule (`NGARahmenregelung2015`,
/// `GigabitRichtlinie2021`, `GigabitRichtlinie2023`, `GigabitRichtlinie2024`); docs/funding-rules.md
/// gives the clauses and a worked example per rule.
public enum FundingProgramme: String, Sendable, CaseIterable, Codable, HashedByCase {
    /// NGA-Rahmenregelung 2015 (Bundesförderprogramm Breitband): white NGA spots below 30 Mbit/s.
    case nga2015 = "nga-2015"
    /// Gigabit-Richtlinie 2021 (Graue-Flecken-Förderung): below 100 Mbit/s reliably.
    case grey2021 = "grey-2021"
    /// Gigabit-Richtlinie des Bundes 2.0 (2023): not reliably 500 Mbit/s down nor 200 Mbit/s symmetric.
    case gigabit2023 = "gigabit-2023"
    /// Gigabit-Richtlinie 2.0 as amended in 2024 under the EU Broadband Guidelines 2023.
    case gigabit2024 = "gigabit-2024"

    /// The programme's rule with the thresholds of `settings`.
    public func rule(_ settings: FundingSettings) -> any FundingRule {
        switch self {
        case .nga2015: NGARahmenregelung2015(settings)
        case .grey2021: GigabitRichtlinie2021(settings)
        case .gigabit2023: GigabitRichtlinie2023(settings)
        case .gigabit2024: GigabitRichtlinie2024(settings)
        }
    }

    /// The legal source of the programme's rule.
    public var source: LegalSource {
        switch self {
        case .nga2015: NGARahmenregelung2015.source
        case .grey2021: GigabitRichtlinie2021.source
        case .gigabit2023: GigabitRichtlinie2023.source
        case .gigabit2024: GigabitRichtlinie2024.source
        }
    }

    public var title: String { source.shortTitle }

    /// Applies the programme's rule to one building.
    public func verdict(_ input: FundingInput, _ settings: FundingSettings) -> FundingVerdict {
        rule(settings).verdict(input)
    }
}

/// One programme's rule: its thresholds and the verdict it gives a building.
public protocol FundingRule: Sendable {
    /// The thresholds in force, as (name, value, unit) rows for the documentation and the report.
    var thresholds: [(name: String, value: Double, unit: String)] { get }
    /// The verdict for one building, with the one reason that decides it.
    func verdict(_ input: FundingInput) -> FundingVerdict
}

/// Where a programme's rule is published.
public struct LegalSource: Sendable, Hashable {
    /// The short name used in tables, e.g. "Gigabit-Richtlinie 2.0 (2023)".
    public let shortTitle: String
    /// The full title of the guideline or framework.
    public let title: String
    /// The clause the rule comes from.
    public let clause: String
    /// The date the rule is in force from (ISO 8601).
    public let inForce: String
    /// The European Commission's approval, where there is one.
    public let approval: String?
    /// What of the above could not be checked against the published text.
    public let unverified: String?
}
