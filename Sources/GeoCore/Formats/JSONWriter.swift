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
        // Integers and decimals of up to four places from their digits (`appendNumber` shows that this is
        // the same text), without Swift's general conversion.
        if let (scaled, decimals) = shortestDigits(n) {
            return withScaledText(scaled, decimals: decimals) { String(decoding: $0, as: UTF8.self) }
        }
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
        if let (scaled, decimals) = shortestDigits(n) { return appendScaled(scaled, decimals: decimals, to: &out) }
        out.append(contentsOf: format(n).utf8)
    }

    /// The digits `appendNumber(_:to:)` writes n from, as n × 10^decimals and its decimals, where n is
    /// integral or a decimal of at most four places as described there; nil for anything else.
    @inlinable @inline(__always) static func shortestDigits(_ n: Double) -> (scaled: Double, decimals: Int)? {
        let magnitude = abs(n)
        guard magnitude < 1e15 else { return nil }
        if n == n.rounded() { return (n, 0) }
        guard magnitude >= 1e-4 else { return nil }
        for k in 1...4 {
            let scale = powersOfTen[k]
            let scaled = n * scale
            if scaled == scaled.rounded() && scaled / scale == n && n.ulp < 0.5 / scale { return (scaled, k) }
        }
        return nil
    }

    @usableFromInline static let powersOfTen: [Double] = (0...18).map { k in (0..<k).reduce(1.0) { v, _ in v * 10 } }

    /// `format(n, decimals:)` appended as bytes: `n` rounded to `decimals` places (at most 18), written
    /// in fixed notation with the trailing zeros of its fraction removed.
    ///
    /// The rounded value r is scaled/10^decimals for an integer `scaled`. Where a double's spacing at r is
    /// below half of 10^-decimals, that decimal is the only one of at most `decimals` places that rounds
    /// to r, so it is also r's shortest round-trip form: its digits are written from `scaled` directly.
    public static func appendNumber(_ n: Double, decimals: Int, to out: inout [UInt8]) {
        if let scaled = scaledDigits(n, scale: powersOfTen[decimals]) {
            return appendScaled(scaled, decimals: decimals, to: &out)
        }
        guard n.isFinite else { return out.append(contentsOf: "null".utf8) }
        // Large magnitudes: the shortest round-trip text; tiny ones in fixed notation instead of an exponent.
        let scale = powersOfTen[decimals]
        let r = (n * scale).rounded() / scale
        if r == r.rounded(), abs(r) < 1e15 { return out.append(contentsOf: String(Int64(r)).utf8) }
        let s = "\(r)"
        let tiny = abs(r) < 1 && s.utf8.contains(UInt8(ascii: "e"))
        out.append(contentsOf: (tiny ? fixed(r, decimals: decimals) : s).utf8)
    }

    /// n × `scale` (10^decimals) rounded to an integer, from which `appendScaled` writes n rounded to
    /// `decimals` places as `appendNumber(_:decimals:to:)` does; nil where that takes its slower path
    /// (not finite, or a magnitude where the double's spacing reaches half of 10^-decimals).
    @inlinable @inline(__always) static func scaledDigits(_ n: Double, scale: Double) -> Double? {
        guard n.isFinite else { return nil }
        let scaled = (n * scale).rounded()
        let r = scaled / scale
        guard abs(scaled) < 9e15, abs(r) < 1e15, r.ulp < 0.5 / scale else { return nil }
        return scaled
    }

    /// The number scaled/10^decimals for an integral `scaled` (|scaled| < 2^53, decimals ≤ 18) in fixed
    /// notation, the trailing zeros of its fraction and a bare point removed; zero without a sign. The
    /// text is made in a buffer on the stack (`writeScaled`) and appended at once.
    static func appendScaled(_ scaled: Double, decimals: Int, to out: inout [UInt8]) {
        withScaledText(scaled, decimals: decimals) { out.append(contentsOf: $0) }
    }

    /// Calls `body` with `appendScaled`'s text, made in a buffer on the stack (`writeScaled`).
    private static func withScaledText<R>(
        _ scaled: Double, decimals: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scaledTextCapacity) { buffer in
            let end = buffer.baseAddress! + scaledTextCapacity
            let start = writeScaled(scaled, decimals: decimals, endingAt: end)
            return body(UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// The most bytes `writeScaled` writes: sign, 16 digits, point and the fraction's leading zeros.
    @usableFromInline static let scaledTextCapacity = 1 + 16 + 1 + 18

    /// `appendScaled`'s text written backwards so that it ends just before `end`; returns where it
    /// starts (at most `scaledTextCapacity` bytes before `end`). Digits are taken two at a time from
    /// `digitPairs`, and only divisions by constants are made.
    @inlinable @inline(__always) static func writeScaled(
        _ scaled: Double, decimals: Int, endingAt end: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        let digits = UInt64(abs(scaled))
        var v = digits
        // The fraction's trailing zeros are the trailing zeros of the digits, up to `decimals` of them.
        var places = v == 0 ? 0 : decimals
        while places > 0 && v % 10 == 0 {
            v /= 10
            places -= 1
        }
        let pairs = digitPairs.utf8Start
        var p = end
        func pair(_ r: UInt64) {
            p -= 2
            p[0] = pairs[2 &* Int(r)]
            p[1] = pairs[2 &* Int(r) &+ 1]
        }
        func digit(_ r: UInt64) {
            p -= 1
            p[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: r)
        }
        if places > 0 {
            var left = places
            while left >= 2 {
                pair(v % 100)
                v /= 100
                left -= 2
            }
            if left == 1 {
                digit(v % 10)
                v /= 10
            }
            p -= 1
            p[0] = UInt8(ascii: ".")
        }
        while v >= 100 {
            pair(v % 100)
            v /= 100
        }
        if v >= 10 { pair(v) } else { digit(v) }
        if scaled < 0 && digits != 0 {
            p -= 1
            p[0] = UInt8(ascii: "-")
        }
        return p
    }

    /// "00", "01", …, "99": the two digits of each number below 100.
    @inlinable static var digitPairs: StaticString {
        """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
    }

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

    /// Whether a string's UTF-8 bytes go between quotes as they are: no control character, quote or
    /// backslash.
    @inlinable @inline(__always) static func needsNoEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C { return false }
        return true
    }

    /// `quote(s)` appended as bytes.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(s, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `s` as the inside of a JSON string, without the quotes: for a string written in parts.
    public static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        // Native strings are contiguous UTF-8 (read in place); others are made so in a copy.
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            var s = s
            s.withUTF8 { appendEscaped($0, to: &out) }
        }
    }

    /// `appendQuoted` of a text's UTF-8 bytes.
    public static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(bytes, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `appendEscaped` of a text's UTF-8 bytes.
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Most texts need no escape: one scan of their bytes, then one copy.
        if needsNoEscape(bytes) { return out.append(contentsOf: bytes) }
        for b in bytes {
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
