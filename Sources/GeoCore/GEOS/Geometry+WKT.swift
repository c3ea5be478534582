import CGEOS

extension Geometry {
    /// Parses Well-Known Text (OGC 06-103r4), e.g. `POINT (7.628 51.9625)`.
    /// - Throws: `GeometryError` with GEOS's parser message when the text is not valid WKT.
    public init(wkt: String) throws {
        do {
            self = try withGEOS { ctx in
                let reader = try ctx.check(GEOSWKTReader_create_r(ctx.handle), "cannot create WKT reader")
                defer { GEOSWKTReader_destroy_r(ctx.handle, reader) }
                let g = GEOSWKTReader_read_r(ctx.handle, reader, wkt)
                return try ctx.consume(g, "WKT parse")
            }
        } catch let e as GEOSError { throw GeometryError("not valid WKT: \(e.message)") }
    }

    /// Well-Known Text with up to `decimals` decimals (trailing zeros trimmed), as GEOS writes it.
    public func wkt(decimals: Int = 3) throws -> String {
        var out: [UInt8] = []
        try appendWKT(decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `wkt(decimals:)` appended as bytes: by `WKTWriter` where it writes the geometry, else by GEOS.
    public func appendWKT(decimals: Int = 3, to out: inout [UInt8]) throws {
        if WKTWriter.append(self, decimals: decimals, to: &out) { return }
        out.append(contentsOf: try geosWKT(decimals: decimals).utf8)
    }

    /// Well-Known Text by GEOS's writer, with trimming and rounding precision `decimals`.
    func geosWKT(decimals: Int) throws -> String {
        try withGEOS { ctx in
            let writer = try ctx.check(GEOSWKTWriter_create_r(ctx.handle), "cannot create WKT writer")
            defer { GEOSWKTWriter_destroy_r(ctx.handle, writer) }
            GEOSWKTWriter_setTrim_r(ctx.handle, writer, 1)
            GEOSWKTWriter_setRoundingPrecision_r(ctx.handle, writer, Int32(decimals))
            let g = try ctx.make(self)
            let text = try ctx.check(GEOSWKTWriter_write_r(ctx.handle, writer, g.pointer), "WKT write failed")
            defer { GEOSFree_r(ctx.handle, text) }
            return String(cString: text)
        }
    }
}
