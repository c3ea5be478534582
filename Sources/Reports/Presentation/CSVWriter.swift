import GeoCore
import Planning

/// Writes tables as RFC 4180 CSV: comma-separated (or `;` where asked), UTF-8, quoted where needed.
public enum CSVWriter {
    /// A field, quoted when it holds the separator, a quote or a line break.
    public static func field(_ s: String, separator: Character = ",") -> String {
        var out: [UInt8] = []
        appendField(s, separator: separator.asciiValue ?? 0x2C, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field(s)` appended as bytes; `separator` is the separator's (ASCII) byte.
    static func appendField(_ s: String, separator: UInt8, to out: inout [UInt8]) {
        // Native strings are contiguous UTF-8 (read in place); others are made so in a copy.
        if s.utf8.withContiguousStorageIfAvailable({ appendField(bytes: $0, separator: separator, to: &out) }) == nil {
            var s = s
            s.withUTF8 { appendField(bytes: $0, separator: separator, to: &out) }
        }
    }

    /// `appendField` of a string's UTF-8 bytes.
    static func appendField(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, to out: inout [UInt8]) {
        // The separators in use are ASCII: a scan of the bytes decides (Characters are slow to iterate).
        guard needsQuotes(bytes, separator: separator) else { return out.append(contentsOf: bytes) }
        out.append(0x22)
        for b in bytes {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    public static func table(header: [String], rows: [[String]], separator: Character = ",") -> String {
        ([header] + rows).map { $0.map { field($0, separator: separator) }.joined(separator: String(separator)) }
            .joined(separator: "\n") + "\n"
    }

    /// Writes a layer as a table of its fields; with `wktCRS`, the geometry as WKT in that CRS and the
    /// CRS itself (e.g. `EPSG:25832`) in two last columns, so that a reader knows what the coordinates are.
    /// German (`locale: .de`) is what a German spreadsheet opens as columns: `;`-separated, decimal commas,
    /// UTF-8 with a byte-order mark.
    public static func write(
        _ layer: OutputLayer, wktCRS: CRS?, locale: ReportLocale = .en, progress: (any ProgressObserver)? = nil,
        to path: String
    ) throws {
        try write(
            SharedRows(layer, readers: 1), reader: 0, wktCRS: wktCRS, locale: locale, progress: progress, to: path)
    }

    /// Writes the layer whose rows `rows` holds, reading them as `reader`.
    static func write(
        _ rows: SharedRows, reader: Int, wktCRS: CRS?, locale: ReportLocale = .en,
        progress: (any ProgressObserver)? = nil, to path: String
    ) throws {
        defer { rows.finish(reader: reader) }
        let layer = rows.layer
        // German column names where a field has a German alias (the QGIS aliases), else the field's name.
        let german = Dictionary(
            LayerStyles.aliases(layer.fields).map { ($0.field, $0.alias) }, uniquingKeysWith: { a, _ in a })
        let names = layer.fields.map { locale == .de ? german[$0.name] ?? $0.name : $0.name }
        let sink = try FileSink(path: path)
        let sep = locale.csvSeparator
        let joiner = String(sep)
        let crs = wktCRS.map { field($0.identifier, separator: sep) }
        try sink.write(
            (locale == .de ? "\u{FEFF}" : "")
                + (names + (wktCRS != nil ? ["wkt", "crs"] : [])).map { field($0, separator: sep) }.joined(
                    separator: joiner) + "\n")
        // The separators in use are ASCII: one byte, appended without an array to retain per cell.
        let separatorByte = sep.asciiValue!
        try streamFormatted(
            rows, reader: reader, progress: progress,
            { _, rows, capacity in
                var text: [UInt8] = []
                text.reserveCapacity(capacity)
                for r in rows {
                    // Values read in place from their buffer, their cells gathered in a batch on the stack.
                    withByteBatch(appendingTo: &text) { batch, text in
                        r.values.forEach { k, value in
                            if k > 0, batch.makeRoom(1, flushingInto: &text) { batch.put(separatorByte) }
                            if putCell(value, locale, separator: separatorByte, into: &batch, flushingInto: &text) {
                                return
                            }
                            batch.flush(into: &text)
                            appendCell(value, locale, separator: separatorByte, to: &text)
                        }
                    }
                    if let crs {
                        if !names.isEmpty { text.append(separatorByte) }
                        // WKT has no quote or line break: it is quoted where it holds the separator.
                        let start = text.count
                        try r.geometry?.appendWKT(decimals: 2, to: &text)
                        if text[start...].contains(separatorByte) {
                            text.insert(0x22, at: start)
                            text.append(0x22)
                        }
                        text.append(separatorByte)
                        text.append(contentsOf: crs.utf8)
                    }
                    text.append(0x0A)
                }
                return text
            }, write: sink.write)
        try sink.close()
    }

    /// Puts a value's cell as `appendCell` (quoted) writes it into `batch`, for a number `ByteBatch.putNumber`
    /// writes and a text that needs no quotes; false for anything else, and for what does not fit (nothing
    /// is then put).
    @inline(__always) static func putCell(
        _ value: FieldValues.Value, _ locale: ReportLocale, separator: UInt8, into batch: inout ByteBatch,
        flushingInto out: inout [UInt8]
    ) -> Bool {
        @inline(__always) func put(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !needsQuotes(bytes, separator: separator), batch.makeRoom(bytes.count, flushingInto: &out) else {
                return false
            }
            batch.put(bytes)
            return true
        }
        switch value {
        case .number(let n):
            // A German number with a comma separator is quoted: left to `appendCell`.
            guard !(locale == .de && separator == 0x2C), batch.makeRoom(ByteBatch.numberRoom, flushingInto: &out),
                let start = batch.putNumber(n)
            else { return false }
            if locale == .de { for i in start..<batch.count where batch[i] == 0x2E { batch[i] = 0x2C } }
            return true
        case .text(let bytes): return put(bytes)
        case .null: return true
        case .bool(let b):
            let text: StaticString = b ? "true" : "false"
            return text.withUTF8Buffer { put($0) }
        case .nested: return false
        }
    }

    /// Whether a field's bytes must be quoted: they hold the separator, a quote or a line break.
    @inline(__always) static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Bool {
        for b in bytes where b == separator || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }

    /// A value as a cell: numbers with the locale's decimal separator.
    static func cell(_ value: JSONValue, _ locale: ReportLocale) -> String {
        var out: [UInt8] = []
        FieldValues.Value.viewing(value) { appendCell($0, locale, separator: 0x2C, quoted: false, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A value as a cell's bytes, quoted (`quoted`) where it holds the separator (an ASCII byte), a quote or a
    /// line break.
    static func appendCell(
        _ value: FieldValues.Value, _ locale: ReportLocale, separator: UInt8, quoted: Bool = true, to out: inout [UInt8]
    ) {
        switch value {
        case .number(let n):
            // A number's text is ASCII with at most one point: in German it becomes the decimal comma
            // (in the bytes; Foundation's string replacement costs seconds over a city's buildings).
            let start = out.count
            JSONWriter.appendNumber(n, to: &out)
            if locale == .de, let point = out[start...].firstIndex(of: 0x2E) { out[point] = 0x2C }
            if quoted, locale == .de, separator == 0x2C {
                out.insert(0x22, at: start)
                out.append(0x22)
            }
        case .text(let bytes) where quoted: appendField(bytes: bytes, separator: separator, to: &out)
        case .text(let bytes): out.append(contentsOf: bytes)
        default:
            let text = value.jsonValue.text
            if quoted { appendField(text, separator: separator, to: &out) } else { out.append(utf8Of: text) }
        }
    }
}
