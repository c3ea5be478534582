import Foundation

/// Checks on the bytes of a text file before it is parsed: is it text at all, and is it valid UTF-8.
public enum TextScreening {
    /// How many leading bytes are looked at to tell a text file from a binary one.
    public static let sniffLength = 65_536

    /// Why `head` (the first bytes of a file that claims to be `format`) is plainly not that text format;
    /// nil when it may be.
    public static func binaryProblem(_ head: [UInt8], format: String) -> String? {
        if let nul = head.firstIndex(of: 0) {
            return "not \(format) text: it holds binary data (a NUL byte at byte \(nul + 1))"
        }
        return nil
    }

    /// The position of the first byte that is not valid UTF-8, as "line L, column C", or nil when all
    /// of `bytes` is valid UTF-8.
    public static func invalidUTF8(_ bytes: [UInt8]) -> String? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        // Find the first offending byte, then its line and column (columns count characters).
        var i = 0
        var line = 1
        var column = 1
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return "line \(line), column \(column) (byte 0x\(String(b, radix: 16, uppercase: true)))"
            }
            if length > 1 {
                guard i + length <= bytes.count, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
                else { return "line \(line), column \(column) (byte 0x\(String(b, radix: 16, uppercase: true)))" }
            }
            if b == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        return "an incomplete character at the end"
    }
}
