import Foundation
import GeoCore

/// Prints an HTML page to PDF with Debian's headless Chromium (`chromium-headless-shell`, or `chromium`):
/// A4 as the page's print stylesheet asks, without the browser's header and footer. The dates Chromium
/// stamps into the file are set to a fixed value of the same length, and the ids of its structure tree are
/// renumbered, so that the same page gives the same bytes.
public enum PDFPrinter {
    /// The browser to print with: the first of these on the PATH.
    static let browsers = ["chromium-headless-shell", "chromium", "chromium-browser"]

    static func browser() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in browsers {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }

    /// - Throws: `FileWriteError` when no browser is installed or it fails.
    public static func print(html: String, to pdf: String) throws {
        guard let browser = browser() else {
            throw FileWriteError(
                path: pdf,
                reason: "no headless Chromium to print the PDF (install Debian's chromium-headless-shell, or leave the "
                    + "PDF out with --no-pdf)")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gigaplan-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile.path)",
            "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw FileWriteError(path: pdf, reason: "cannot start \(browser): \(error)") }
        process.waitUntilExit()
        guard process.terminationStatus == 0, var bytes = FileManager.default.contents(atPath: pdf).map({ [UInt8]($0) })
        else {
            throw FileWriteError(
                path: pdf, reason: "\(browser) could not print the page (exit \(process.terminationStatus))")
        }
        fixDates(&bytes)
        renumberNodeIDs(&bytes)
        try AtomicFile.write(bytes, to: pdf)
    }

    /// Replaces the digits of every `/CreationDate (D:…)` and `/ModDate (D:…)` with zeros, keeping the length
    /// (and so every offset of the file's cross-reference table).
    static func fixDates(_ bytes: inout [UInt8]) {
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            for start in ends(of: key, in: bytes) {
                var k = start
                while k < bytes.count && bytes[k] != UInt8(ascii: ")") {
                    if (0x30...0x39).contains(bytes[k]) { bytes[k] = 0x30 }
                    k += 1
                }
            }
        }
    }

    /// Where each occurrence of `pattern` in `bytes` ends (the index just after it), in order.
    static func ends(of pattern: String, in bytes: [UInt8]) -> [Int] {
        let pattern = Array(pattern.utf8)
        var ends: [Int] = []
        var i = 0
        while i + pattern.count < bytes.count {
            if bytes[i] == pattern[0] && bytes[i..<i + pattern.count].elementsEqual(pattern) {
                i += pattern.count
                ends.append(i)
            } else {
                i += 1
            }
        }
        return ends
    }

    /// Renumbers the ids of the tagged PDF's structure elements, `(node00000080)`: Chromium takes them from
    /// its DOM node ids, which count every node the browser made before, so that under load one print
    /// can number them one higher than another. Each id becomes its rank among the file's ids (from 0), written
    /// with the same number of digits: the references (`/Headers`) still meet their elements, the id
    /// tree stays sorted, and every offset of the cross-reference table stays.
    static func renumberNodeIDs(_ bytes: inout [UInt8]) {
        var found: [(digits: Range<Int>, value: Int)] = []
        for start in ends(of: "(node", in: bytes) {
            var k = start
            var value = 0
            while k < bytes.count, (0x30...0x39).contains(bytes[k]), k - start < 18 {
                value = value * 10 + Int(bytes[k] - 0x30)
                k += 1
            }
            if k > start, k < bytes.count, bytes[k] == UInt8(ascii: ")") { found.append((start..<k, value)) }
        }
        // The k-th smallest of distinct numbers from 0 is at least k: a rank never needs more digits.
        let rank = Dictionary(uniqueKeysWithValues: Set(found.map(\.value)).sorted().enumerated().map { ($1, $0) })
        for (digits, value) in found {
            let text = Array(String(rank[value]!).utf8)
            bytes.replaceSubrange(
                digits, with: Array(repeating: UInt8(ascii: "0"), count: digits.count - text.count) + text)
        }
    }
}
