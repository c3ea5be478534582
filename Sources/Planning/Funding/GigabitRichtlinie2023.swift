/// Gigabit-Richtlinie des Bundes 2.0 (2023): aid where no network reliably gives 500 Mbit/s download
/// or 200 Mbit/s symmetric.
///
/// A building is eligible when no reliable network gives at least 200 Mbit/s in both directions or at
/// least 500 Mbit/s download, and no such network is planned within three years. Focus points are
/// eligible while they have no gigabit connection and none is planned.
public struct GigabitRichtlinie2023: FundingRule {
    public static let source = LegalSource(
        shortTitle: "Gigabit-Richtlinie 2.0 (2023)",
        title: "Richtlinie zur Förderung von Gigabitnetzen in der Bundesrepublik Deutschland (Gigabit-Richtlinie des "
            + "Bundes 2.0)",
        clause:
            "Aufgreifschwelle: Adressen, die nicht zuverlässig mit mindestens 500 Mbit/s im Download oder 200 Mbit/s "
            + "symmetrisch versorgt sind und in den nächsten drei Jahren nicht versorgt werden", inForce: "2023-04-18",
        approval: nil,
        unverified: "the clause number and the date in force (the thresholds match the programme's published summaries)"
    )

    let settings: FundingSettings

    public init(_ settings: FundingSettings) { self.settings = settings }

    public var thresholds: [(name: String, value: Double, unit: String)] {
        [
            ("served: symmetric at least", settings.gigabit2023SymmetricMbps, "Mbit/s"),
            ("served: download at least", settings.gigabit2023DownMbps, "Mbit/s"),
            ("gigabit focus point: download at least", settings.gigabitMbps, "Mbit/s"),
            ("gigabit focus point: upload at least", settings.gigabitUpMbps, "Mbit/s"),
            ("planning horizon", Double(settings.planningHorizonYears), "years"),
        ]
    }

    func isSymmetric(_ n: FundingNetwork) -> Bool {
        n.downMbps >= settings.gigabit2023SymmetricMbps && n.upMbps >= settings.gigabit2023SymmetricMbps
    }
    func isFastDown(_ n: FundingNetwork) -> Bool { n.downMbps >= settings.gigabit2023DownMbps }

    public func verdict(_ b: FundingInput) -> FundingVerdict {
        let planned = b.plannedWithinHorizon(settings)
        if b.isFocusPoint { return FocusPointRule.verdict(b, planned: planned, settings) }
        if b.networks.contains(where: isSymmetric) { return FundingVerdict(.symmetric200Available) }
        if b.networks.contains(where: isFastDown) { return FundingVerdict(.down500Available) }
        if planned.contains(where: { isSymmetric($0) || isFastDown($0) }) { return FundingVerdict(.bar500Or200Planned) }
        return FundingVerdict(.below500Down200Symmetric)
    }
}
