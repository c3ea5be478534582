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

    /// The position of the first byte from `start` on that is not valid UTF-8, as "line L, column C"
    /// counted from `start`, or nil when all of `bytes[start...]` is valid UTF-8.
    public static func invalidUTF8(_ bytes: [UInt8], from start: Int = 0) -> String? {
        if isValidUTF8(bytes, from: start) { return nil }
        // Find the first offending byte, then its line and column (columns count characters).
        var i = start
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

    /// Whether `bytes[start...]` is valid UTF-8. ASCII is skipped eight bytes at a time; each run of
    /// non-ASCII bytes is checked on its own, which is exact because every byte of a multi-byte
    /// character is non-ASCII and an ASCII byte always ends one.
    static func isValidUTF8(_ bytes: [UInt8], from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = start
            while i < count {
                if i + 8 <= count,
                    UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                        == 0
                {
                    i += 8
                    continue
                }
                if buffer[i] < 0x80 {
                    i += 1
                    continue
                }
                var end = i + 1
                while end < count, buffer[end] >= 0x80 { end += 1 }
                guard String(validating: UnsafeBufferPointer(rebasing: buffer[i..<end]), as: UTF8.self) != nil else {
                    return false
                }
                i = end
            }
            return true
        }
    }
}
