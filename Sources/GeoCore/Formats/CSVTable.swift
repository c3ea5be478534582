/// A delimited text table (RFC 4180 quoting) as real municipal files come: `,` or `;` separated
/// (detected from the header), UTF-8 with or without BOM, CRLF or LF line ends.
public struct CSVTable: Sendable {
    public var header: [String]
    /// Data rows; each has one field per header column (short rows are padded with "").
    public var rows: [[String]]
    public var delimiter: Character
    /// 1-based line number in the file of each data row, for error messages.
    public var lineNumbers: [Int]

    public static func parse(_ bytes: [UInt8], path: String) throws(UnreadableFile) -> CSVTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw UnreadableFile(path: path, reason: "not UTF-8 text")
        }
        if text.allSatisfy(\.isWhitespace) { throw UnreadableFile(path: path, reason: "the file is empty") }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter = Self.detectDelimiter(String(firstLine))
        var records: [[String]] = []
        var lines: [Int] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRecord() {
            record.append(field)
            field = ""
            if !(record.count == 1 && record[0].isEmpty) {
                records.append(record)
                lines.append(recordLine)
            }
            record = []
        }
        while let c = pending {
            pending = iterator.next()
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true
            case "\r": continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if Character(c) == delimiter { record.append(field); field = "" } else { field.unicodeScalars.append(c) }
            }
        }
        if inQuotes { throw UnreadableFile(path: path, reason: "line \(recordLine): a quoted field is never closed") }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        guard let header = records.first else { throw UnreadableFile(path: path, reason: "the file is empty") }
        let width = header.count
        let rows = records.dropFirst().map { r in r.count >= width ? r : r + Array(repeating: "", count: width - r.count) }
        return CSVTable(header: header.map { $0.trimmingWhitespace }, rows: Array(rows), delimiter: delimiter, lineNumbers: Array(lines.dropFirst()))
    }

    static func detectDelimiter(_ headerLine: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for c in headerLine {
            if c == "\"" { inQuotes.toggle() } else if !inQuotes, counts[c] != nil { counts[c]! += 1 }
        }
        return [";", ",", "\t"].max { counts[$0]! < counts[$1]! } ?? ","
    }

    /// Index of the first column whose name matches one of `names`, ignoring case.
    public func column(_ names: [String]) -> Int? {
        let lowered = header.map { $0.lowercased() }
        for n in names { if let i = lowered.firstIndex(of: n.lowercased()) { return i } }
        return nil
    }
}

/// Number parsing for values as real files write them: `51.96`, German decimal comma `51,96`,
/// surrounding spaces. Nil when the text is no number.
public enum DecimalText {
    public static func parse(_ text: String) -> Double? {
        let t = text.trimmingWhitespace
        guard !t.isEmpty else { return nil }
        if let v = Double(t) { return v }
        if t.filter({ $0 == "," }).count == 1, !t.contains(".") {
            return Double(String(t.map { $0 == "," ? "." : $0 }))
        }
        return nil
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
