import Foundation
import TestSupport
import Testing

@testable import Reports

@Suite struct SHA256Tests {
    /// Every message length from 0 to 200 bytes (one and two padding blocks, the 55/56- and 63/64-byte
    /// edges), a message of 1 MiB + 7 bytes and one read from a slice of larger data, against
    /// coreutils' `sha256sum`.
    @Test func matchesSha256sum() throws {
        var generator = SystemRandomNumberGenerator()
        var messages: [Data] = (0...200).map { n in
            Data((0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        messages.append(Data((0..<(1 << 20) + 7).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }))
        let files = messages.enumerated().map { Fixtures.file("m\($0.offset)", bytes: [UInt8]($0.element)) }
        // One sha256sum call for all files: its lines are "<hex>  <path>" in the order given.
        let r = try Fixtures.run("/usr/bin/sha256sum", files)
        #expect(r.status == 0)
        let expected = r.stdout.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(expected.count == messages.count)
        for (i, message) in messages.enumerated() where i < expected.count {
            #expect(SHA256.hex(message) == expected[i], "message of \(message.count) bytes")
            #expect(SHA256.hex(ofFileAt: files[i]) == expected[i], "file of \(message.count) bytes")
            // Both compression functions where the SHA extensions exist, else the portable one twice.
            for accelerated in [false, SHA256.accelerated] {
                var state = SHA256.State(accelerated: accelerated)
                message.withUnsafeBytes { state.update($0) }
                #expect(state.finish() == expected[i], "message of \(message.count) bytes, accelerated \(accelerated)")
            }
        }
        // Parts of every size, across block edges, give the hash of the whole.
        let whole = messages[messages.count - 1]
        for size in [1, 7, 63, 64, 65, 1000] {
            var state = SHA256.State(accelerated: size % 2 == 1 && SHA256.accelerated)
            var offset = 0
            while offset < whole.count {
                let end = min(whole.count, offset + size + offset % 3)
                whole[offset..<end].withUnsafeBytes { state.update($0) }
                offset = end
            }
            #expect(state.finish() == expected[messages.count - 1], "parts of \(size) bytes")
        }
        #expect(SHA256.hex(ofFileAt: "/nonexistent/gigaplan") == nil)
        // A slice of Data starts at its own index: the same hash as a copy of it.
        let large = messages[messages.count - 1]
        let slice = large[3..<large.count - 4]
        #expect(SHA256.hex(slice) == SHA256.hex(Data(Array(slice))))
    }

    /// The SHA extensions are used exactly where the kernel lists them (`sha_ni`, with `ssse3` and
    /// `sse4_1`) among the processor's flags, so that the accelerated path above is the one tested here.
    @Test func usesTheSHAExtensionsWhereTheProcessorHasThem() throws {
        #if arch(x86_64) && os(Linux)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flagsLine = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        #expect(SHA256.accelerated == flags.isSuperset(of: ["sha_ni", "ssse3", "sse4_1"]))
        #else
        #expect(!SHA256.accelerated)
        #endif
    }

    /// FIPS 180-2 appendix B.1 and B.2: "abc" and the 448-bit message.
    @Test func standardExamples() {
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
