import Foundation
import TestSupport
import Testing

@testable import GeoCore

/// Rows bound from one buffer without copies (`SQLiteRows`, `run(_:slots:)`) against the same rows bound
/// one value at a time and copied by SQLite (`execute(_:_:)`): every value, its type and its bytes. The
/// rows share one buffer and are run one at a time from its middle, so each must find its own bytes.
@Suite struct SQLiteBindingTests {
    @Test func rowsBoundFromOneBufferAreStoredAsBound() throws {
        let db = try SQLiteDatabase(path: Fixtures.temporaryDirectory() + "/binding.sqlite")
        try db.execute("CREATE TABLE a (t TEXT, b BLOB, r REAL, i INTEGER, n TEXT, e TEXT)")
        try db.execute("CREATE TABLE b (t TEXT, b BLOB, r REAL, i INTEGER, n TEXT, e TEXT)")
        let insert = try db.prepare("INSERT INTO a VALUES (?, ?, ?, ?, ?, ?)")
        var g = SplitMix64(state: 3)
        var rows = SQLiteRows()
        let words = ["", "a", "Münster", "Straße 12b", "\"quoted\"", String(repeating: "x", count: 300), "€ und ✓"]
        for k in 0..<500 {
            let blob = (0..<Int(g.below(40))).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            let real: Double = k % 50 == 0 ? .nan : (g.unit() - 0.5) * 1e6
            let row: [SQLiteValue] = [
                .text(words[Int(g.below(words.count))] + String(k)), .blob(blob), .real(real),
                .integer(Int64(bitPattern: g.next())), .null, .text(words[Int(g.below(words.count))]),
            ]
            for value in row { rows.append(value) }
            try db.execute("INSERT INTO b VALUES (?, ?, ?, ?, ?, ?)", row)
        }
        for k in 0..<500 { try insert.run(rows, slots: 6 * k..<6 * k + 6) }
        let columns = "t, b, r, i, n, e, typeof(t), typeof(b), typeof(r), typeof(i), typeof(n), typeof(e)"
        let a = try db.query("SELECT \(columns) FROM a ORDER BY rowid")
        let b = try db.query("SELECT \(columns) FROM b ORDER BY rowid")
        #expect(a.count == 500)
        #expect(a == b)
        // Empty blobs are blobs (not NULL), empty texts are texts, non-finite reals NULL.
        #expect(try db.query("SELECT count(*) FROM a WHERE typeof(b) = 'blob'").first?.first?.integer == 500)
        #expect(try db.query("SELECT count(*) FROM a WHERE typeof(r) = 'null'").first?.first?.integer == 10)
    }
}
