import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), for the input file hashes in the history store. Blocks are compressed by the
/// processor's SHA extensions where it has them (`CSHA256`), else by `compress` below.
public enum SHA256 {
    /// Whether this processor has the SHA extensions.
    static let accelerated = gigaplan_sha256_accelerated() != 0

    /// The round constants K₀…K₆₃ (FIPS 180-4 § 4.2.2).
    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The hash of `data` as 64 lower-case hex digits.
    public static func hex(_ data: Data) -> String {
        var state = State()
        data.withUnsafeBytes { state.update($0) }
        return state.finish()
    }

    /// The hash of the file at `path`, read 1 MiB at a time (a file of any size takes no more memory);
    /// nil when it cannot be opened or read.
    public static func hex(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var state = State()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { return nil }
            // No data (nil or empty) at the end of the file.
            guard let chunk, !chunk.isEmpty else { break }
            chunk.withUnsafeBytes { state.update($0) }
        }
        return state.finish()
    }

    /// The hash of a message given in parts: the hash value, the bytes of an unfinished block and the
    /// message length so far.
    struct State {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        var pending: [UInt8] = []
        var length = 0
        /// Whether blocks go to the SHA extensions; false only to test `compress` where they exist.
        let accelerated: Bool

        init(accelerated: Bool = SHA256.accelerated) { self.accelerated = accelerated }

        /// Adds bytes to the message: whole blocks are compressed straight from `bytes`.
        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            length += bytes.count
            var offset = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<take])
                offset = take
                guard pending.count == 64 else { return }
                let block = pending
                block.withUnsafeBytes { compressAll($0) }
                pending.removeAll(keepingCapacity: true)
            }
            let whole = offset + (bytes.count - offset) / 64 * 64
            compressAll(UnsafeRawBufferPointer(rebasing: bytes[offset..<whole]))
            pending.append(contentsOf: bytes[whole...])
        }

        /// The padded tail (§ 5.1.1: the byte 0x80, zeros and the length in bits, big-endian) and the
        /// hash value as hex digits.
        mutating func finish() -> String {
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let bitLength = UInt64(length) &* 8
            for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
            tail.withUnsafeBytes { compressAll($0) }
            return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].map { String(format: "%08x", $0) }.joined()
        }

        /// Compresses whole 64-byte blocks.
        mutating func compressAll(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count >= 64 else { return }
            if accelerated {
                let blocks = bytes.count / 64
                k.withUnsafeBufferPointer { k in
                    withUnsafeMutableBytes(of: &h) { h in
                        gigaplan_sha256_blocks(
                            h.baseAddress!.assumingMemoryBound(to: UInt32.self), k.baseAddress!,
                            bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), blocks)
                    }
                }
                return
            }
            k.withUnsafeBufferPointer { k in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                    for offset in stride(from: 0, to: bytes.count, by: 64) {
                        compress(&h, UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 64]), w, k)
                    }
                }
            }
        }
    }

    /// The compression function on one 64-byte block (§ 6.2.2): the message schedule W₀…W₆₃ in `w`,
    /// then 64 rounds over the working variables, added to the hash value `h`. The rounds go eight at a
    /// time with the variables' roles turned by one each round (the usual unrolling), so that no round
    /// moves the eight variables along; Ch(e, f, g) = g ⊕ (e ∧ (f ⊕ g)) and Maj(a, b, c) = (a ∧ b) ∨ (c ∧
    /// (a ∨ b)) are the same functions in fewer operations.
    @inline(__always) static func compress(
        _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), _ block: UnsafeRawBufferPointer,
        _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>
    ) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        /// One round: d += T₁ and h = T₁ + T₂, where the caller's names stand for the roles of this round.
        @inline(__always) func round(
            _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
            _ h: inout UInt32, _ t: Int
        ) {
            let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ k[t] &+ w[t]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
            d = d &+ t1
            h = t1 &+ t2
        }
        var (a, b, c, d, e, f, g, hh) = h
        for t in stride(from: 0, to: 64, by: 8) {
            round(a, b, c, &d, e, f, g, &hh, t)
            round(hh, a, b, &c, d, e, f, &g, t + 1)
            round(g, hh, a, &b, c, d, e, &f, t + 2)
            round(f, g, hh, &a, b, c, d, &e, t + 3)
            round(e, f, g, &hh, a, b, c, &d, t + 4)
            round(d, e, f, &g, hh, a, b, &c, t + 5)
            round(c, d, e, &f, g, hh, a, &b, t + 6)
            round(b, c, d, &e, f, g, hh, &a, t + 7)
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }
}
