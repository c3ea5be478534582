/// A delimited text table (RFC 4180 quoting) as real municipal files come: `,` or `;` separated
/// (detected from the header), UTF-8 with or without BOM, CRLF or LF line ends.
public struct CSVTable: Sendable {
    public var header: [String]
    /// Data rows; each has one field per header column (short rows are padded with "").
    public var rows: [[String]]
    public var delimiter: Character
    /// 1-based line number in the file of each data row, for error messages.
    public var lineNumbers: [Int]
    /// The number of fields each data row had in the file (rows are padded or cut to the header's width).
    public var fieldCounts: [Int]

    public static func parse(_ bytes: [UInt8], path: String) throws(UnreadableFile) -> CSVTable {
        var begin = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { begin = 3 }
        if let position = TextScreening.invalidUTF8(bytes, from: begin) {
            throw UnreadableFile(
                path: path, reason: "not UTF-8 text: invalid UTF-8 at \(position) (save the file as UTF-8)")
        }
        if bytes[begin...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw UnreadableFile(path: path, reason: "the file is empty")
        }
        let lineEnd = bytes[begin...].firstIndex(of: 0x0A) ?? bytes.count
        let delimiter = Self.detectDelimiter(String(decoding: bytes[begin..<lineEnd], as: UTF8.self))
        let d = delimiter.asciiValue ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\"")
        let newline: UInt8 = 0x0A
        let carriage: UInt8 = 0x0D
        var records = Records()
        // The text of a field that is quoted, or that a carriage return interrupts; any other field's text is
        // made straight from the file's bytes.
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        bytes.withUnsafeBufferPointer { p in
            var i = begin
            while i < p.count {
                let c = p[i]
                i += 1
                if inQuotes {
                    if c == quote {
                        if i < p.count && p[i] == quote {
                            field.append(quote)
                            i += 1
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if c == newline { line += 1 }
                        field.append(c)
                    }
                    continue
                }
                switch c {
                case quote where field.isEmpty: inQuotes = true
                case carriage: continue
                case newline:
                    records.add(field: &field)
                    records.endRecord(line: recordLine)
                    line += 1
                    recordLine = line
                case d: records.add(field: &field)
                default:
                    // The rest of the run up to the next delimiter or line end is taken at once (a quote
                    // inside an unquoted field is text).
                    var end = i
                    while end < p.count, p[end] != d, p[end] != newline, p[end] != carriage { end += 1 }
                    if field.isEmpty, end < p.count, p[end] != carriage {
                        // A whole field: its text from the bytes in place, then its delimiter or line end.
                        records.record.append(
                            String(decoding: UnsafeBufferPointer(rebasing: p[(i - 1)..<end]), as: UTF8.self))
                        i = end + 1
                        if p[end] == newline {
                            records.endRecord(line: recordLine)
                            line += 1
                            recordLine = line
                        }
                    } else {
                        field.append(c)
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<end]))
                        i = end
                    }
                }
            }
        }
        if inQuotes { throw UnreadableFile(path: path, reason: "line \(recordLine): a quoted field is never closed") }
        if !field.isEmpty || !records.record.isEmpty {
            records.add(field: &field)
            records.endRecord(line: recordLine)
        }
        guard let header = records.records.first else { throw UnreadableFile(path: path, reason: "the file is empty") }
        let width = records.width
        let counts = records.records.dropFirst().map { $0.count }
        let rows = records.records.dropFirst().map { r in
            r.count >= width ? r : r + Array(repeating: "", count: width - r.count)
        }
        return CSVTable(
            header: header.map { $0.trimmingWhitespace }, rows: Array(rows), delimiter: delimiter,
            lineNumbers: Array(records.lines.dropFirst()), fieldCounts: Array(counts))
    }

    /// The records read so far and the one being read.
    private struct Records {
        var records: [[String]] = []
        /// The line each record starts on.
        var lines: [Int] = []
        var record: [String] = []
        /// The header's number of fields: each record is made with room for as many.
        var width = 0

        /// Adds the field whose text is `field`, and empties it for the next.
        mutating func add(field: inout [UInt8]) {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        /// Ends the record that started on `line`; a line with one empty field is no record.
        mutating func endRecord(line: Int) {
            if !(record.count == 1 && record[0].isEmpty) {
                if records.isEmpty { width = record.count }
                records.append(record)
                lines.append(line)
            }
            record = []
            record.reserveCapacity(width)
        }
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
        if let v = text.utf8.withContiguousStorageIfAvailable(plain) ?? nil { return v }
        let t = text.trimmingWhitespace
        guard !t.isEmpty else { return nil }
        if let v = Double(t) { return v }
        if t.filter({ $0 == "," }).count == 1, !t.contains(".") {
            return Double(String(t.map { $0 == "," ? "." : $0 }))
        }
        return nil
    }

    /// `-?digits(.digits)?` read on the fast path of `exact`, else nil: the value `Double(text)` gives,
    /// without its general parser.
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let (value, end) = leading(bytes, from: 0), end == bytes.count else { return nil }
        return value
    }

    /// The decimal `-?digits(.digits)?` that starts at `start`, not followed by an exponent, and the index
    /// past it, where the fast path of `exact` reads it (in one pass over the bytes in place); nil for any
    /// other text, which a general parser then reads.
    @inline(__always) static func leading(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (value: Double, end: Int)? {
        var i = start
        let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let first = i
        var mantissa: UInt64 = 0
        while i < bytes.count, bytes[i] &- 0x30 <= 9 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 0x30)
            i += 1
        }
        guard i > first else { return nil }
        var places = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fraction = i
            while i < bytes.count, bytes[i] &- 0x30 <= 9 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 0x30)
                i += 1
            }
            places = i - fraction
            guard places > 0 else { return nil }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") { return nil }
        // The significant digits are those from the first non-zero one on; the zeros before it are
        // counted only where the digits are too many without them.
        var significant = i - first - (places > 0 ? 1 : 0)
        if significant > 15 {
            var k = first
            while k < i, bytes[k] == UInt8(ascii: "0") || bytes[k] == UInt8(ascii: ".") {
                if bytes[k] == UInt8(ascii: "0") { significant -= 1 }
                k += 1
            }
        }
        return exact(mantissa, significant: significant, places: places, negative: negative).map { ($0, i) }
    }

    /// ±mantissa / 10^places where that is exact arithmetic on exact doubles, correctly rounded (at most 15
    /// significant digits and 22 places, Clinger's fast path); nil otherwise.
    static func exact(_ mantissa: UInt64, significant: Int, places: Int, negative: Bool) -> Double? {
        guard significant <= 15, places <= 22 else { return nil }
        let value = Double(mantissa) / exactPowersOfTen[places]
        return negative ? -value : value
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { v, _ in v * 10 } }
}

extension String {
    /// The text without leading and trailing whitespace (a fast, Foundation-free trim).
    public var trimmingWhitespace: String {
        // Most values start and end with a printable ASCII character: nothing to trim, no Character walk.
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            guard let head = bytes.first, let tail = bytes.last else { return false }
            return (0x21...0x7E).contains(head) && (0x21...0x7E).contains(tail)
        }
        if plain == true { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }

    /// Whether the text is empty or whitespace only (`trimmingWhitespace.isEmpty`, without making the
    /// trimmed text).
    public var isBlank: Bool {
        let printableFirst = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.first.map { (0x21...0x7E).contains($0) } ?? false
        }
        return printableFirst == true ? false : allSatisfy(\.isWhitespace)
    }
}
