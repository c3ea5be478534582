/// A JSON value with object keys kept in their original order, so that unknown properties pass
/// through to the outputs unchanged and outputs are deterministic.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// The value as text the way a table shows it (numbers without a trailing `.0`).
    public var text: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .number(let n): JSONWriter.format(n)
        case .string(let s): s
        case .array, .object: JSONWriter.serialize(self)
        }
    }
}

/// A JSON object: ordered keys, unique.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) { for (k, v) in pairs { self[k] = v } }

    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[keys[i]]!)
        }
    }

    /// Looks a key up ignoring case, so that `NAME`, `Name` and `name` all match `name`.
    public func value(forKeyIgnoringCase key: String) -> (key: String, value: JSONValue)? {
        if let v = values[key] { return (key, v) }
        let lower = key.lowercased()
        let lowerBytes = Array(lower.utf8)
        guard lowerBytes.allSatisfy({ $0 < 0x80 }) else {
            for k in keys where k.lowercased() == lower { return (k, values[k]!) }
            return nil
        }
        // An ASCII key: a name that lowercases to it has as many characters, each of at most three
        // bytes (U+212A KELVIN SIGN lowercases to "k"); ASCII names are compared without lowercasing.
        let n = lowerBytes.count
        for k in keys {
            let count = k.utf8.count
            guard count >= n, count <= 3 * n else { continue }
            if count == n, k.utf8.allSatisfy({ $0 < 0x80 }) {
                if zip(k.utf8, lowerBytes).allSatisfy({ ($0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0)) == $1 }) {
                    return (k, values[k]!)
                }
            } else if k.lowercased() == lower {
                return (k, values[k]!)
            }
        }
        return nil
    }
}
