import Testing

@testable import Planning

/// One building per rule and edge of each programme, with the verdict and reason the published rule
/// gives (docs/funding-rules.md has the clause and a worked example for each).
@Suite struct FundingRuleTests {
    /// Programmes are hashed by their case: each hashes as itself and apart from the others, also when
    /// made from its name, so that tables keyed by programme find every entry.
    @Test func programmesHashByCase() {
        let all = FundingProgramme.allCases
        #expect(Set(all.map(\.hashValue)).count == all.count)
        var table: [FundingProgramme: Int] = [:]
        for (k, p) in all.enumerated() { table[p] = k }
        for (k, p) in all.enumerated() {
            #expect(FundingProgramme(rawValue: p.rawValue)!.hashValue == p.hashValue)
            #expect(table[FundingProgramme(rawValue: p.rawValue)!] == k)
        }
    }

    typealias N = FundingNetwork

    static func ftth(_ down: Double, _ up: Double) -> N { N(technology: .ftth, downMbps: down, upMbps: up) }
    static func vdsl(_ down: Double, _ up: Double) -> N { N(technology: .vdsl, downMbps: down, upMbps: up) }
    static func hfc(_ down: Double, _ up: Double) -> N { N(technology: .hfc, downMbps: down, upMbps: up) }
    static func adsl(_ down: Double, _ up: Double) -> N { N(technology: .adsl, downMbps: down, upMbps: up) }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var networks: [N]
        var planned: [N] = []
        var focus = false
        var reason: FundingReason
        var testDescription: String { name }
    }

    func check(_ programme: FundingProgramme, _ c: Case, _ settings: FundingSettings = FundingSettings()) {
        let v = programme.verdict(
            FundingInput(networks: c.networks, planned: c.planned, isFocusPoint: c.focus), settings)
        #expect(v.reason == c.reason, "\(programme.rawValue): \(c.name)")
        #expect(v.eligible == c.reason.eligible)
    }

    @Test(arguments: [
        Case(name: "no network", networks: [], reason: .below30Down),
        Case(name: "ADSL 16/1", networks: [adsl(16, 1)], reason: .below30Down),
        Case(name: "exactly 30 down is NGA", networks: [vdsl(30, 5)], reason: .nga30Available),
        Case(name: "29.9 down is not", networks: [adsl(29.9, 2)], reason: .below30Down),
        Case(
            name: "ADSL with VDSL 50 planned", networks: [adsl(16, 1)], planned: [vdsl(50, 10)], reason: .nga30Planned),
        Case(
            name: "planned below the bar does not exclude", networks: [adsl(6, 1)], planned: [adsl(16, 1)],
            reason: .below30Down),
        Case(
            name: "school on VDSL 50 is judged as any building", networks: [vdsl(50, 10)], focus: true,
            reason: .nga30Available),
        Case(name: "school on ADSL 6", networks: [adsl(6, 1)], focus: true, reason: .below30Down),
    ]) func nga2015(_ c: Case) { check(.nga2015, c) }

    @Test(arguments: [
        Case(name: "ADSL 16/1", networks: [adsl(16, 1)], reason: .below100Down),
        Case(name: "99.9 down", networks: [vdsl(99.9, 40)], reason: .below100Down),
        Case(name: "exactly 100 down", networks: [vdsl(100, 40)], reason: .reliable100Available),
        Case(
            name: "ADSL 16/1 with VDSL 50/10 planned: below the bar", networks: [adsl(16, 1)], planned: [vdsl(50, 10)],
            reason: .below100Down),
        Case(
            name: "ADSL 16/1 with VDSL 100/40 planned", networks: [adsl(16, 1)], planned: [vdsl(100, 40)],
            reason: .reliable100Planned),
        Case(name: "two NGA networks below 100", networks: [vdsl(50, 10), hfc(60, 6)], reason: .below100Down),
        Case(
            name: "school on VDSL 250/40 (above the threshold, not gigabit)", networks: [vdsl(250, 40)], focus: true,
            reason: .focusPointNotGigabit),
        Case(name: "school on FTTH 1000/1000", networks: [ftth(1000, 1000)], focus: true, reason: .focusPointGigabit),
        Case(
            name: "school on cable 1000/50: not gigabit by the upload", networks: [hfc(1000, 50)], focus: true,
            reason: .focusPointNotGigabit),
        Case(
            name: "school with FTTH 1000/150 planned", networks: [vdsl(50, 10)], planned: [ftth(1000, 150)],
            focus: true, reason: .gigabitPlanned),
    ]) func grey2021(_ c: Case) { check(.grey2021, c) }

    @Test func grey2021BlackSpotOnlyWhenSwitchedOn() {
        var s = FundingSettings()
        s.grey2021BlackSpotNetworks = 2
        check(
            .grey2021,
            Case(name: "two NGA networks", networks: [Self.vdsl(50, 10), Self.hfc(60, 6)], reason: .blackSpot), s)
        check(
            .grey2021,
            Case(name: "one NGA network", networks: [Self.vdsl(50, 10), Self.adsl(16, 1)], reason: .below100Down), s)
    }

    @Test(arguments: [
        Case(name: "VDSL 250/40", networks: [vdsl(250, 40)], reason: .below500Down200Symmetric),
        Case(name: "exactly 500 down", networks: [hfc(500, 50)], reason: .down500Available),
        Case(name: "499 down", networks: [hfc(499, 50)], reason: .below500Down200Symmetric),
        Case(name: "exactly 200 symmetric", networks: [ftth(200, 200)], reason: .symmetric200Available),
        Case(name: "200 down, 199 up", networks: [ftth(200, 199)], reason: .below500Down200Symmetric),
        Case(
            name: "VDSL 50/10 with VDSL 250/40 planned: below the bar", networks: [vdsl(50, 10)],
            planned: [vdsl(250, 40)], reason: .below500Down200Symmetric),
        Case(
            name: "VDSL 50/10 with cable 1000/50 planned", networks: [vdsl(50, 10)], planned: [hfc(1000, 50)],
            reason: .bar500Or200Planned),
        Case(name: "school on cable 500/50", networks: [hfc(500, 50)], focus: true, reason: .focusPointNotGigabit),
        Case(name: "school on FTTH 1000/150", networks: [ftth(1000, 150)], focus: true, reason: .focusPointGigabit),
        Case(name: "school on FTTH 1000/149", networks: [ftth(1000, 149)], focus: true, reason: .focusPointNotGigabit),
    ]) func gigabit2023(_ c: Case) { check(.gigabit2023, c) }

    @Test(arguments: [
        Case(name: "no network above 100", networks: [vdsl(100, 40), adsl(16, 1)], reason: .noNetworkOver100),
        Case(name: "VDSL 250/40 alone", networks: [vdsl(250, 40)], reason: .oneNetworkAtMost300And150),
        Case(
            name: "exactly 300/150, copper", networks: [N(technology: .vdsl, downMbps: 300, upMbps: 150)],
            reason: .oneNetworkAtMost300And150),
        Case(name: "cable 500/50 alone", networks: [hfc(500, 50)], reason: .oneNetworkOver300Down),
        Case(name: "301 down", networks: [vdsl(301, 40)], reason: .oneNetworkOver300Down),
        Case(name: "VDSL 250/151", networks: [vdsl(250, 151)], reason: .oneNetworkOver150Up),
        Case(
            name: "VDSL 250/40 and cable 250/25", networks: [vdsl(250, 40), hfc(250, 25)], reason: .twoNetworksOver100),
        Case(
            name: "cable 250/25 alone: upgradable with DOCSIS 3.1", networks: [hfc(250, 25)],
            reason: .oneNetworkUpgradable),
        Case(name: "FTTH sold at 150/50: upgradable", networks: [ftth(150, 50)], reason: .oneNetworkUpgradable),
        Case(
            name: "VDSL 50/10 with FTTH 1000/1000 announced", networks: [vdsl(50, 10)], planned: [ftth(1000, 1000)],
            reason: .gigabitPlanned),
        Case(
            name: "VDSL 50/10 with VDSL 250/40 announced: not gigabit", networks: [vdsl(50, 10)],
            planned: [vdsl(250, 40)], reason: .noNetworkOver100),
        Case(name: "school on FTTH 1000/1000", networks: [ftth(1000, 1000)], focus: true, reason: .focusPointGigabit),
        Case(
            name: "school on VDSL 250/40 and cable 250/25", networks: [vdsl(250, 40), hfc(250, 25)], focus: true,
            reason: .focusPointNotGigabit),
    ]) func gigabit2024(_ c: Case) { check(.gigabit2024, c) }

    @Test func plannedNetworksCountOnlyWithinTheHorizon() {
        var s = FundingSettings()
        s.surveyDate = CalendarDate(year: 2025, month: 3, day: 1)
        let due = { (y: Int, m: Int, d: Int) in
            N(technology: .ftth, downMbps: 1000, upMbps: 1000, date: CalendarDate(year: y, month: m, day: d))
        }
        check(
            .gigabit2024,
            Case(
                name: "due on the horizon's last day", networks: [Self.vdsl(50, 10)], planned: [due(2028, 3, 1)],
                reason: .gigabitPlanned), s)
        check(
            .gigabit2024,
            Case(
                name: "due a day later", networks: [Self.vdsl(50, 10)], planned: [due(2028, 3, 2)],
                reason: .noNetworkOver100), s)
        check(
            .nga2015,
            Case(name: "undated plan counts", networks: [], planned: [Self.vdsl(50, 10)], reason: .nga30Planned), s)
        s.planningHorizonYears = 5
        check(
            .gigabit2024,
            Case(
                name: "a five-year horizon", networks: [Self.vdsl(50, 10)], planned: [due(2028, 3, 2)],
                reason: .gigabitPlanned), s)
    }

    @Test func everyReasonHasLabelsAndStableCodes() {
        let s = FundingSettings()
        #expect(Set(FundingReason.allCases.map(\.rawValue)).count == FundingReason.allCases.count)
        for r in FundingReason.allCases {
            #expect(!r.labelDE(s).isEmpty && !r.labelEN(s).isEmpty && r.labelDE(s) != r.labelEN(s), "\(r)")
            #expect(r.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
        }
        // Labels give the thresholds in force.
        var changed = s
        changed.gigabit2024DownMbps = 400
        #expect(FundingReason.oneNetworkOver300Down.labelEN(changed).contains("400 Mbit/s"))
    }

    @Test func everyProgrammeNamesItsSource() {
        for p in FundingProgramme.allCases {
            #expect(p.source.inForce.count == 10 && p.source.inForce.hasPrefix("20"), "\(p)")
            #expect(!p.source.title.isEmpty && !p.source.clause.isEmpty)
            #expect(!p.rule(FundingSettings()).thresholds.isEmpty)
        }
    }

    @Test func calendarDates() {
        #expect(CalendarDate(parsing: "2026-06-30") == CalendarDate(year: 2026, month: 6, day: 30))
        #expect(CalendarDate(parsing: "30.06.2026") == CalendarDate(year: 2026, month: 6, day: 30))
        #expect(CalendarDate(parsing: "2026-02-30") == nil)
        #expect(CalendarDate(parsing: "2026-6-30") == nil)
        #expect(CalendarDate(parsing: "next year") == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.adding(years: 3).description == "2027-02-28")
    }
}
