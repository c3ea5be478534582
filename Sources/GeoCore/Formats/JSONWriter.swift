/// Writes JSON deterministically: object keys in their stored order, numbers in their shortest
/// round-trip form (integral values without a fraction).
public enum JSONWriter {
    public static func serialize(_ value: JSONValue, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// A number as JSON text; non-finite numbers become `null` (JSON has no NaN).
    public static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A number rounded to `decimals` places, trailing zeros removed.
    public static func format(_ n: Double, decimals: Int) -> String {
        guard n.isFinite else { return "null" }
        let scale = pow10(decimals)
        let r = (n * scale).rounded() / scale
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        var s = "\(r)"
        if s.contains("e") {
            // Fall back to a fixed form for very small magnitudes.
            s = fixed(r, decimals: decimals)
        }
        return s
    }

    private static func pow10(_ d: Int) -> Double {
        var v = 1.0
        for _ in 0..<d { v *= 10 }
        return v
    }

    private static func fixed(_ r: Double, decimals: Int) -> String {
        let negative = r < 0
        let scaled = Int64((abs(r) * pow10(decimals)).rounded())
        let whole = scaled / Int64(pow10(decimals))
        var frac = String(scaled % Int64(pow10(decimals)))
        frac = String(repeating: "0", count: decimals - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return (negative ? "-" : "") + String(whole) + (frac.isEmpty ? "" : "." + frac)
    }

    public static func quote(_ s: String) -> String {
        // Most strings need no escape: one scan of the bytes, then a copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        let newline = indent.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? ""
        let close = indent.map { "\n" + String(repeating: "  ", count: $0) } ?? ""
        let inner = indent.map { $0 + 1 }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += format(n)
        case .string(let s): out += quote(s)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                out += newline
                write(item, into: &out, indent: inner)
            }
            out += close + "]"
        case .object(let object):
            if object.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (k, member) in object.enumerated() {
                if k > 0 { out += "," }
                out += newline + quote(member.key) + (indent == nil ? ":" : ": ")
                write(member.value, into: &out, indent: inner)
            }
            out += close + "}"
        }
    }
}
