/// The properties of an input feature, kept to be passed through to the outputs (the `src_*` columns) and
/// read now and then by name. A building holds them from loading to the last writer, so they are packed:
/// the keys are shared with the other features of the file (`JSONObject` shares them), and the values
/// lie in one byte buffer (`FieldValues`).
///
/// A million buildings with a dozen properties each hold about 150 bytes apiece this way, against 330
/// as a `JSONObject` (24 bytes per value plus the array).
public struct SourceProperties: Sendable, Hashable {
    /// The property names, in file order.
    public let keys: [String]
    /// The values, in the order of `keys`.
    public let fieldValues: FieldValues

    public init() {
        keys = []
        fieldValues = FieldValues()
    }

    public init(_ object: JSONObject) {
        keys = object.keys
        fieldValues = FieldValues(object.values)
    }

    public var count: Int { keys.count }

    /// The values, in the order of `keys`.
    public var values: [JSONValue] { fieldValues.jsonValues }

    /// The values as text, in the order of `keys`: each value's `JSONValue.text` as a string, and null where
    /// the value is null (the form of the `src_*` columns).
    public var texts: [JSONValue] {
        var text = FieldValues.Builder(capacity: 0)
        fieldValues.forEach { _, value in text.appendAsText(value) }
        return text.finish().jsonValues
    }

    /// The value of property `key`, nil when the feature has none of that name.
    public subscript(key: String) -> JSONValue? {
        guard let position = keys.firstIndex(of: key) else { return nil }
        return fieldValues[position]
    }
}
