/// One network at a building as the funding rules see it: technology (nil for mobile or WLAN service
/// counted as reliable), rates and, for a planned network, when it is due.
public struct FundingNetwork: Sendable, Hashable {
    public var technology: FixedTechnology?
    public var downMbps: Double
    public var upMbps: Double
    /// For a planned network: the day it is due, when the market survey says.
    public var date: CalendarDate?

    public init(technology: FixedTechnology?, downMbps: Double, upMbps: Double, date: CalendarDate? = nil) {
        self.technology = technology
        self.downMbps = downMbps
        self.upMbps = upMbps
        self.date = date
    }
}

/// What the rules look at for one building.
public struct FundingInput: Sendable {
    /// The networks available now that count as reliable (by default the fixed lines).
    public var networks: [FundingNetwork]
    /// The networks operators announced (market survey), with their rates and dates.
    public var planned: [FundingNetwork]
    /// A socio-economic focus point (school, hospital, authority, business park, transport hub, farm).
    public var isFocusPoint: Bool

    public init(networks: [FundingNetwork], planned: [FundingNetwork] = [], isFocusPoint: Bool = false) {
        self.networks = networks
        self.planned = planned
        self.isFocusPoint = isFocusPoint
    }

    public var bestDownMbps: Double { networks.map(\.downMbps).max() ?? 0 }

    /// The planned networks due within the horizon of `settings`.
    public func plannedWithinHorizon(_ settings: FundingSettings) -> [FundingNetwork] {
        planned.filter(settings.isWithinHorizon)
    }
}

/// A funding verdict: eligible or not, and the one reason that decides it.
public struct FundingVerdict: Sendable, Hashable {
    public var eligible: Bool
    public var reason: FundingReason

    public init(_ reason: FundingReason) {
        self.eligible = reason.eligible
        self.reason = reason
    }
}
