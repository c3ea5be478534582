import Radio

/// The German broadband funding programmes whose rules the planner applies.
public enum FundingProgramme: String, Sendable, CaseIterable, Codable {
    /// Bundesförderprogramm Breitband (2015): white spots below 30 Mbit/s.
    case nga2015 = "nga-2015"
    /// Graue-Flecken-Förderung (2021): below 100 Mbit/s, not in black spots.
    case grey2021 = "grey-2021"
    /// Gigabit-Richtlinie 2.0 (2023): not reliably 200 Mbit/s symmetric, nor 500 Mbit/s down.
    case gigabit2023 = "gigabit-2023"
    /// Gigabit-Richtlinie 2.0 as amended on 30.04.2024: no network with 300 Mbit/s down and 150 up.
    case gigabit2024 = "gigabit-2024"

    public var title: String {
        switch self {
        case .nga2015: "Bundesförderprogramm (white spots, NGA 2015)"
        case .grey2021: "Graue-Flecken-Förderung (2021)"
        case .gigabit2023: "Gigabit-Richtlinie 2.0 (2023)"
        case .gigabit2024: "Gigabit-Richtlinie 2.0, amended 30.04.2024"
        }
    }
}

/// Thresholds of the programmes (Mbit/s), and which services count as reliable.
public struct FundingSettings: Sendable {
    public var whiteSpotDownMbps = 30.0
    public var greySpotDownMbps = 100.0
    /// Networks with at least this download rate count towards a black spot.
    public var ngaNetworkMbps = 30.0
    /// Two or more such networks make a black spot.
    public var blackSpotNetworks = 2
    public var gigabit2023SymmetricMbps = 200.0
    public var gigabit2023DownMbps = 500.0
    public var gigabit2024DownMbps = 300.0
    public var gigabit2024UpMbps = 150.0
    /// A focus point at or above this download rate is gigabit-capable.
    public var gigabitMbps = 1000.0
    /// Besides fixed lines, let mobile (indoor) or WLAN service count as reliable.
    public var mobileCountsAsReliable = false
    public var wlanCountsAsReliable = false
    /// The programme whose eligible buildings form the underserved areas.
    public var areaProgramme: FundingProgramme = .gigabit2023

    public init() {}
}

/// A funding verdict: eligible or not, and the machine-readable reason.
public struct FundingVerdict: Sendable, Hashable {
    public var eligible: Bool
    /// `down-below-30`, `planned-within-3y`, `served-30`, `down-below-100`, `black-spot-2-networks`,
    /// `served-100`, `not-gigabit`, `served-200-symmetric`, `served-500-down`, `below-300-150`,
    /// `served-300-150`, `focus-point-not-gigabit`, `served-gigabit`.
    public var reason: String
}

/// Down- and upload rate of one network at a building, Mbit/s.
public struct NetworkRate: Sendable, Hashable {
    public var downMbps: Double
    public var upMbps: Double

    public init(downMbps: Double, upMbps: Double) {
        self.downMbps = downMbps
        self.upMbps = upMbps
    }
}

/// What the rules look at for one building.
public struct FundingInput: Sendable {
    /// The networks that count as reliable (by default the fixed lines available now).
    public var networks: [NetworkRate]
    /// Distinct networks reaching at least the NGA rate.
    public var ngaNetworks: Int
    public var plannedWithin3Years: Bool
    public var isFocusPoint: Bool

    public init(networks: [NetworkRate], ngaNetworks: Int, plannedWithin3Years: Bool, isFocusPoint: Bool) {
        self.networks = networks
        self.ngaNetworks = ngaNetworks
        self.plannedWithin3Years = plannedWithin3Years
        self.isFocusPoint = isFocusPoint
    }

    public var bestDownMbps: Double { networks.map(\.downMbps).max() ?? 0 }

    /// Whether one network reaches both rates.
    public func has(down: Double, up: Double) -> Bool {
        networks.contains { $0.downMbps >= down && $0.upMbps >= up }
    }
}

extension FundingProgramme {
    /// Applies the programme's rule. Focus points (schools, hospitals, authorities, business parks,
    /// transport hubs, farms) are eligible whatever the threshold while they are not gigabit-capable;
    /// a network planned within three years excludes a building where the programme says so (nga-2015,
    /// grey-2021, gigabit-2023).
    public func verdict(_ b: FundingInput, _ s: FundingSettings) -> FundingVerdict {
        let planned = b.plannedWithin3Years && self != .gigabit2024
        if b.isFocusPoint {
            if b.bestDownMbps >= s.gigabitMbps { return FundingVerdict(eligible: false, reason: "served-gigabit") }
            if planned { return FundingVerdict(eligible: false, reason: "planned-within-3y") }
            return FundingVerdict(eligible: true, reason: "focus-point-not-gigabit")
        }
        let n = NumberText.plain
        switch self {
        case .nga2015:
            if b.bestDownMbps >= s.whiteSpotDownMbps { return FundingVerdict(eligible: false, reason: "served-\(n(s.whiteSpotDownMbps))") }
            if planned { return FundingVerdict(eligible: false, reason: "planned-within-3y") }
            return FundingVerdict(eligible: true, reason: "down-below-\(n(s.whiteSpotDownMbps))")
        case .grey2021:
            if b.bestDownMbps >= s.greySpotDownMbps { return FundingVerdict(eligible: false, reason: "served-\(n(s.greySpotDownMbps))") }
            if b.ngaNetworks >= s.blackSpotNetworks { return FundingVerdict(eligible: false, reason: "black-spot-\(s.blackSpotNetworks)-networks") }
            if planned { return FundingVerdict(eligible: false, reason: "planned-within-3y") }
            return FundingVerdict(eligible: true, reason: "down-below-\(n(s.greySpotDownMbps))")
        case .gigabit2023:
            if b.has(down: s.gigabit2023SymmetricMbps, up: s.gigabit2023SymmetricMbps) {
                return FundingVerdict(eligible: false, reason: "served-\(n(s.gigabit2023SymmetricMbps))-symmetric")
            }
            if b.bestDownMbps >= s.gigabit2023DownMbps { return FundingVerdict(eligible: false, reason: "served-\(n(s.gigabit2023DownMbps))-down") }
            if planned { return FundingVerdict(eligible: false, reason: "planned-within-3y") }
            return FundingVerdict(eligible: true, reason: "not-gigabit")
        case .gigabit2024:
            if b.has(down: s.gigabit2024DownMbps, up: s.gigabit2024UpMbps) {
                return FundingVerdict(eligible: false, reason: "served-\(n(s.gigabit2024DownMbps))-\(n(s.gigabit2024UpMbps))")
            }
            return FundingVerdict(eligible: true, reason: "below-\(n(s.gigabit2024DownMbps))-\(n(s.gigabit2024UpMbps))")
        }
    }
}
