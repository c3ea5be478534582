import Foundation
import GeoCore

/// Reads typed fields from one feature's properties, recording every problem with its field.
///
/// Names are matched ignoring case, with aliases for the spellings real files use (`NAME`,
/// `Einwohner`, OSM tags…).
struct FeatureFields {
    let feature: Feature
    let file: String
    let layer: String
    var id: String?
    var problems: [InputProblem] = []
    var hasError = false
    /// The property names in lower case, made once per set of names (shared by the features of a chunk, and
    /// by a feature's sectors, with the same names).
    let nameIndex: PropertyNameIndex

    init(_ feature: Feature, file: String, layer: String, names: PropertyNameIndex? = nil) {
        self.feature = feature
        self.file = file
        self.layer = layer
        nameIndex = names ?? PropertyNameIndex(feature.properties.keys)
    }

    /// The first of `names` the feature has a value for (not null, not blank): its position among the
    /// properties and its value. The name itself is read only for a message (`key(at:)`).
    private func lookup(_ names: [String]) -> (position: Int, value: JSONValue)? {
        // The index resolves the names once per set of property names (ignoring case, an exact spelling
        // first for a name asked for with capitals); the properties have the keys it was made from.
        for position in nameIndex.positions(of: names) {
            let value = feature.properties.values[position]
            switch value {
            case .null: continue
            case .string(let s) where s.isBlank: continue
            default: return (position, value)
            }
        }
        return nil
    }

    /// The property name at `position`, as the file writes it.
    private func key(at position: Int) -> String { feature.properties.keys[position] }

    mutating func error(_ field: String?, _ code: String, _ reason: String) {
        hasError = true
        problems.append(
            InputProblem(
                .error, code: code, file: file, layer: layer, featureIndex: feature.index, featureID: id, field: field,
                reason: reason))
    }

    mutating func warning(_ field: String?, _ code: String, _ reason: String) {
        problems.append(
            InputProblem(
                .warning, code: code, file: file, layer: layer, featureIndex: feature.index, featureID: id,
                field: field, reason: reason))
    }

    func has(_ names: String...) -> Bool { lookup(names) != nil }

    func string(_ names: String...) -> String? { string(names) }

    func string(_ names: [String]) -> String? { lookup(names).map { $0.value.text.trimmingWhitespace } }

    mutating func requiredString(_ names: String...) -> String? {
        guard let v = lookup(names) else {
            error(names[0], "missing-field", "required field \(names[0]) is missing or empty")
            return nil
        }
        return v.value.text.trimmingWhitespace
    }

    /// A number (JSON number or text with a decimal point or comma) within `range`.
    mutating func number(_ names: [String], in range: ClosedRange<Double>, unit: String = "") -> Double? {
        guard let (position, value) = lookup(names) else { return nil }
        let number: Double?
        switch value {
        case .number(let n): number = n
        case .string(let s): number = DecimalText.parse(s)
        case .bool: number = nil
        default: number = nil
        }
        guard let number else {
            error(key(at: position), "not-a-number", "\"\(value.text)\" is not a number")
            return nil
        }
        guard number.isFinite, range.contains(number) else {
            let u = unit.isEmpty ? "" : " \(unit)"
            error(
                key(at: position), "out-of-range",
                "\(JSONWriter.format(number))\(u) is outside "
                    + "\(JSONWriter.format(range.lowerBound))…\(JSONWriter.format(range.upperBound))\(u)")
            return nil
        }
        return number
    }

    mutating func number(_ name: String, in range: ClosedRange<Double>, unit: String = "") -> Double? {
        number([name], in: range, unit: unit)
    }

    mutating func integer(_ names: [String], in range: ClosedRange<Double>) -> Int? {
        guard let v = number(names, in: range) else { return nil }
        guard v == v.rounded() else {
            error(names[0], "not-an-integer", "\(JSONWriter.format(v)) is not a whole number")
            return nil
        }
        return Int(v)
    }

    // The names are variadic: a literal list at the call site is a static array, one name in brackets
    // here would be an array made per call.
    mutating func bool(_ names: String...) -> Bool? {
        guard let (position, value) = lookup(names) else { return nil }
        switch value {
        case .bool(let b): return b
        case .number(let n) where n == 0 || n == 1: return n == 1
        case .string("true"): return true
        case .string("false"): return false
        case .string(let s):
            switch s.lowercased().trimmingWhitespace {
            case "true", "yes", "ja", "1", "y", "j", "x": return true
            case "false", "no", "nein", "0", "n": return false
            default: break
            }
        default: break
        }
        error(key(at: position), "not-a-boolean", "\"\(value.text)\" is not true/false")
        return nil
    }

    /// A calendar date (`2026-06-30` or `30.06.2026`).
    mutating func date(_ names: String...) -> CalendarDate? {
        guard let (position, value) = lookup(names) else { return nil }
        if let d = CalendarDate(parsing: value.text) { return d }
        error(key(at: position), "not-a-date", "\"\(value.text)\" is not a date like 2026-06-30")
        return nil
    }

    /// A value from a fixed vocabulary; `aliases` maps other spellings to canonical ones.
    mutating func choice<T: RawRepresentable>(_ names: String..., as type: T.Type, aliases: [String: T] = [:]) -> T?
    where T.RawValue == String, T: CaseIterable {
        guard let (position, value) = lookup(names) else { return nil }
        // Most values are written as the vocabulary spells them: those need no lower-casing.
        if case .string(let written) = value, let v = T(rawValue: written) { return v }
        let text = value.text.lowercased().trimmingWhitespace
        if let v = T(rawValue: text) ?? aliases[text] { return v }
        error(
            key(at: position), "unknown-value",
            "\"\(value.text)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }
}
