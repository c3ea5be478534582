/// NGA-Rahmenregelung 2015: aid only in white NGA spots.
///
/// A building is eligible when no reliable network gives at least 30 Mbit/s download (an NGA network)
/// and no such network is planned by an operator within three years. The framework knows no exemption
/// for focus points: schools and hospitals are judged like every other building.
public struct NGARahmenregelung2015: FundingRule {
    public static let source = LegalSource(
        shortTitle: "NGA-Rahmenregelung (2015)",
        title:
            "Rahmenregelung der Bundesrepublik Deutschland zur Unterstützung des Aufbaus einer flächendeckenden Next "
            + "Generation Access (NGA)-Breitbandversorgung",
        clause:
            "Förderfähig sind weiße NGA-Flecken: Gebiete ohne NGA-Netz (≥ 30 Mbit/s im Download), in denen ein solches "
            + "in den nächsten drei Jahren nicht errichtet wird", inForce: "2015-06-15",
        approval: "European Commission, State aid SA.38348 (2014/N)",
        unverified: "the paragraph number of the white-spot definition and the exact date of approval")

    let settings: FundingSettings

    public init(_ settings: FundingSettings) { self.settings = settings }

    public var thresholds: [(name: String, value: Double, unit: String)] {
        [
            ("NGA network: download at least", settings.whiteSpotDownMbps, "Mbit/s"),
            ("planning horizon", Double(settings.planningHorizonYears), "years"),
        ]
    }

    func isNGA(_ n: FundingNetwork) -> Bool { n.downMbps >= settings.whiteSpotDownMbps }

    public func verdict(_ b: FundingInput) -> FundingVerdict {
        if b.networks.contains(where: isNGA) { return FundingVerdict(.nga30Available) }
        if b.plannedWithinHorizon(settings).contains(where: isNGA) { return FundingVerdict(.nga30Planned) }
        return FundingVerdict(.below30Down)
    }
}
