/// Writes JSON deterministically: object keys in their stored order, numbers in their shortest
/// round-trip form (integral values without a fraction).
///
/// The text is made as UTF-8 bytes (`append(_:to:)` and its kin); the `String` functions wrap them.
public enum JSONWriter {
    public static func serialize(_ value: JSONValue, pretty: Bool = false) -> String {
        var out: [UInt8] = []
        append(value, to: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// A number as JSON text; non-finite numbers become `null` (JSON has no NaN).
    public static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A number rounded to `decimals` places (at most 18), trailing zeros removed.
    public static func format(_ n: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        appendNumber(n, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `format(n)` appended as bytes.
    ///
    /// Integral values below 10^15 and values of at least 10^-4 that are the double nearest a decimal
    /// of at most four places are written from that decimal's digits: where the double's spacing is
    /// below half of 10^-k, one decimal of at most k places rounds to it, so it is the shortest
    /// round-trip text, the one `format` gives. Anything else goes through `format`.
    public static func appendNumber(_ n: Double, to out: inout [UInt8]) {
        let magnitude = abs(n)
        if magnitude < 1e15 {
            if n == n.rounded() { return appendScaled(n, decimals: 0, to: &out) }
            if magnitude >= 1e-4 {
                for k in 1...4 {
                    let scale = powersOfTen[k]
                    let scaled = n * scale
                    if scaled == scaled.rounded() && scaled / scale == n && n.ulp < 0.5 / scale {
                        return appendScaled(scaled, decimals: k, to: &out)
                    }
                }
            }
        }
        out.append(contentsOf: format(n).utf8)
    }

    static let powersOfTen: [Double] = (0...18).map { k in (0..<k).reduce(1.0) { v, _ in v * 10 } }

    /// `format(n, decimals:)` appended as bytes: `n` rounded to `decimals` places (at most 18), written
    /// in fixed notation with the trailing zeros of its fraction removed.
    ///
    /// The rounded value r is scaled/10^decimals for an integer `scaled`. Where a double's spacing at r is
    /// below half of 10^-decimals, that decimal is the only one of at most `decimals` places that rounds
    /// to r, so it is also r's shortest round-trip form: its digits are written from `scaled` directly.
    public static func appendNumber(_ n: Double, decimals: Int, to out: inout [UInt8]) {
        guard n.isFinite else { return out.append(contentsOf: "null".utf8) }
        let scale = powersOfTen[decimals]
        let scaled = (n * scale).rounded()
        let r = scaled / scale
        guard abs(scaled) < 9e15, abs(r) < 1e15, r.ulp < 0.5 / scale else {
            // Large magnitudes: the shortest round-trip text; tiny ones in fixed notation instead of an exponent.
            if r == r.rounded(), abs(r) < 1e15 { return out.append(contentsOf: String(Int64(r)).utf8) }
            let s = "\(r)"
            let tiny = abs(r) < 1 && s.utf8.contains(UInt8(ascii: "e"))
            return out.append(contentsOf: (tiny ? fixed(r, decimals: decimals) : s).utf8)
        }
        appendScaled(scaled, decimals: decimals, to: &out)
    }

    /// The number scaled/10^decimals for an integral `scaled` (|scaled| < 2^53, decimals ≤ 18) in fixed
    /// notation, the trailing zeros of its fraction and a bare point removed; zero without a sign. The
    /// text is made from the end in a buffer on the stack and appended at once (at most 1 + 16 + 1 + 18
    /// bytes: sign, digits, point, leading zeros of the fraction).
    static func appendScaled(_ scaled: Double, decimals: Int, to out: inout [UInt8]) {
        let digits = UInt64(abs(scaled))
        let unit = integerPowersOfTen[decimals]
        var whole = digits / unit
        var fraction = digits % unit
        var places = fraction == 0 ? 0 : decimals
        while places > 0 && fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var k = buffer.count
            for _ in 0..<places {
                k -= 1
                buffer[k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)
                fraction /= 10
            }
            if places > 0 {
                k -= 1
                buffer[k] = UInt8(ascii: ".")
            }
            repeat {
                k -= 1
                buffer[k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole % 10)
                whole /= 10
            } while whole > 0
            if scaled < 0 && digits != 0 {
                k -= 1
                buffer[k] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[k...]))
        }
    }

    static let integerPowersOfTen: [UInt64] = (0...19).map { k in (0..<k).reduce(1) { v, _ in v * 10 } }

    /// A non-negative integer in decimal digits.
    public static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var k = buffer.count
            repeat {
                k -= 1
                buffer[k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[k...]))
        }
    }

    private static func fixed(_ r: Double, decimals: Int) -> String {
        let negative = r < 0
        let scaled = Int64((abs(r) * powersOfTen[decimals]).rounded())
        let whole = scaled / Int64(powersOfTen[decimals])
        var frac = String(scaled % Int64(powersOfTen[decimals]))
        frac = String(repeating: "0", count: decimals - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return (negative ? "-" : "") + String(whole) + (frac.isEmpty ? "" : "." + frac)
    }

    public static func quote(_ s: String) -> String {
        // Most strings need no escape: one scan of the bytes, then a copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quote(s)` appended as bytes.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: one scan of their bytes in place, then one copy.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true { return out.append(UInt8(ascii: "\"")) }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A value as JSON bytes; `indent` (levels) makes it pretty, nil keeps it on one line.
    public static func append(_ value: JSONValue, to out: inout [UInt8], indent: Int? = nil) {
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): appendNumber(n, to: &out)
        case .string(let s): appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { newline(indent + 1) }
                append(item, to: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for k in 0..<object.count {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { newline(indent + 1) }
                appendQuoted(object.keys[k], to: &out)
                out.append(contentsOf: (indent == nil ? ":" : ": ").utf8)
                append(object.values[k], to: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { newline(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }
}
