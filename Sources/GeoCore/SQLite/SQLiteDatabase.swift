import CSQLite

/// A value in an SQLite column.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var text: String? {
        switch self {
        case .text(let s): s
        case .integer(let i): String(i)
        case .real(let d): String(d)
        default: nil
        }
    }

    public var integer: Int64? {
        switch self {
        case .integer(let i): i
        case .real(let d): Int64(exactly: d.rounded())
        case .text(let s): Int64(s)
        default: nil
        }
    }

    public var real: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        case .text(let s): Double(s)
        default: nil
        }
    }
}

/// An error from SQLite: its result code, SQLite's message and the statement (or file) it concerns.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The (extended) result code, e.g. 19 SQLITE_CONSTRAINT, 5 SQLITE_BUSY.
    public let code: Int32
    public let message: String
    /// The statement, shortened to 200 characters, or nil when the error concerns no statement.
    public let sql: String?
    /// The database file.
    public let path: String

    public init(code: Int32, message: String, sql: String?, path: String) {
        self.code = code
        self.message = message
        self.sql = sql.map { String($0.prefix(200)) }
        self.path = path
    }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        return "\(path): SQLite error \(code) (\(name)): \(message)\(sql.map { " in: \($0)" } ?? "")"
    }
}

/// A connection to an SQLite database file. Not Sendable: one per task.
public final class SQLiteDatabase {
    private var handle: OpaquePointer?
    public let path: String

    /// Opens (and with `create`, creates) the database at `path`.
    public init(path: String, readOnly: Bool = false, create: Bool = true) throws {
        self.path = path
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        // One task per connection (the type is not Sendable): SQLite need not lock it on every call.
        flags |= SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            handle = nil
            throw SQLiteError(code: rc, message: message, sql: nil, path: path)
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// The connection's last error, about `sql`.
    func lastError(sql: String?) -> SQLiteError {
        SQLiteError(
            code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql,
            path: path)
    }

    /// Runs one or more statements without results.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        guard rc == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql, path: path)
        }
    }

    /// Runs a statement once with the given parameters.
    public func execute(_ sql: String, _ parameters: [SQLiteValue]) throws {
        let statement = try prepare(sql)
        try statement.run(parameters)
    }

    /// All rows of a query.
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        var rows: [[SQLiteValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw lastError(sql: sql) }
        return SQLiteStatement(database: self, handle: stmt, sql: sql)
    }

    var rawHandle: OpaquePointer? { handle }
}

/// A prepared statement. Not Sendable; belongs to its database.
public final class SQLiteStatement {
    private let database: SQLiteDatabase
    private let handle: OpaquePointer
    /// The statement's text, for errors.
    public let sql: String

    init(database: SQLiteDatabase, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds `parameters` to positions 1, 2, …; positions after them are unbound (NULL).
    public func bind(_ parameters: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        if parameters.count < parameterCount { sqlite3_clear_bindings(handle) }
        for (i, p) in parameters.enumerated() { try bind(p, at: i + 1) }
    }

    /// The number of parameters the statement takes.
    public private(set) lazy var parameterCount = Int(sqlite3_bind_parameter_count(handle))

    /// Binds one parameter (`position` from 1); a non-finite real binds NULL. Text is bound by its
    /// UTF-8 bytes and length, text and blobs copied by SQLite.
    public func bind(_ value: SQLiteValue, at position: Int) throws {
        var row = SQLiteRows()
        row.append(value)
        try row.bytes.withUnsafeBufferPointer { bytes in
            try bind(row.slots[0], from: bytes, at: Int32(position), copied: true)
        }
    }

    /// Runs the statement once with the values of `slots` of `rows` bound to positions 1, 2, …, then
    /// resets it. Texts and blobs are bound from the rows' byte buffer, which lives through the run
    /// (`SQLITE_STATIC`), so SQLite does not copy each of them first: for statements run once per row of a
    /// large table. A non-finite real binds NULL. `slots` covers every parameter of the statement, so each
    /// run binds over all of the last run's values and they are not cleared after it (a reset statement
    /// does not read them; clearing them cost as much again as releasing them in the next bind).
    func run(_ rows: SQLiteRows, slots: Range<Int>) throws {
        precondition(slots.count == Int(sqlite3_bind_parameter_count(handle)), "every parameter is bound on a run")
        try rows.bytes.withUnsafeBufferPointer { bytes in
            defer { sqlite3_reset(handle) }
            try rows.slots.withUnsafeBufferPointer { values in
                for k in slots { try bind(values[k], from: bytes, at: Int32(k - slots.lowerBound + 1), copied: false) }
            }
            while try step() {}
        }
    }

    /// Binds one value, its text or blob read from `bytes`: copied by SQLite, or used in place until the
    /// statement is reset (then `bytes` must live as long). A non-finite real binds NULL.
    @inline(__always) private func bind(
        _ value: SQLiteRows.Slot, from bytes: UnsafeBufferPointer<UInt8>, at index: Int32, copied: Bool
    ) throws {
        let destructor = copied ? Self.transient : nil
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = v.isFinite ? sqlite3_bind_double(handle, index, v) : sqlite3_bind_null(handle, index)
        case .text(let start, let count):
            // A nil pointer would bind NULL: empty text is bound from a literal.
            rc =
                count == 0
                ? sqlite3_bind_text(handle, index, "", 0, destructor)
                : UnsafeRawPointer(bytes.baseAddress! + start).withMemoryRebound(to: CChar.self, capacity: count) {
                    sqlite3_bind_text(handle, index, $0, Int32(count), destructor)
                }
        case .blob(let start, let count):
            // A blob bound from no address would be NULL.
            rc =
                count == 0
                ? sqlite3_bind_zeroblob(handle, index, 0)
                : sqlite3_bind_blob(handle, index, bytes.baseAddress! + start, Int32(count), destructor)
        }
        guard rc == SQLITE_OK else {
            throw SQLiteError(code: rc, message: "cannot bind parameter \(index)", sql: sql, path: database.path)
        }
    }

    /// Runs the statement once with the parameters bound since the last run, then resets it (bindings stay).
    public func runBound() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Steps once; true while there is a row.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.lastError(sql: sql)
        }
    }

    public func run(_ parameters: [SQLiteValue]) throws {
        try bind(parameters)
        while try step() {}
    }

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public func columnName(_ i: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(i))) }

    public func value(_ i: Int) -> SQLiteValue {
        let c = Int32(i)
        switch sqlite3_column_type(handle, c) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, c))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, c))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, c)))
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, c))
            guard n > 0, let p = sqlite3_column_blob(handle, c) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
        default: return .null
        }
    }

    public func row() -> [SQLiteValue] { (0..<columnCount).map(value) }
}
