/// An attribute column of a GeoPackage feature table.
public struct GeoPackageField: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case text = "TEXT"
        case real = "REAL"
        case integer = "INTEGER"
        case boolean = "BOOLEAN"

        /// Appends the SQLite value a field's value takes in a column of this kind: a text for a text column
        /// (a number, boolean or nested value as its `JSONValue.text`), a number for a number column (a text
        /// read as one, else NULL), 1 or 0 for a boolean; NULL for null. On the kind rather than the field, so
        /// that a row's values are appended without a copy of each field's name.
        @inline(__always) func append(_ value: FieldValues.Value, to row: inout SQLiteRows) {
            if case .null = value { return row.appendNull() }
            switch self {
            case .text:
                if case .text(let text) = value { row.appendText(text) } else { row.appendText(value.jsonValue.text) }
            case .real:
                if case .number(let n) = value { return n.isFinite ? row.append(n) : row.appendNull() }
                if let n = DecimalText.parse(value.jsonValue.text) { row.append(n) } else { row.appendNull() }
            case .integer:
                if case .number(let n) = value, let i = Int64(exactly: n.rounded()) { return row.append(i) }
                if let i = Int64(value.jsonValue.text) { row.append(i) } else { row.appendNull() }
            case .boolean: if case .bool(let b) = value { row.append(Int64(b ? 1 : 0)) } else { row.appendNull() }
            }
        }
    }

    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }

}

func quoteIdentifier(_ name: String) -> String {
    "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
}
