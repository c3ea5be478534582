import Foundation

/// A number with one decimal exactly as C's `printf("%.1f")` writes it (the exact binary value rounded
/// half to even, "-0.0" for a negative value that rounds to zero), without going through `printf`: the
/// SVG maps write hundreds of thousands of coordinates.
enum OneDecimal {
    /// `printf("%.1f", value)`.
    static func text(_ value: Double) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    /// Appends `printf("%.1f", value)` to `out`.
    static func append(_ value: Double, to out: inout String) {
        let magnitude = abs(value)
        // From 2^49 on (and for NaN and infinities) printf itself decides.
        guard magnitude < 0x1p49 else {
            out += String(format: "%.1f", value)
            return
        }
        // magnitude × 10 = tenths + error exactly: a fused multiply-add gives the product's rounding error.
        let tenths = magnitude * 10
        let error = (-tenths).addingProduct(magnitude, 10)
        var whole = tenths.rounded(.down)
        let fraction = tenths - whole
        // Below 2^53 the half is representable: a rounded product that is not exactly on it lies at least
        // one unit in the last place from it, more than the error, so only a product of exactly one half
        // needs the error to tell up from down, and a tie (no error) goes to the even neighbour.
        if fraction > 0.5 || (fraction == 0.5 && (error > 0 || (error == 0 && whole.remainder(dividingBy: 2) != 0))) {
            whole += 1
        }
        let n = UInt64(whole)
        if value.sign == .minus { out += "-" }
        out += String(n / 10)
        out += "."
        out += String(n % 10)
    }
}
