import GeoCore
import Yams

/// A YAML node with the file and key path it came from, for typed reading with precise errors.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    func error(_ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node.mark?.line, column: node.mark?.column, key: path, message: message)
    }

    func child(_ key: String, _ node: Node) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The mapping's entries, checking that every key is known (any key when `allowed` is nil).
    func mapping(allowed: [String]?) throws -> [String: YAMLValue] {
        guard case .mapping(let m) = node else {
            throw error(
                allowed.map { "expected a mapping with keys \($0.joined(separator: ", "))" } ?? "expected a mapping")
        }
        var out: [String: YAMLValue] = [:]
        for (k, v) in m {
            guard let key = k.string else {
                throw YAMLValue(node: k, file: file, path: path).error("keys must be text")
            }
            if let allowed, !allowed.contains(key) {
                throw YAMLValue(node: k, file: file, path: path.isEmpty ? key : "\(path).\(key)").error(
                    "unknown key \"\(key)\" (expected one of \(allowed.joined(separator: ", ")))")
            }
            out[key] = child(key, v)
        }
        return out
    }

    func sequence() throws -> [YAMLValue] {
        guard case .sequence(let s) = node else { throw error("expected a list") }
        return s.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A list, or a single value taken as a list of one.
    func list() throws -> [YAMLValue] {
        if case .sequence = node { return try sequence() }
        return [self]
    }

    func string() throws -> String {
        guard case .scalar(let s) = node else { throw error("expected text") }
        return s.string
    }

    func date() throws -> CalendarDate {
        guard case .scalar(let s) = node, let d = CalendarDate(parsing: s.string) else {
            throw error("expected a date like 2026-06-30, not \(describe)")
        }
        return d
    }

    func double() throws -> Double {
        guard case .scalar(let s) = node, let v = Double(s.string), v.isFinite else {
            throw error("expected a number, not \(describe)")
        }
        return v
    }

    func double(in range: ClosedRange<Double>) throws -> Double {
        let v = try double()
        guard range.contains(v) else { throw error("\(v) is outside \(range.lowerBound)…\(range.upperBound)") }
        return v
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        guard case .scalar(let s) = node, let v = Int(s.string) else {
            throw error("expected a whole number, not \(describe)")
        }
        guard range.contains(v) else { throw error("\(v) is outside \(range.lowerBound)…\(range.upperBound)") }
        return v
    }

    func bool() throws -> Bool {
        guard case .scalar(let s) = node, let v = Bool.construct(from: s) else {
            throw error("expected true or false, not \(describe)")
        }
        return v
    }

    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        guard let v = T(rawValue: text.lowercased()) else {
            throw error("\"\(text)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    var describe: String {
        switch node {
        case .scalar(let s): "\"\(s.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The node as JSON, for values handed to the GeoData decoders (numbers stay numbers).
    func json() -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                if let b = Bool.construct(from: s) { return .bool(b) }
                if let d = Double(s.string), d.isFinite { return .number(d) }
                if s.string == "~" || s.string == "null" || s.string.isEmpty { return .null }
            }
            return .string(s.string)
        case .sequence(let seq): return .array(seq.map { YAMLValue(node: $0, file: file, path: path).json() })
        case .mapping(let m):
            return .object(
                JSONObject(
                    m.compactMap { k, v in k.string.map { ($0, YAMLValue(node: v, file: file, path: path).json()) } }))
        case .alias: return .null
        }
    }
}
