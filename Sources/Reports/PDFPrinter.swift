import Foundation
import GeoCore

/// Prints an HTML page to PDF with Debian's headless Chromium (`chromium-headless-shell`, or `chromium`):
/// A4 as the page's print stylesheet asks, without the browser's header and footer. The dates Chromium
/// stamps into the file are set to a fixed value of the same length, so that the same page gives the
/// same bytes.
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
        try AtomicFile.write(bytes, to: pdf)
    }

    /// Replaces the digits of every `/CreationDate (D:…)` and `/ModDate (D:…)` with zeros, keeping the length
    /// (and so every offset of the file's cross-reference table).
    static func fixDates(_ bytes: inout [UInt8]) {
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var i = 0
            while i + pattern.count < bytes.count {
                if bytes[i] == pattern[0] && Array(bytes[i..<i + pattern.count]) == pattern {
                    var k = i + pattern.count
                    while k < bytes.count && bytes[k] != UInt8(ascii: ")") {
                        if (0x30...0x39).contains(bytes[k]) { bytes[k] = 0x30 }
                        k += 1
                    }
                    i = k
                } else {
                    i += 1
                }
            }
        }
    }
}
