import Testing

@testable import Reports

/// What `PDFPrinter` changes in the bytes Chromium prints, so that the same page gives the same file.
@Suite struct PDFPrinterTests {
    /// A structure tree as Chromium writes it: elements with ids, a table cell naming its header cell by
    /// id, and the sorted id tree.
    static func tree(_ ids: [Int]) -> [UInt8] {
        func id(_ n: Int) -> String {
            let digits = String(n)
            return "(node" + String(repeating: "0", count: 8 - digits.count) + digits + ")"
        }
        var text = "%PDF-1.4\n"
        for (k, n) in ids.enumerated() {
            text += "\(k + 10) 0 obj\n<</Type /StructElem /S /TH /ID \(id(n))>>\nendobj\n"
            text += "\(k + 50) 0 obj\n<</Type /StructElem /S /TD /A [<</O /Table /Headers [\(id(n))]>>]>>\nendobj\n"
        }
        text += "90 0 obj\n<</Names [" + ids.enumerated().map { "\(id($1)) \($0 + 10) 0 R" }.joined(separator: " ")
        return Array((text + "]>>\nendobj\n(nodes) (node12x) (node)\n").utf8)
    }

    @Test func idsCountedFromAnotherStartGiveTheSameBytes() {
        // One print numbered every id one higher, another skipped a number in the middle.
        var a = Self.tree([80, 83, 86, 89, 92])
        var b = Self.tree([81, 84, 87, 90, 93])
        var c = Self.tree([80, 83, 87, 90, 93])
        let length = a.count
        #expect(a != b)
        PDFPrinter.renumberNodeIDs(&a)
        PDFPrinter.renumberNodeIDs(&b)
        PDFPrinter.renumberNodeIDs(&c)
        #expect(a == b)
        #expect(a == c)
        // Same length (the cross-reference offsets hold), ids by rank, references and the sorted id tree kept.
        #expect(a.count == length)
        #expect(a == Self.tree([0, 1, 2, 3, 4]))
        // Text that only looks like an id is left alone.
        #expect(String(decoding: a, as: UTF8.self).hasSuffix("(nodes) (node12x) (node)\n"))
    }
}
