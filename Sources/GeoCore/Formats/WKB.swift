/// Well-Known Binary (OGC 06-103r4 §8), 2D, little-endian on write; reads either byte order and
/// skips Z/M ordinates (ISO 1000/2000/3000 type offsets and the EWKB flag bits).
public enum WKB {
    public static func encode(_ geometry: Geometry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        append(geometry, to: &out)
        return out
    }

    /// `encode(geometry)` appended to `out`.
    public static func append(_ geometry: Geometry, to out: inout [UInt8]) {
        switch geometry {
        case .point(let c): appendPoint(c, &out)
        case .lineString(let cs):
            header(2, &out)
            appendCoordinates(cs, &out)
        case .polygon(let p): appendPolygon(p, &out)
        case .multiPoint(let cs):
            header(4, &out)
            append(UInt32(cs.count), &out)
            for c in cs { appendPoint(c, &out) }
        case .multiLineString(let ls):
            header(5, &out)
            append(UInt32(ls.count), &out)
            for l in ls {
                header(2, &out)
                appendCoordinates(l, &out)
            }
        case .multiPolygon(let ps):
            header(6, &out)
            append(UInt32(ps.count), &out)
            for p in ps { appendPolygon(p, &out) }
        case .collection(let gs):
            header(7, &out)
            append(UInt32(gs.count), &out)
            for g in gs { append(g, to: &out) }
        }
    }

    /// The byte order (little-endian) and the geometry type.
    private static func header(_ type: UInt32, _ out: inout [UInt8]) {
        out.append(1)
        append(type, &out)
    }

    private static func appendPoint(_ c: Coordinate, _ out: inout [UInt8]) {
        header(1, &out)
        append(c.x, &out)
        append(c.y, &out)
    }

    private static func appendCoordinates(_ cs: [Coordinate], _ out: inout [UInt8]) {
        append(UInt32(cs.count), &out)
        for c in cs {
            append(c.x, &out)
            append(c.y, &out)
        }
    }

    private static func appendPolygon(_ p: Polygon, _ out: inout [UInt8]) {
        header(3, &out)
        if p.exterior.isEmpty { return append(UInt32(0), &out) }
        append(UInt32(1 + p.holes.count), &out)
        appendCoordinates(p.exterior, &out)
        for hole in p.holes { appendCoordinates(hole, &out) }
    }

    private static func append(_ v: UInt32, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func append(_ v: Double, _ out: inout [UInt8]) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Decodes WKB starting at `offset`.
    public static func decode(_ bytes: [UInt8], offset: Int = 0) throws -> Geometry {
        var reader = Reader(bytes: bytes, position: offset)
        return try reader.geometry()
    }

    private struct Reader {
        let bytes: [UInt8]
        var position: Int
        var littleEndian = true
        var depth = 0
        /// Collections nested deeper than this are refused (real data nests two or three levels).
        static let maximumDepth = 64

        mutating func byte() throws -> UInt8 {
            guard position < bytes.count else { throw GeometryError("WKB ends early at byte \(position)") }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func uint32() throws -> UInt32 {
            guard position + 4 <= bytes.count else { throw GeometryError("WKB ends early at byte \(position)") }
            var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
            position += 4
            return littleEndian ? v : v.byteSwapped
        }

        mutating func double() throws -> Double {
            guard position + 8 <= bytes.count else { throw GeometryError("WKB ends early at byte \(position)") }
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
            position += 8
            return Double(bitPattern: littleEndian ? v : v.byteSwapped)
        }

        mutating func count() throws -> Int {
            let n = Int(try uint32())
            guard n <= (bytes.count - position) else { throw GeometryError("WKB count \(n) exceeds the data") }
            return n
        }

        mutating func geometry() throws -> Geometry {
            guard depth < Self.maximumDepth else {
                throw GeometryError("WKB collections nested deeper than \(Self.maximumDepth) levels")
            }
            depth += 1
            defer { depth -= 1 }
            let order = try byte()
            guard order <= 1 else { throw GeometryError("WKB byte order \(order) is neither 0 nor 1") }
            littleEndian = order == 1
            var type = try uint32()
            var dims = 2
            if type & 0x8000_0000 != 0 { dims += 1 }
            if type & 0x4000_0000 != 0 { dims += 1 }
            type &= 0x0FFF_FFFF
            switch type / 1000 {
            case 1, 2: dims = max(dims, 3)
            case 3: dims = 4
            default: break
            }
            type %= 1000
            func coordinate() throws -> Coordinate {
                let c = Coordinate(try double(), try double())
                for _ in 2..<dims { _ = try double() }
                return c
            }
            func coordinates() throws -> [Coordinate] {
                let n = try count()
                var cs: [Coordinate] = []
                cs.reserveCapacity(n)
                for _ in 0..<n { cs.append(try coordinate()) }
                return cs
            }
            func polygon() throws -> Polygon {
                let n = try count()
                var rings: [[Coordinate]] = []
                for _ in 0..<n { rings.append(try coordinates()) }
                guard let exterior = rings.first else { return Polygon(exterior: []) }
                return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
            }
            func parts() throws -> [Geometry] {
                let n = try count()
                var gs: [Geometry] = []
                for _ in 0..<n { gs.append(try geometry()) }
                return gs
            }
            func wrongPart(_ expected: String) -> GeometryError {
                GeometryError("WKB multi-geometry of type \(type) holds a part that is not a \(expected)")
            }
            switch type {
            case 1:
                let c = try coordinate()
                return c.x.isNaN && c.y.isNaN ? .empty : .point(c)
            case 2: return .lineString(try coordinates())
            case 3: return .polygon(try polygon())
            case 4:
                return .multiPoint(
                    try parts().map { p throws(GeometryError) in
                        if case .point(let c) = p { c } else { throw wrongPart("point") }
                    })
            case 5:
                return .multiLineString(
                    try parts().map { p throws(GeometryError) in
                        if case .lineString(let l) = p { l } else { throw wrongPart("line string") }
                    })
            case 6:
                return .multiPolygon(
                    try parts().map { p throws(GeometryError) in
                        if case .polygon(let q) = p { q } else { throw wrongPart("polygon") }
                    })
            case 7: return .collection(try parts())
            default: throw GeometryError("WKB geometry type \(type) is not supported")
            }
        }
    }
}
