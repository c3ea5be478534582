/// Well-Known Binary (OGC 06-103r4 §8), 2D, little-endian on write; reads either byte order and
/// skips Z/M ordinates (ISO 1000/2000/3000 type offsets and the EWKB flag bits).
public enum WKB {
    public static func encode(_ geometry: Geometry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        write(geometry, into: &out)
        return out
    }

    private static func write(_ geometry: Geometry, into out: inout [UInt8]) {
        func header(_ type: UInt32) {
            out.append(1)
            append(type, &out)
        }
        func coords(_ cs: [Coordinate]) {
            append(UInt32(cs.count), &out)
            for c in cs {
                append(c.x, &out)
                append(c.y, &out)
            }
        }
        func polygonBody(_ p: Polygon) {
            if p.exterior.isEmpty {
                append(UInt32(0), &out)
                return
            }
            append(UInt32(1 + p.holes.count), &out)
            for ring in p.rings { coords(ring) }
        }
        switch geometry {
        case .point(let c):
            header(1)
            append(c.x, &out)
            append(c.y, &out)
        case .lineString(let cs):
            header(2)
            coords(cs)
        case .polygon(let p):
            header(3)
            polygonBody(p)
        case .multiPoint(let cs):
            header(4)
            append(UInt32(cs.count), &out)
            for c in cs { write(.point(c), into: &out) }
        case .multiLineString(let ls):
            header(5)
            append(UInt32(ls.count), &out)
            for l in ls { write(.lineString(l), into: &out) }
        case .multiPolygon(let ps):
            header(6)
            append(UInt32(ps.count), &out)
            for p in ps { write(.polygon(p), into: &out) }
        case .collection(let gs):
            header(7)
            append(UInt32(gs.count), &out)
            for g in gs { write(g, into: &out) }
        }
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
