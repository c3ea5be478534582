import Foundation
import GeoCore
import TestSupport
import Testing

@testable import Reports

@Suite struct CSVWriterTests {
    /// A layer's rows, whose cells are gathered in batches, are the cells `appendCell` writes one by one,
    /// in both locales: numbers written from their digits and others (0.1 + 0.2, 1e20, NaN), texts that
    /// need quotes (the separators, a quote, a line break) and texts longer than a batch, null and booleans.
    @Test func batchedRowsAreTheCellsOneByOne() throws {
        var g = SplitMix64(state: 31)
        let texts = ["Straße 7", "a,b", "a;b", "say \"hi\"", "two\nlines", "", String(repeating: "x", count: 1500)]
        func value() -> JSONValue {
            switch g.below(6) {
            case 0: return .number(Double(Int(g.next() % 2_000_001) - 1_000_000) / 100)
            case 1: return .number([0.1 + 0.2, 1e20, .nan, 7, -0.0][g.below(5)])
            case 2, 3: return .string(texts[g.below(texts.count)])
            case 4: return .null
            default: return .bool(g.below(2) == 0)
            }
        }
        let fields = (0..<40).map { GeoPackageField("f\($0)", .text) }
        let rows = (0..<300).map { _ in (0..<fields.count).map { _ in value() } }
        for locale in ReportLocale.allCases {
            let layer = OutputLayer(
                name: "cells", geometryType: "POINT", fields: fields, count: rows.count, description: "cells"
            ) { OutputRow(geometry: nil, values: FieldValues(rows[$0])) }
            let path = Fixtures.temporaryDirectory() + "/cells.csv"
            try CSVWriter.write(layer, wktCRS: nil, locale: locale, to: path)
            let separator = locale.csvSeparator.asciiValue!
            var expected = Array(
                ((locale == .de ? "\u{FEFF}" : "") + fields.map(\.name).joined(separator: String(locale.csvSeparator))
                    + "\n").utf8)
            for row in rows {
                for (k, v) in row.enumerated() {
                    if k > 0 { expected.append(separator) }
                    FieldValues.Value.viewing(v) {
                        CSVWriter.appendCell($0, locale, separator: separator, to: &expected)
                    }
                }
                expected.append(0x0A)
            }
            let written = try #require(FileManager.default.contents(atPath: path))
            #expect(Array(written) == expected, "\(locale)")
        }
    }
}
