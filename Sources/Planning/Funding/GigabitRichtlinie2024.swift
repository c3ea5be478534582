/// Gigabit-Richtlinie 2.0 as amended in 2024 under the EU Broadband Guidelines 2023 (2023/C 36/01).
///
/// Aid is allowed only where (i) at most one network above 100 Mbit/s download exists and it gives at
/// most 300 Mbit/s down and at most 150 Mbit/s up, (ii) that network cannot be upgraded cheaply to
/// gigabit (1 Gbit/s down, 150 Mbit/s up: here, it is not fibre or cable), and (iii) no gigabit
/// network is planned within three years. Focus points are eligible while they have no gigabit
/// connection and none is planned.
public struct GigabitRichtlinie2024: FundingRule {
    public static let source = LegalSource(
        shortTitle: "Gigabit-Richtlinie 2.0, Änderung 2024",
        title: "Richtlinie zur Förderung von Gigabitnetzen in der Bundesrepublik Deutschland (Gigabit-Richtlinie des "
            + "Bundes 2.0), geändert 2024 nach den Breitbandleitlinien der EU 2023",
        clause:
            "Förderfähig, wenn (i) höchstens ein Netz mit mehr als 100 Mbit/s im Download besteht und dieses höchstens "
            + "300 Mbit/s im Download und 150 Mbit/s im Upload bietet, (ii) es nicht kostengünstig auf 1 Gbit/s "
            + "Download und 150 Mbit/s Upload aufgerüstet werden kann und (iii) kein solches Gigabitnetz "
            + "geplant ist", inForce: "2024-04-30",
        approval: "European Commission, approval of the amended scheme (2024)",
        unverified: "the clause numbers; 'cheaply upgradable' is read as fibre (FTTB/H) or cable (HFC) by default")

    let settings: FundingSettings

    public init(_ settings: FundingSettings) { self.settings = settings }

    public var thresholds: [(name: String, value: Double, unit: String)] {
        [
            ("networks counted: download above", settings.gigabit2024CountedDownMbps, "Mbit/s"),
            ("the one network: download at most", settings.gigabit2024DownMbps, "Mbit/s"),
            ("the one network: upload at most", settings.gigabit2024UpMbps, "Mbit/s"),
            ("gigabit: download at least", settings.gigabitMbps, "Mbit/s"),
            ("gigabit: upload at least", settings.gigabitUpMbps, "Mbit/s"),
            ("planning horizon", Double(settings.planningHorizonYears), "years"),
        ]
    }

    public func verdict(_ b: FundingInput) -> FundingVerdict {
        let planned = b.plannedWithinHorizon(settings)
        if b.isFocusPoint { return FocusPointRule.verdict(b, planned: planned, settings) }
        let counted = b.networks.filter { $0.downMbps > settings.gigabit2024CountedDownMbps }
        if counted.count >= 2 { return FundingVerdict(.twoNetworksOver100) }
        if let one = counted.first {
            if one.downMbps > settings.gigabit2024DownMbps { return FundingVerdict(.oneNetworkOver300Down) }
            if one.upMbps > settings.gigabit2024UpMbps { return FundingVerdict(.oneNetworkOver150Up) }
            if let t = one.technology, settings.upgradableTechnologies.contains(t) {
                return FundingVerdict(.oneNetworkUpgradable)
            }
        }
        if planned.contains(where: settings.isGigabit) { return FundingVerdict(.gigabitPlanned) }
        return FundingVerdict(counted.isEmpty ? .noNetworkOver100 : .oneNetworkAtMost300And150)
    }
}
