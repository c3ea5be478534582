/// The thresholds of the programmes (Mbit/s), the planning horizon and which services count as
/// reliable. The defaults are the published values (docs/funding-rules.md); a scenario may override each.
public struct FundingSettings: Sendable {
    /// NGA-Rahmenregelung 2015: an NGA network has at least this download rate.
    public var whiteSpotDownMbps = 30.0
    /// Gigabit-Richtlinie 2021: addresses reliably served with at least this download rate are not eligible.
    public var greySpotDownMbps = 100.0
    /// Gigabit-Richtlinie 2021: when set, this many networks of at least `ngaNetworkMbps` make a black spot
    /// that is not eligible (the 2015 framework's rule; off by default, see docs/funding-rules.md).
    public var grey2021BlackSpotNetworks: Int?
    /// Networks with at least this download rate count towards a black spot.
    public var ngaNetworkMbps = 30.0
    /// Gigabit-Richtlinie 2.0: not eligible with this rate down and up (symmetric) …
    public var gigabit2023SymmetricMbps = 200.0
    /// … or with this download rate.
    public var gigabit2023DownMbps = 500.0
    /// 2024 amendment: networks above this download rate are counted (rule i: at most one).
    public var gigabit2024CountedDownMbps = 100.0
    /// 2024 amendment: the one network may give at most this download rate …
    public var gigabit2024DownMbps = 300.0
    /// … and at most this upload rate.
    public var gigabit2024UpMbps = 150.0
    /// 2024 amendment, rule ii: networks of these technologies can be upgraded cheaply to gigabit.
    public var upgradableTechnologies: Set<FixedTechnology> = [.ftth, .fttb, .hfc]
    /// Gigabit-capable (EU Broadband Guidelines 2023, para. 19 (d)): at least this download rate …
    public var gigabitMbps = 1000.0
    /// … and this upload rate.
    public var gigabitUpMbps = 150.0
    /// The day of the market survey: planned networks count when they are due within
    /// `planningHorizonYears` of it. Without it, every planned network counts.
    public var surveyDate: CalendarDate?
    /// The planning horizon of every programme: three years.
    public var planningHorizonYears = 3
    /// Besides fixed lines, let mobile (indoor) or WLAN service count as reliable.
    public var mobileCountsAsReliable = false
    public var wlanCountsAsReliable = false
    /// The programme whose eligible buildings form the underserved areas.
    public var areaProgramme: FundingProgramme = .gigabit2023
    /// How the eligible buildings are grouped into project areas (Fördergebiete).
    public var projectAreas = ProjectAreaSettings()

    public init() {}

    /// Whether a network meets the gigabit definition.
    public func isGigabit(_ n: FundingNetwork) -> Bool { n.downMbps >= gigabitMbps && n.upMbps >= gigabitUpMbps }

    /// Whether a planned network is due within the horizon (an undated plan always is).
    public func isWithinHorizon(_ n: FundingNetwork) -> Bool {
        guard let due = n.date, let surveyDate else { return true }
        return due <= surveyDate.adding(years: planningHorizonYears)
    }
}
