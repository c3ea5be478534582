import Foundation

/// The one way numbers become text in tables, reports and CSV: rounded half away from zero to a fixed
/// number of decimals, with the locale's decimal separator and, where asked, thousands grouping.
public enum NumberFormat {
    /// `value` with `decimals` decimals (half away from zero); "–" for NaN, "∞"/"-∞" for infinities.
    public static func fixed(_ value: Double, decimals: Int, locale: ReportLocale = .en) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "-∞" : "∞") }
        let scale = pow(10, Double(decimals))
        guard abs(value * scale) < 9e15 else {
            // Beyond exact whole numbers in a Double: print the digits as they are.
            let text = String(format: "%.\(decimals)f", value)
            return locale == .de ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64((rounded / scale).rounded(.towardZero))
        guard decimals > 0 else { return String(Int64(rounded)) }
        let fraction = Int64(abs(rounded) - abs(Double(whole)) * scale)
        var digits = String(fraction)
        digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        let sign = rounded < 0 && whole == 0 ? "-" : ""
        return sign + String(whole) + locale.decimalSeparator + digits
    }

    /// Like `fixed`, with thousands grouped (`12,345` in English, `12.345` in German) for whole numbers
    /// of five digits and more, as tables of counts show them.
    public static func grouped(_ value: Double, decimals: Int = 0, locale: ReportLocale = .en) -> String {
        let text = fixed(value, decimals: decimals, locale: locale)
        guard decimals == 0, abs(value) >= 10_000, value.isFinite else { return text }
        let separator: Character = locale == .de ? "." : ","
        var out = ""
        for (i, c) in text.reversed().enumerated() {
            if i > 0 && i % 3 == 0 && c != "-" { out.append(separator) }
            out.append(c)
        }
        return String(out.reversed())
    }
}
