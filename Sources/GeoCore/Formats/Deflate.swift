import CZlib

/// zlib streams (RFC 1950/1951) through the system's zlib, for PNG images.
public enum Deflate {
    /// `bytes` as a zlib stream at the best compression (level 9). The same input gives the same bytes
    /// with the same zlib.
    public static func zlibStream(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(bytes.count), 9) }
        }
        // compressBound is the documented upper bound, so Z_BUF_ERROR cannot happen; Z_MEM_ERROR is fatal.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        return Array(out.prefix(Int(size)))
    }
}
