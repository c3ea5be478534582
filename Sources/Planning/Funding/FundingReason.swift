import Radio

/// Why a building is or is not eligible under a programme: a closed set of stable codes, each naming
/// the published rule (with its published threshold), with German and English labels that give the
/// thresholds in force.
public enum FundingReason: String, Sendable, CaseIterable, Codable, HashedByCase {
    // NGA-Rahmenregelung 2015
    case below30Down = "below-30-down"
    case nga30Available = "nga-30-available"
    case nga30Planned = "nga-30-planned"
    // Gigabit-Richtlinie 2021
    case below100Down = "below-100-down"
    case reliable100Available = "reliable-100-available"
    case reliable100Planned = "reliable-100-planned"
    case blackSpot = "black-spot"
    // Gigabit-Richtlinie 2.0 (2023)
    case below500Down200Symmetric = "below-500-down-200-symmetric"
    case symmetric200Available = "symmetric-200-available"
    case down500Available = "down-500-available"
    case bar500Or200Planned = "500-down-or-200-symmetric-planned"
    // 2024 amendment
    case noNetworkOver100 = "no-network-over-100"
    case oneNetworkAtMost300And150 = "one-network-at-most-300-150"
    case twoNetworksOver100 = "two-networks-over-100"
    case oneNetworkOver300Down = "one-network-over-300-down"
    case oneNetworkOver150Up = "one-network-over-150-up"
    case oneNetworkUpgradable = "one-network-upgradable-to-gigabit"
    case gigabitPlanned = "gigabit-planned"
    // Focus points (2021, 2023, 2024)
    case focusPointNotGigabit = "focus-point-not-gigabit"
    case focusPointGigabit = "focus-point-gigabit"

    /// Whether the reason makes the building eligible.
    public var eligible: Bool {
        switch self {
        case .below30Down, .below100Down, .below500Down200Symmetric, .noNetworkOver100, .oneNetworkAtMost300And150,
            .focusPointNotGigabit:
            true
        default: false
        }
    }

    /// The reason in German, with the thresholds of `s`.
    public func labelDE(_ s: FundingSettings) -> String {
        let n = NumberText.plain
        switch self {
        case .below30Down: return "weißer Fleck: kein NGA-Netz mit ≥ \(n(s.whiteSpotDownMbps)) Mbit/s, keins geplant"
        case .nga30Available: return "NGA-Netz mit ≥ \(n(s.whiteSpotDownMbps)) Mbit/s vorhanden"
        case .nga30Planned:
            return "NGA-Netz mit ≥ \(n(s.whiteSpotDownMbps)) Mbit/s binnen \(s.planningHorizonYears) Jahren geplant"
        case .below100Down:
            return "grauer Fleck: zuverlässig unter \(n(s.greySpotDownMbps)) Mbit/s, kein solches Netz geplant"
        case .reliable100Available: return "zuverlässig ≥ \(n(s.greySpotDownMbps)) Mbit/s vorhanden"
        case .reliable100Planned:
            return "Netz mit ≥ \(n(s.greySpotDownMbps)) Mbit/s binnen \(s.planningHorizonYears) Jahren geplant"
        case .blackSpot: return "schwarzer Fleck: \(s.grey2021BlackSpotNetworks ?? 2) oder mehr NGA-Netze"
        case .below500Down200Symmetric:
            return "nicht zuverlässig \(n(s.gigabit2023DownMbps)) Mbit/s im Download oder "
                + "\(n(s.gigabit2023SymmetricMbps)) Mbit/s symmetrisch"
        case .symmetric200Available: return "zuverlässig \(n(s.gigabit2023SymmetricMbps)) Mbit/s symmetrisch vorhanden"
        case .down500Available: return "zuverlässig \(n(s.gigabit2023DownMbps)) Mbit/s im Download vorhanden"
        case .bar500Or200Planned:
            return "Netz mit \(n(s.gigabit2023DownMbps)) Mbit/s Download oder \(n(s.gigabit2023SymmetricMbps)) Mbit/s "
                + "symmetrisch binnen \(s.planningHorizonYears) Jahren geplant"
        case .noNetworkOver100: return "kein Netz über \(n(s.gigabit2024CountedDownMbps)) Mbit/s"
        case .oneNetworkAtMost300And150:
            return "ein Netz über \(n(s.gigabit2024CountedDownMbps)) Mbit/s mit höchstens "
                + "\(n(s.gigabit2024DownMbps))/\(n(s.gigabit2024UpMbps)) Mbit/s, nicht günstig gigabitfähig "
                + "aufrüstbar"
        case .twoNetworksOver100: return "zwei oder mehr Netze über \(n(s.gigabit2024CountedDownMbps)) Mbit/s"
        case .oneNetworkOver300Down: return "ein Netz mit mehr als \(n(s.gigabit2024DownMbps)) Mbit/s im Download"
        case .oneNetworkOver150Up: return "ein Netz mit mehr als \(n(s.gigabit2024UpMbps)) Mbit/s im Upload"
        case .oneNetworkUpgradable:
            return "ein Netz, das günstig auf Gigabit aufgerüstet werden kann (Glasfaser oder Kabel)"
        case .gigabitPlanned:
            return "gigabitfähiges Netz (\(n(s.gigabitMbps))/\(n(s.gigabitUpMbps)) Mbit/s) binnen "
                + "\(s.planningHorizonYears) Jahren geplant"
        case .focusPointNotGigabit: return "sozioökonomischer Schwerpunkt ohne gigabitfähigen Anschluss"
        case .focusPointGigabit:
            return
                "sozioökonomischer Schwerpunkt mit gigabitfähigem Anschluss (\(n(s.gigabitMbps))/\(n(s.gigabitUpMbps)) "
                + "Mbit/s)"
        }
    }

