/// An attribute column of a GeoPackage feature table.
public struct GeoPackageField: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case text = "TEXT"
        case real = "REAL"
        case integer = "INTEGER"
        case boolean = "BOOLEAN"
    }

    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The SQLite value a JSON value takes in this column.
    func sqliteValue(_ value: JSONValue) -> SQLiteValue {
        guard !value.isNull else { return .null }
        switch kind {
        case .text: return .text(value.text)
        case .real:
            if case .number(let n) = value { return n.isFinite ? .real(n) : .null }
            return DecimalText.parse(value.text).map { .real($0) } ?? .null
        case .integer:
            if case .number(let n) = value, let i = Int64(exactly: n.rounded()) { return .integer(i) }
            return Int64(value.text).map { .integer($0) } ?? .null
        case .boolean:
            if case .bool(let b) = value { return .integer(b ? 1 : 0) }
            return .null
        }
    }
}

func quoteIdentifier(_ name: String) -> String {
    "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
}
