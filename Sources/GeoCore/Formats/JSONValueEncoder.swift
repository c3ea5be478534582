/// Encodes an `Encodable` value into a `JSONValue`, keeping object members in the order the value
/// encodes them (for synthesised conformances: the order of the stored properties), so that a typed
/// value serialises to the same bytes every time.
///
/// Optional members encode as `null` rather than being left out, so that a reader always finds every
/// key; integers become numbers; dictionaries are not supported (their order is not defined); use an
/// ordered type such as `OrderedMembers` instead.
public enum JSONValueEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let box = Box()
        try encodeValue(value, into: box, codingPath: [])
        return box.resolved
    }
}

/// The error of an unsupported value (a dictionary, a non-finite number).
public struct JSONValueEncodingError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot encode \(path.isEmpty ? "the value" : path) as JSON: \(reason)" }
}

/// An ordered list of named members, encoded as one JSON object in its order. A decoder does not
/// report the order of an object's members, so decoded members come back sorted by key.
public struct OrderedMembers<Value: Codable & Sendable>: Codable, Sendable {
    public var members: [(key: String, value: Value)]

    public init(_ members: [(key: String, value: Value)]) { self.members = members }

    public subscript(key: String) -> Value? { members.first { $0.key == key }?.value }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in members { try container.encode(value, forKey: Key(stringValue: key)) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        members = try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
            ($0.stringValue, try container.decode(Value.self, forKey: $0))
        }
    }
}

/// A slot that receives one encoded value.
private final class Box {
    var value: JSONValue = .null
    var object: [(String, Box)]?
    var array: [Box]?

    var resolved: JSONValue {
        if let object { return .object(JSONObject(object.map { ($0.0, $0.1.resolved) })) }
        if let array { return .array(array.map(\.resolved)) }
        return value
    }
}

private struct ValueEncoder: Encoder {
    let box: Box
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if box.object == nil { box.object = [] }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if box.array == nil { box.array = [] }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(box: box, codingPath: codingPath)
    }
}

private func pathText(_ path: [any CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
}

private func encodeValue<T: Encodable>(_ value: T, into box: Box, codingPath: [any CodingKey]) throws {
    switch value {
    case let v as Bool: box.value = .bool(v)
    case let v as String: box.value = .string(v)
    case let v as Double:
        guard v.isFinite else {
            throw JSONValueEncodingError(path: pathText(codingPath), reason: "\(v) is not a finite number")
        }
        box.value = .number(v)
    case let v as Int: box.value = .number(Double(v))
    case let v as Int64: box.value = .number(Double(v))
    default:
        if T.self is any _DictionaryMarker.Type {
            throw JSONValueEncodingError(
                path: pathText(codingPath), reason: "a dictionary has no defined order; use OrderedMembers")
        }
        try value.encode(to: ValueEncoder(box: box, codingPath: codingPath))
    }
}

private protocol _DictionaryMarker {}
extension Dictionary: _DictionaryMarker {}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: Box
    let codingPath: [any CodingKey]

    private func slot(_ key: Key) -> Box {
        let child = Box()
        box.object!.removeAll { $0.0 == key.stringValue }
        box.object!.append((key.stringValue, child))
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: slot(key), codingPath: codingPath + [key])
    }

    // Optionals are written as null, not left out.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = slot(key)
        child.object = []
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = slot(key)
        child.array = []
        return UnkeyedContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(box: slot(key), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: Box
    let codingPath: [any CodingKey]
    var count: Int { box.array!.count }

    private func slot() -> Box {
        let child = Box()
        box.array!.append(child)
        return child
    }

    mutating func encodeNil() throws { slot().value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(count)
        try encodeValue(value, into: slot(), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let key = IndexKey(count)
        let child = slot()
        child.object = []
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = IndexKey(count)
        let child = slot()
        child.array = []
        return UnkeyedContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(box: slot(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let box: Box
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: box, codingPath: codingPath) }
}