    /// The reason in English, with the thresholds of `s`.
    public func labelEN(_ s: FundingSettings) -> String {
        let n = NumberText.plain
        switch self {
        case .below30Down: return "white spot: no NGA network of ≥ \(n(s.whiteSpotDownMbps)) Mbit/s, none planned"
        case .nga30Available: return "an NGA network of ≥ \(n(s.whiteSpotDownMbps)) Mbit/s exists"
        case .nga30Planned:
            return
                "an NGA network of ≥ \(n(s.whiteSpotDownMbps)) Mbit/s is planned within \(s.planningHorizonYears) years"
        case .below100Down: return "grey spot: reliably below \(n(s.greySpotDownMbps)) Mbit/s, no such network planned"
        case .reliable100Available: return "reliably ≥ \(n(s.greySpotDownMbps)) Mbit/s exists"
        case .reliable100Planned:
            return "a network of ≥ \(n(s.greySpotDownMbps)) Mbit/s is planned within \(s.planningHorizonYears) years"
        case .blackSpot: return "black spot: \(s.grey2021BlackSpotNetworks ?? 2) or more NGA networks"
        case .below500Down200Symmetric:
            return "not reliably \(n(s.gigabit2023DownMbps)) Mbit/s down nor \(n(s.gigabit2023SymmetricMbps)) Mbit/s "
                + "symmetric"
        case .symmetric200Available: return "reliably \(n(s.gigabit2023SymmetricMbps)) Mbit/s symmetric exists"
        case .down500Available: return "reliably \(n(s.gigabit2023DownMbps)) Mbit/s down exists"
        case .bar500Or200Planned:
            return "a network of \(n(s.gigabit2023DownMbps)) Mbit/s down or \(n(s.gigabit2023SymmetricMbps)) Mbit/s "
                + "symmetric is planned within \(s.planningHorizonYears) years"
        case .noNetworkOver100: return "no network above \(n(s.gigabit2024CountedDownMbps)) Mbit/s"
        case .oneNetworkAtMost300And150:
            return "one network above \(n(s.gigabit2024CountedDownMbps)) Mbit/s giving at most "
                + "\(n(s.gigabit2024DownMbps))/\(n(s.gigabit2024UpMbps)) Mbit/s, not cheaply upgradable to gigabit"
        case .twoNetworksOver100: return "two or more networks above \(n(s.gigabit2024CountedDownMbps)) Mbit/s"
        case .oneNetworkOver300Down: return "one network above \(n(s.gigabit2024DownMbps)) Mbit/s down"
        case .oneNetworkOver150Up: return "one network above \(n(s.gigabit2024UpMbps)) Mbit/s up"
        case .oneNetworkUpgradable: return "one network that can be upgraded cheaply to gigabit (fibre or cable)"
        case .gigabitPlanned:
            return "a gigabit network (\(n(s.gigabitMbps))/\(n(s.gigabitUpMbps)) Mbit/s) is planned within "
                + "\(s.planningHorizonYears) years"
        case .focusPointNotGigabit: return "socio-economic focus point without a gigabit connection"
        case .focusPointGigabit:
            return "socio-economic focus point with a gigabit connection (\(n(s.gigabitMbps))/\(n(s.gigabitUpMbps)) "
                + "Mbit/s)"
        }
    }
}
