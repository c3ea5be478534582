/// Gigabit-Richtlinie 2021 (Graue-Flecken-Förderung): aid where no network reliably gives 100 Mbit/s.
///
/// A building is eligible when no reliable network gives at least 100 Mbit/s download and no such
/// network is planned within three years. Socio-economic focus points (schools, hospitals, authorities,
/// businesses, transport hubs) are eligible without that threshold while they have no gigabit
/// connection and none is planned. The 2015 framework's black-spot rule (two NGA networks) is applied
/// only when `grey2021BlackSpotNetworks` is set: the 2021 guideline draws its line at the 100 Mbit/s
/// threshold (docs/funding-rules.md).
public struct GigabitRichtlinie2021: FundingRule {
    public static let source = LegalSource(
        shortTitle: "Gigabit-Richtlinie (2021)",
        title: "Richtlinie „Förderung zur Unterstützung des Gigabitausbaus der Telekommunikationsnetze in der "
            + "Bundesrepublik Deutschland“ (Graue-Flecken-Förderung)",
        clause:
            "Aufgreifschwelle: Adressen, die nicht zuverlässig mit mindestens 100 Mbit/s im Download versorgt sind und "
            + "in den nächsten drei Jahren nicht versorgt werden; für sozioökonomische Schwerpunkte entfällt die "
            + "Aufgreifschwelle", inForce: "2021-04-26", approval: "European Commission, State aid SA.52732 (2020)",
        unverified:
            "the clause numbers, the approval's case number, and whether a dark-grey (two-network) exclusion applies")

    let settings: FundingSettings

    public init(_ settings: FundingSettings) { self.settings = settings }

    public var thresholds: [(name: String, value: Double, unit: String)] {
        var rows: [(name: String, value: Double, unit: String)] = [
            ("reliably served: download at least", settings.greySpotDownMbps, "Mbit/s")
        ]
        if let n = settings.grey2021BlackSpotNetworks {
            rows.append(
                ("black spot: NGA networks (≥ \(settings.ngaNetworkMbps) Mbit/s) at least", Double(n), "networks"))
        }
        rows += [
            ("gigabit focus point: download at least", settings.gigabitMbps, "Mbit/s"),
            ("gigabit focus point: upload at least", settings.gigabitUpMbps, "Mbit/s"),
            ("planning horizon", Double(settings.planningHorizonYears), "years"),
        ]
        return rows
    }

    func meetsBar(_ n: FundingNetwork) -> Bool { n.downMbps >= settings.greySpotDownMbps }

    public func verdict(_ b: FundingInput) -> FundingVerdict {
        let planned = b.plannedWithinHorizon(settings)
        if b.isFocusPoint { return FocusPointRule.verdict(b, planned: planned, settings) }
        if b.networks.contains(where: meetsBar) { return FundingVerdict(.reliable100Available) }
        if let n = settings.grey2021BlackSpotNetworks,
            b.networks.filter({ $0.downMbps >= settings.ngaNetworkMbps }).count >= n
        {
            return FundingVerdict(.blackSpot)
        }
        if planned.contains(where: meetsBar) { return FundingVerdict(.reliable100Planned) }
        return FundingVerdict(.below100Down)
    }
}

/// The focus-point rule of the 2021, 2023 and 2024 programmes: a socio-economic focus point is eligible
/// whatever the threshold while it has no gigabit connection (EU Broadband Guidelines 2023 para. 19 (d):
/// 1 Gbit/s down, 150 Mbit/s up) and none is planned within the horizon.
enum FocusPointRule {
    static func verdict(_ b: FundingInput, planned: [FundingNetwork], _ s: FundingSettings) -> FundingVerdict {
        if b.networks.contains(where: s.isGigabit) { return FundingVerdict(.focusPointGigabit) }
        if planned.contains(where: s.isGigabit) { return FundingVerdict(.gigabitPlanned) }
        return FundingVerdict(.focusPointNotGigabit)
    }
}
