/// A JSON value with object keys kept in their original order, so that unknown properties pass
/// through to the outputs unchanged and outputs are deterministic.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Boxed, so that a value takes 24 bytes instead of 32: an object (three references) would set the
    /// size of every value, and each input feature holds one value per property.
    indirect case object(JSONObject)

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
///
/// Keys and values are kept in two arrays in file order, with a name → position index beside them.
/// Objects of the same shape (the features of one file, the rows of one table) share one keys array
/// and one index, so a feature costs its values only.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var keys: [String] = []
    /// The values, in the order of `keys`.
    public private(set) var values: [JSONValue] = []
    private var positions: [String: Int] = [:]

    public init() {}

    /// The object of `pairs` in their order; a later pair of the same key replaces the earlier one's value.
    public init(_ pairs: [(String, JSONValue)]) {
        reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// Room for `count` keys in all, so that adding keys up to it grows no array and rehashes no index.
    public mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    /// An object whose keys (unique) and index are those of `shape`, with `values` in their order.
    public init(shape: JSONObject, values: [JSONValue]) {
        precondition(values.count == shape.keys.count, "one value per key of the shape")
        keys = shape.keys
        positions = shape.positions
        self.values = values
    }

    /// The position of `key` in `keys`.
    public func position(of key: String) -> Int? { positions[key] }

    public subscript(key: String) -> JSONValue? {
        get { positions[key].map { values[$0] } }
        set {
            if let newValue {
                if let k = positions[key] {
                    values[k] = newValue
                } else {
                    positions[key] = keys.count
                    keys.append(key)
                    values.append(newValue)
                }
            } else if let k = positions.removeValue(forKey: key) {
                keys.remove(at: k)
                values.remove(at: k)
                for j in k..<keys.count { positions[keys[j]] = j }
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.keys == b.keys && a.values == b.values }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }

    /// Looks a key up ignoring case, so that `NAME`, `Name` and `name` all match `name`.
    public func value(forKeyIgnoringCase key: String) -> (key: String, value: JSONValue)? {
        if let k = positions[key] { return (key, values[k]) }
        let lower = key.lowercased()
        let lowerBytes = Array(lower.utf8)
        guard lowerBytes.allSatisfy({ $0 < 0x80 }) else {
            for (k, key) in keys.enumerated() where key.lowercased() == lower { return (key, values[k]) }
            return nil
        }
        // An ASCII key: a name that lowercases to it has as many characters, each of at most three
        // bytes (U+212A KELVIN SIGN lowercases to "k"); ASCII names are compared without lowercasing.
        let n = lowerBytes.count
        for (position, k) in keys.enumerated() {
            let count = k.utf8.count
            guard count >= n, count <= 3 * n else { continue }
            if count == n, k.utf8.allSatisfy({ $0 < 0x80 }) {
                if zip(k.utf8, lowerBytes).allSatisfy({ ($0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0)) == $1 }) {
                    return (k, values[position])
                }
            } else if k.lowercased() == lower {
                return (k, values[position])
            }
        }
        return nil
    }
}
