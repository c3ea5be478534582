/// The GeoPackage geometry blob (OGC 12-128r18 §2.1.3): a header with magic `GP`, version, flags,
/// SRS id and envelope, followed by standard WKB.
public enum GeoPackageGeometry {
    /// Appends the blob of `geometry` to `out`; the geometry's bounding box (nil when it is empty), which
    /// the header's envelope holds for all but points.
    @discardableResult static func encode(
        _ geometry: Geometry, srsID: Int32, appendingTo out: inout [UInt8]
    ) -> BoundingBox? {
        let empty = geometry.isEmpty
        let box = geometry.boundingBox
        var isPoint = false
        if case .point = geometry { isPoint = true }
        let envelope: UInt8 = (empty || isPoint || box == nil) ? 0 : 1
        out += [0x47, 0x50, 0, 0b0000_0001 | (envelope << 1) | (empty ? 0b0001_0000 : 0)]
        withUnsafeBytes(of: srsID.littleEndian) { out.append(contentsOf: $0) }
        if envelope == 1, let box {
            withUnsafeBytes(
                of: (
                    box.minX.bitPattern.littleEndian, box.maxX.bitPattern.littleEndian,
                    box.minY.bitPattern.littleEndian, box.maxY.bitPattern.littleEndian
                )
            ) { out.append(contentsOf: $0) }
        }
        WKB.append(geometry, to: &out)
        return box
    }

    public static func decode(_ blob: [UInt8]) throws -> Geometry {
        guard blob.count >= 8, blob[0] == 0x47, blob[1] == 0x50 else {
            throw GeoPackageError("geometry blob does not start with the GeoPackage magic 'GP'")
        }
        let flags = blob[3]
        let envelopeBytes: Int
        switch (flags >> 1) & 0b111 {
        case 0: envelopeBytes = 0
        case 1: envelopeBytes = 32
        case 2, 3: envelopeBytes = 48
        case 4: envelopeBytes = 64
        default: throw GeoPackageError("invalid envelope indicator in GeoPackage geometry header")
        }
        let offset = 8 + envelopeBytes
        guard blob.count > offset else {
            if flags & 0b0001_0000 != 0 { return .empty }
            throw GeoPackageError("GeoPackage geometry blob is truncated")
        }
        return try WKB.decode(blob, offset: offset)
    }
}
