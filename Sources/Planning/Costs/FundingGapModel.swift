import Foundation

/// The funding gap (Wirtschaftlichkeitslücke) of building a network, and how it is split.
///
/// The gap is the net present value of the project's cash flows over `years`, negated:
///
///     gap = max(0, capex + Σ_{t=1…T} (opex_t − revenue_t) / (1 + r)^t)
///
/// with `revenue_t = homes × takeUp × arpu × 12` and `opex_t = homes × takeUp × opexPerHomeYear +
/// capex × opexShareOfCapex` (the same every year), `r` the discount rate and T the period. The
/// defaults (docs/costs.md) are stated assumptions; a scenario sets each (`costs.gap`).
public struct FundingGapModel: Sendable, Equatable {
    /// The period the gap is worked out over (the funding rules' usual 7 years), years.
    public var years = 7
    /// Discount rate per year.
    public var discountRate = 0.05
    /// Share of homes passed that take a service.
    public var takeUp = 0.5
    /// Average revenue per connected home and month, € (net).
    public var arpuPerMonth = 35.0
    /// Operating cost per connected home and year, €.
    public var opexPerHomeYear = 60.0
    /// Operating cost of the passive network per year, as a share of capex.
    public var opexShareOfCapex = 0.01
    /// The shares of the gap that the federal government, the state and the municipality carry.
    public var federalShare = 0.5
    public var stateShare = 0.4
    public var municipalShare = 0.1

    public init() {}

    /// The present value factor of one euro a year over the period: Σ 1/(1+r)^t, t = 1…T.
    public var annuityFactor: Double {
        years < 1 ? 0 : (1...years).reduce(0) { $0 + 1 / pow(1 + discountRate, Double($1)) }
    }

    /// The gap and its split for a project of this capex and these homes.
    public func gap(capex: Double, homes: Int) -> FundingGap {
        let revenue = Double(homes) * takeUp * arpuPerMonth * 12
        let opex = Double(homes) * takeUp * opexPerHomeYear + capex * opexShareOfCapex
        let value = capex + (opex - revenue) * annuityFactor
        let gap = max(0, value)
        return FundingGap(
            capex: capex, presentRevenue: revenue * annuityFactor, presentOpex: opex * annuityFactor, gap: gap,
            federal: gap * federalShare, state: gap * stateShare, municipal: gap * municipalShare)
    }
}

/// The funding gap of a project and its split.
public struct FundingGap: Sendable, Equatable {
    public var capex: Double
    /// Revenue and operating cost over the period, at present value, €.
    public var presentRevenue: Double
    public var presentOpex: Double
    /// The Wirtschaftlichkeitslücke, €: capex + present opex − present revenue, at least 0.
    public var gap: Double
    public var federal: Double
    public var state: Double
    public var municipal: Double

    public static let zero = FundingGap(
        capex: 0, presentRevenue: 0, presentOpex: 0, gap: 0, federal: 0, state: 0, municipal: 0)
}
