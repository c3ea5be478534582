import ArgumentParser

/// Checks a number given on the command line before any work: it must be finite and inside what the
/// option can mean, so that no value overflows a conversion, allocates without bound or is quietly
/// replaced by a default.
/// - Parameters:
///   - option: the flag as the user types it, e.g. `--distance-m`.
///   - value: the value given (nil when the option was left out; nothing to check).
///   - range: the values accepted.
///   - aboveLower: the lower bound itself is not accepted (a distance must be more than 0).
///   - unit: the unit, for the message.
/// - Throws: `ValidationError` naming the option, the value and the accepted range.
func checkNumber(
    _ option: String, _ value: Double?, _ range: ClosedRange<Double>, aboveLower: Bool = false, unit: String = ""
) throws {
    guard let value else { return }
    let inside = value.isFinite && range.contains(value) && !(aboveLower && value == range.lowerBound)
    guard !inside else { return }
    let u = unit.isEmpty ? "" : " \(unit)"
    let lower = aboveLower ? "more than \(plain(range.lowerBound))" : "at least \(plain(range.lowerBound))"
    throw ValidationError(
        "\(option): \(value.isFinite ? plain(value) : "\(value)") is not accepted; give \(lower) and at most "
            + "\(plain(range.upperBound))\(u)")
}

/// Checks a whole number given on the command line (see `checkNumber`).
func checkNumber(_ option: String, _ value: Int?, _ range: ClosedRange<Int>, unit: String = "") throws {
    guard let value else { return }
    guard !range.contains(value) else { return }
    let u = unit.isEmpty ? "" : " \(unit)"
    throw ValidationError(
        "\(option): \(value) is not accepted; give a whole number from \(range.lowerBound) to \(range.upperBound)\(u)")
}

private func plain(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)" }
