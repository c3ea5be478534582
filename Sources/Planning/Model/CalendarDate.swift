import GeoCore

/// A calendar day (no time, no zone), as market surveys and plans give dates: `2025-06-30`, or the
/// German `30.06.2025`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) or `DD.MM.YYYY`; nil for anything else or an impossible day.
    public init?(parsing text: String) {
        let t = text.trimmingWhitespace
        let iso = t.split(separator: "-", omittingEmptySubsequences: false)
        let german = t.split(separator: ".", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]),
            iso[1].count == 2, iso[2].count == 2
        {
            self.init(year: y, month: m, day: d)
        } else if german.count == 3, german[2].count == 4, let d = Int(german[0]), let m = Int(german[1]),
            let y = Int(german[2])
        {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    public func adding(years: Int) -> CalendarDate {
        CalendarDate(year: year + years, month: month, day: min(day, Self.days(inMonth: month, year: year + years)))!
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
