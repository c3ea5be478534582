import Foundation
import Testing
import TestSupport

/// The house style that a machine can check: Swift lines within 120 characters.
@Suite struct SourceStyleTests {
    @Test func swiftLinesFitIn120Columns() throws {
        var long: [String] = []
        for folder in ["Sources", "Tests", "tools"] {
            let base = Fixtures.root + "/" + folder
            let files = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: base + "/" + file, encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.count > 120 {
                    long.append("\(folder)/\(file):\(n + 1) (\(line.count))")
                }
            }
        }
        #expect(long.isEmpty, "lines over 120 characters: \(long.prefix(20).joined(separator: ", "))")
    }
}
