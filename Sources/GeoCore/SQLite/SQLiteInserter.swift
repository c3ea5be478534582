/// Inserts rows into one table, many rows to a statement (`INSERT … VALUES (…), (…), …`): a statement's
/// own cost (its start and end, the bindings' reset, and for an AUTOINCREMENT table the update of its
/// sequence) is paid once for `rowsPerStatement` rows instead of once per row. The rows are inserted in
/// the order given, so the table (and the file) is the same as with one statement per row.
///
/// Rows wait until a statement's worth has come; `flush()` inserts the rest (one statement each) and
/// must be called before the table is read or the database closed. Not Sendable; belongs to its database.
final class SQLiteInserter {
    /// The rows one statement takes unless told otherwise. Sixteen take most of the gain: with 64 the
    /// buildings took 1 % fewer instructions, and a longer statement costs more to prepare
    /// (docs/performance.md, "Rows many to a statement"). A failing row is reported when its statement
    /// runs: by the insert that fills it, or by `flush()`.
    static let standardRowsPerStatement = 16

    private let database: SQLiteDatabase
    /// The statement's text up to its values, and the placeholders of one row.
    private let head: String
    private let row: String
    /// The statements for one row and for `rowsPerStatement` rows, prepared when first needed: a table of
    /// a few rows does not pay for parsing the long one.
    private var one: SQLiteStatement?
    private var many: SQLiteStatement?
    /// The values of one row.
    let width: Int
    let rowsPerStatement: Int
    /// The values of the rows not yet inserted (fewer than `rowsPerStatement`), row after row.
    private var pending = SQLiteRows()

    /// For `columns` (quoted names) of `table` (a quoted name).
    init(_ db: SQLiteDatabase, into table: String, columns: [String], rowsPerStatement: Int = standardRowsPerStatement)
    {
        width = columns.count
        precondition(width > 0)
        precondition(rowsPerStatement >= 1)
        self.rowsPerStatement = rowsPerStatement
        database = db
        head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        row = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
    }

    /// Adds the row whose values `fill` appends (exactly `width` of them, in the order of the columns);
    /// what `fill` returns is passed on.
    @discardableResult func insert<T>(_ fill: (inout SQLiteRows) -> T) throws -> T {
        // Worked on as a local variable (a property would be checked for exclusive access at every
        // append), and put back for the next row.
        var rows = SQLiteRows()
        swap(&rows, &pending)
        defer { swap(&rows, &pending) }
        let before = rows.count
        let result = fill(&rows)
        precondition(rows.count == before + width, "a row of \(width) values has \(rows.count - before)")
        if rows.count == width * rowsPerStatement {
            defer { rows.removeAll() }
            if many == nil {
                many = try database.prepare(
                    head + Array(repeating: row, count: rowsPerStatement).joined(separator: ", "))
            }
            try many!.run(rows, slots: 0..<rows.count)
        }
        return result
    }

    /// Inserts the rows still waiting, one statement each.
    func flush() throws {
        var start = 0
        while start < pending.count {
            if one == nil { one = try database.prepare(head + row) }
            try one!.run(pending, slots: start..<start + width)
            start += width
        }
        pending.removeAll()
    }
}
