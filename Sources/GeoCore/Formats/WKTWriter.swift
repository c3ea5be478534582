/// Writes Well-Known Text (OGC 06-103r4) as bytes, exactly as GEOS 3.11's WKT writer does with
/// trimming and a rounding precision: `POINT (x y)`, `LINESTRING (x y, …)`, `POLYGON ((…), (…))`,
/// `MULTIPOINT (x y, …)`, `MULTILINESTRING ((…), …)` and `MULTIPOLYGON (((…)), …)`.
///
/// GEOS rounds each ordinate's shortest round-trip decimal to the precision, half to even
/// (2.675 → 2.68, 0.125 → 0.12), removes trailing zeros and a bare point, and writes a zero without
/// its sign. `append` returns false, having written nothing, for what it does not write the same way:
/// empty geometries or parts, collections, non-finite ordinates and |x|·10^decimals ≥ 2^52.
enum WKTWriter {
    /// Appends `g` as WKT with ordinates rounded to `decimals` places (at most 15); false when
    /// `g` is one of the cases above (then `out` is as it was).
    static func append(_ g: Geometry, decimals: Int, to out: inout [UInt8]) -> Bool {
        guard decimals >= 0 && decimals <= 15 else { return false }
        let start = out.count
        let writer = Ordinates(decimals: decimals)
        // The points' text is gathered in a batch; an ordinate near a half is written through the general
        // path, and the batch is always flushed before a part is given up.
        func points(_ cs: [Coordinate]) -> Bool {
            guard !cs.isEmpty else { return false }
            return withByteBatch(appendingTo: &out) { batch, out in
                func ordinate(_ x: Double) -> Bool {
                    if let scaled = writer.scaled(x) {
                        _ = batch.putScaled(scaled, decimals: decimals)
                        return true
                    }
                    batch.flush(into: &out)
                    return writer.append(x, to: &out)
                }
                _ = batch.makeRoom(1, flushingInto: &out)
                batch.put(UInt8(ascii: "("))
                for (i, c) in cs.enumerated() {
                    _ = batch.makeRoom(2 * ByteBatch.numberRoom + 3, flushingInto: &out)
                    if i > 0 {
                        batch.put(UInt8(ascii: ","))
                        batch.put(UInt8(ascii: " "))
                    }
                    guard ordinate(c.x) else { return false }
                    _ = batch.makeRoom(ByteBatch.numberRoom + 1, flushingInto: &out)
                    batch.put(UInt8(ascii: " "))
                    guard ordinate(c.y) else { return false }
                }
                _ = batch.makeRoom(1, flushingInto: &out)
                batch.put(UInt8(ascii: ")"))
                return true
            }
        }
        func list<T>(_ items: [T], _ each: (T) -> Bool) -> Bool {
            guard !items.isEmpty else { return false }
            out.append(UInt8(ascii: "("))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                guard each(item) else { return false }
            }
            out.append(UInt8(ascii: ")"))
            return true
        }
        func rings(_ p: Polygon) -> Bool { list(p.rings, points) }
        out.append(contentsOf: g.typeName.utf8)
        out.append(UInt8(ascii: " "))
        let written: Bool
        switch g {
        case .point(let c): written = points([c])
        case .lineString(let cs), .multiPoint(let cs): written = points(cs)
        case .polygon(let p): written = rings(p)
        case .multiLineString(let lines): written = list(lines, points)
        case .multiPolygon(let polygons): written = list(polygons, rings)
        case .collection: written = false
        }
        if !written { out.removeSubrange(start...) }
        return written
    }

    /// Ordinates rounded as GEOS rounds them.
    struct Ordinates {
        let decimals: Int
        let scale: Double

        init(decimals: Int) {
            self.decimals = decimals
            scale = JSONWriter.powersOfTen[decimals]
        }

        /// Appends x rounded; false when x is not finite or |x|·10^decimals ≥ 2^52.
        ///
        /// y = x·10^d is within half an ulp of the exact product, and x's shortest decimal within half
        /// an ulp of x, so y rounded to the nearest integer is the shortest decimal's rounding unless y
        /// lies within a few ulps of a half. There the shortest decimal itself is rounded, digit by digit.
        func append(_ x: Double, to out: inout [UInt8]) -> Bool {
            guard abs(x * scale) < 0x1p52 else { return false }
            if let scaled = scaled(x) {
                JSONWriter.appendScaled(scaled, decimals: decimals, to: &out)
                return true
            }
            return appendNearHalf(x, to: &out)
        }

        /// x·10^decimals rounded, where that is how `append` writes x (|x|·10^decimals < 2^52 and not within
        /// a few ulps of a half); nil elsewhere.
        @inline(__always) func scaled(_ x: Double) -> Double? {
            let y = x * scale
            guard abs(y) < 0x1p52 else { return nil }
            let fraction = y - y.rounded(.down)
            guard abs(fraction - 0.5) > 4 * max(y.ulp, x.ulp * scale) else { return nil }
            return y.rounded(.toNearestOrAwayFromZero)
        }

        /// x's shortest round-trip decimal rounded to `decimals` places, half to even.
        func appendNearHalf(_ x: Double, to out: inout [UInt8]) -> Bool {
            let text = Array("\(x)".utf8)
            guard !text.contains(UInt8(ascii: "e")), !text.contains(UInt8(ascii: "E")) else { return false }
            let negative = text.first == UInt8(ascii: "-")
            let body = negative ? text.dropFirst() : text[...]
            let point = body.firstIndex(of: UInt8(ascii: ".")) ?? body.endIndex
            let whole = body[..<point]
            let fraction = point < body.endIndex ? body[(point + 1)...] : []
            // The digits kept (integer part and `decimals` fraction digits, zero-padded) and the rest.
            var kept = Array(whole) + Array(fraction.prefix(decimals))
            kept += repeatElement(UInt8(ascii: "0"), count: max(0, decimals - fraction.count))
            let rest = Array(fraction.dropFirst(decimals))
            var up = false
            if let first = rest.first {
                if first > UInt8(ascii: "5") {
                    up = true
                } else if first == UInt8(ascii: "5") {
                    let beyond = rest.dropFirst().contains { $0 != UInt8(ascii: "0") }
                    up = beyond || (kept.last.map { ($0 - UInt8(ascii: "0")) % 2 == 1 } ?? false)
                }
            }
            // The kept digits as an integer (they are fewer than 16: |x|·10^d < 2^52).
            var scaled: UInt64 = 0
            for d in kept { scaled = scaled * 10 + UInt64(d - UInt8(ascii: "0")) }
            if up { scaled += 1 }
            JSONWriter.appendScaled(negative ? -Double(scaled) : Double(scaled), decimals: decimals, to: &out)
            return true
        }
    }
}
