/// What to do when a model is asked for a point outside its validity range.
public enum RangePolicy: Sendable {
    /// Throw `OutsideValidityRange`.
    case strict
    /// Return the value, flagged `inValidityRange == false`, with the violated limits listed.
    case extrapolate
}

/// A model was asked for a point outside the range its source defines.
public struct OutsideValidityRange: Error, Sendable, CustomStringConvertible {
    public let model: String
    public let violations: [String]
    public var description: String { "\(model) is not valid here: " + violations.joined(separator: "; ") }
}

/// A value computed by a model, with where it came from.
public struct ModelResult: Sendable, Hashable {
    /// Short model name, e.g. `uma-nlos`.
    public let model: String
    /// The value in dB (a loss) or the model's unit.
    public let value: Double
    /// False when at least one input lay outside the source's validity range.
    public let inValidityRange: Bool
    /// The limits that were violated, e.g. `distance 25000 m > 5000 m`.
    public let violations: [String]
    /// The standard and clause, e.g. `3GPP TR 38.901 V17.0.0 Table 7.4.1-1`.
    public let source: String
    /// Assumptions the model made where the source leaves a choice (e.g. `hE = 1 m`).
    public let assumptions: [String]
}

/// Collects validity-range checks for one evaluation.
struct RangeCheck {
    let model: String
    var violations: [String] = []

    init(_ model: String) { self.model = model }

    mutating func require(_ name: String, _ value: Double, _ range: ClosedRange<Double>, _ unit: String) {
        if value.isNaN || !range.contains(value) {
            violations.append(
                "\(name) \(Self.format(value)) \(unit) outside "
                    + "\(Self.format(range.lowerBound))…\(Self.format(range.upperBound)) \(unit)")
        }
    }

    mutating func fail(_ message: String) { violations.append(message) }

    func result(_ value: Double, source: String, assumptions: [String] = [], policy: RangePolicy) throws -> ModelResult
    {
        if policy == .strict && !violations.isEmpty { throw OutsideValidityRange(model: model, violations: violations) }
        return ModelResult(
            model: model, value: value, inValidityRange: violations.isEmpty, violations: violations, source: source,
            assumptions: assumptions)
    }

    static func format(_ v: Double) -> String { NumberText.plain(v) }
}

/// Numbers in messages and labels: whole numbers without a decimal point (`25`, not `25.0`).
public enum NumberText {
    public static func plain(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e12 ? String(Int64(v)) : String(v) }
}
