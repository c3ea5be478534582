import Foundation
import TestSupport
import Testing

@testable import GeoCore

/// The writers' byte paths against independent formatting.
@Suite struct WriterFastPathTests {
    /// The text a rounded number must have: the shortest round-trip form of the rounded double (Swift's
    /// `description`), without ".0"; below 1 in fixed notation where that form has an exponent (`printf`).
    static func reference(_ n: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let r = (n * scale).rounded() / scale
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        let s = "\(r)"
        guard s.contains("e"), abs(r) < 1 else { return s }
        var fixed = String(format: "%.\(decimals)f", r)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }

    @Test func roundedNumbersAreTheShortestRoundTripText() {
        var g = SplitMix64(state: 7)
        var values: [Double] = [
            0, -0.0, 0.5, -0.5, 1.5, 7.5409356, 51.92169045, -180, 1e-8, -4e-8, 123456.7, 1e15, 3e20,
        ]
        for _ in 0..<50000 {
            let magnitude = pow(10, Double(g.below(14)) - 6)
            let sign = g.below(2) == 0 ? -1.0 : 1.0
            values.append(sign * magnitude * Double(g.next() % 1_000_000_007) / 1_000_000_007)
        }
        for n in values {
            for decimals in [0, 1, 2, 6, 7, 9] {
                #expect(
                    JSONWriter.format(n, decimals: decimals) == Self.reference(n, decimals: decimals),
                    "\(n) \(decimals)")
            }
        }
    }

    /// Numbers written whole are the shortest round-trip text (Swift's `description`, integers without
    /// ".0"), decimals of up to four places by their digits and everything else alike; `format` gives
    /// the same text as a string.
    @Test func numbersAreTheShortestRoundTripText() {
        func reference(_ n: Double) -> String {
            if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return "\(n)"
        }
        var g = SplitMix64(state: 11)
        var values: [Double] = [
            0, -0.0, 1e-4, -1e-4, 0.00012, 9.9999, 0.1 + 0.2, 1e15 - 1, 1e15, 1e15 + 0.5, 2.675, 196.87, -63.5,
            5_753_334.225, 1e-5, .infinity, .nan, 123_456_789.1234, 99_999_999_999.9999,
        ]
        for _ in 0..<100000 {
            let places = Int(g.below(7))
            let whole = Double(g.next() % 1_000_000_000_000) / pow(10, Double(g.below(12)))
            let sign = g.below(2) == 0 ? -1.0 : 1.0
            // Decimals as they are typed (the nearest double to d digits after the point), and arbitrary doubles.
            values.append(sign * (whole * pow(10, Double(places))).rounded() / pow(10, Double(places)))
            values.append(Double(bitPattern: g.next() >> 2))
        }
        for n in values {
            var out: [UInt8] = []
            JSONWriter.appendNumber(n, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == (n.isFinite ? reference(n) : "null"), "\(n)")
            #expect(JSONWriter.format(n) == (n.isFinite ? reference(n) : "null"), "\(n)")
        }
    }

    /// WKT by bytes is GEOS's WKT (its writer with trimming and a rounding precision): points, lines,
    /// polygons with holes and their multi forms, with ordinates typed to more places than written
    /// (ties such as 2.675 at two places among them) and arbitrary doubles; what the byte writer leaves
    /// to GEOS (empty parts, collections, huge ordinates) comes out as GEOS writes it too.
    @Test func wktAsGEOSWritesIt() throws {
        var g = SplitMix64(state: 5)
        func ordinate() -> Double {
            switch g.below(4) {
            case 0: return Double(Int64(g.below(2_000_000_000)) - 1_000_000_000) / 1000  // three places: ties at two
            case 1: return Double(Int64(g.below(200_000_000)) - 100_000_000) / 1e7 + 0.000_000_05
            case 2: return 399_000 + Double(g.below(1_000_000)) / 200  // halves of a cent
            default: return (Double(g.next() >> 11) / 0x1p53 - 0.5) * pow(10, Double(g.below(12)))
            }
        }
        func coordinates(_ n: Int) -> [Coordinate] { (0..<n).map { _ in Coordinate(ordinate(), ordinate()) } }
        func ring() -> [Coordinate] {
            let cs = coordinates(3 + Int(g.below(5)))
            return cs + [cs[0]]
        }
        func polygon() -> Polygon { Polygon(exterior: ring(), holes: (0..<Int(g.below(3))).map { _ in ring() }) }
        var geometries: [Geometry] = [
            .point(Coordinate(2.675, -0.001)), .point(Coordinate(1e17, 0.125)), .polygon(Polygon(exterior: [])),
            .collection([.point(Coordinate(1, 2))]), .multiPolygon([]),
        ]
        for _ in 0..<3000 {
            switch g.below(6) {
            case 0: geometries.append(.point(coordinates(1)[0]))
            case 1: geometries.append(.lineString(coordinates(2 + Int(g.below(5)))))
            case 2: geometries.append(.polygon(polygon()))
            case 3: geometries.append(.multiPoint(coordinates(1 + Int(g.below(4)))))
            case 4: geometries.append(.multiLineString((0..<1 + Int(g.below(3))).map { _ in coordinates(2) }))
            default: geometries.append(.multiPolygon((0..<1 + Int(g.below(3))).map { _ in polygon() }))
            }
        }
        var byBytes = 0
        for geometry in geometries {
            for decimals in [0, 2, 3, 7] {
                var out: [UInt8] = []
                if WKTWriter.append(geometry, decimals: decimals, to: &out) { byBytes += 1 }
                let expected = try geometry.geosWKT(decimals: decimals)
                #expect(try geometry.wkt(decimals: decimals) == expected, "\(geometry) at \(decimals)")
            }
        }
        // The byte writer wrote most of them (not only GEOS).
        #expect(byBytes > geometries.count * 3)
    }

    /// Random values of every kind, as the batched writers meet them: numbers written from their digits
    /// and numbers that are not (0.1 + 0.2, 1e20, 1e-7, NaN), texts short, long and needing escapes,
    /// null, booleans and arrays.
    static func randomValue(_ g: inout SplitMix64) -> JSONValue {
        switch g.below(9) {
        case 0: return .number(Double(Int(g.next() % 2_000_001) - 1_000_000))
        case 1: return .number(Double(Int(g.next() % 2_000_001) - 1_000_000) / 100)
        case 2: return .number([0.1 + 0.2, 1e20, -1e-7, .nan, 123_456_789.123_456, 1e15][g.below(6)])
        case 3: return .string(String(repeating: "Straße ", count: 1 + g.below(3)))
        case 4: return .string(String(repeating: "x", count: 900 + g.below(400)))
        case 5: return .string(["a\"b", "c\\d", "line\nbreak", "tab\t", "\u{1}"][g.below(5)])
        case 6: return .null
        case 7: return .bool(g.below(2) == 0)
        default: return .array([.number(1.5), .string("s")])
        }
    }

    /// The batch's short copies (two words, two half-words, byte by byte) and long ones (`memmove`) move
    /// every byte of every length up to 40, from and to every place within a word, and nothing beside them.
    @Test func batchCopiesMoveEveryByteAndNoOther() {
        var g = SplitMix64(state: 3)
        let source = (0..<64).map { _ in UInt8(truncatingIfNeeded: g.below(256)) }
        for n in 0...40 {
            for from in 0..<8 {
                for to in 0..<8 {
                    var target = [UInt8](repeating: 0xAA, count: 64)
                    source.withUnsafeBufferPointer { s in
                        target.withUnsafeMutableBufferPointer { t in
                            ByteBatch.copy(s.baseAddress! + from, to: t.baseAddress! + to, count: n)
                        }
                    }
                    #expect(Array(target[to..<(to + n)]) == Array(source[from..<(from + n)]), "\(n) \(from) \(to)")
                    #expect(target[..<to].allSatisfy { $0 == 0xAA } && target[(to + n)...].allSatisfy { $0 == 0xAA })
                }
            }
        }
    }

    /// A feature written from keys and values, whose text is gathered in batches, is the text of the same
    /// `Feature` written value by value: over many features with up to 60 properties, keys longer than a
    /// batch among them, and every kind of value.
    @Test func batchedPropertiesAreTheFeaturesText() {
        var g = SplitMix64(state: 23)
        let writer = GeoJSONWriter(decimals: 7)
        for _ in 0..<400 {
            let count = 1 + g.below(60)
            let names = (0..<count).map { k in
                g.below(20) == 0 ? String(repeating: "k", count: 1000 + g.below(200)) + "\(k)" : "p\(k)"
            }
            let values = (0..<count).map { _ in Self.randomValue(&g) }
            var text: [UInt8] = []
            writer.appendFeature(
                geometry: nil, keys: GeoJSONWriter.PropertyKeys(names), values: FieldValues(values), idIndex: nil,
                to: &text)
            let feature = Feature(index: 0, geometry: nil, properties: JSONObject(Array(zip(names, values))))
            #expect(String(decoding: text, as: UTF8.self) == writer.feature(feature))
        }
    }

    /// Positions gathered in batches: a line of up to 300 positions (more than a batch holds), with
    /// ordinates written from their digits and huge ones that are not, is `[x,y]` of the independent
    /// rounding (`reference`) joined by commas.
    @Test func batchedPositionsAreTheReferenceText() {
        var g = SplitMix64(state: 29)
        for _ in 0..<200 {
            let coordinates = (0..<1 + g.below(300)).map { _ in
                Coordinate(
                    g.below(30) == 0 ? 3e17 : Double(g.next() % 36_000_000) / 100_000 - 180,
                    Double(g.next() % 18_000_000) / 100_000 - 90)
            }
            for decimals in [0, 2, 7] {
                let expected = coordinates.map {
                    "[\(Self.reference($0.x, decimals: decimals)),\(Self.reference($0.y, decimals: decimals))]"
                }
                #expect(
                    GeoJSONWriter(decimals: decimals).geometry(.lineString(coordinates))
                        == "{\"type\":\"LineString\",\"coordinates\":[\(expected.joined(separator: ","))]}")
            }
        }
    }

    /// A geometry written with separate positions (its coordinates transformed, as GeoJSON's WGS 84 ones)
    /// is the geometry made of those positions: its structure, the positions in order, and rings oriented
    /// by the positions (a transformation that mirrors turns them).
    @Test func positionsWrittenInTheGeometrysStructure() {
        let mirrored = { (c: Coordinate) in Coordinate(c.x, 3 - c.y) }
        let square = Polygon(
            exterior: [Coordinate(0, 0), Coordinate(2, 0), Coordinate(2, 2), Coordinate(0, 2), Coordinate(0, 0)],
            holes: [[Coordinate(0.5, 0.5), Coordinate(0.5, 1), Coordinate(1, 1), Coordinate(0.5, 0.5)]])
        let writer = GeoJSONWriter(decimals: 7)
        func written(_ g: Geometry?, _ transform: (Coordinate) -> Coordinate) -> String {
            var positions: [Coordinate] = []
            g?.forEachCoordinate { positions.append(transform($0)) }
            var out: [UInt8] = []
            writer.appendGeometry(g, positions: g == nil ? nil : positions, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        // Mirrored, the counter-clockwise exterior turns clockwise and the clockwise hole counter-clockwise:
        // both are written reversed.
        #expect(
            written(.polygon(square), mirrored)
                == "{\"type\":\"Polygon\",\"coordinates\":[[[0,3],[0,1],[2,1],[2,3],[0,3]],"
                + "[[0.5,2.5],[1,2],[0.5,2],[0.5,2.5]]]}")
        var g = SplitMix64(state: 31)
        func line(_ n: Int) -> [Coordinate] {
            (0..<n).map { _ in Coordinate(Double(g.next() % 100_000) / 7, Double(g.next() % 100_000) / 3) }
        }
        let moved = Polygon(exterior: square.exterior.map { Coordinate($0.x + 5, $0.y) })
        let geometries: [Geometry?] = [
            nil, .point(Coordinate(1.25, -3)), .multiPoint(line(4)), .lineString(line(9)),
            .multiLineString([line(3), line(5)]), .polygon(square), .multiPolygon([square, moved]),
            .collection([.point(Coordinate(2, 2)), .polygon(square), .lineString(line(2))]),
        ]
        for geometry in geometries {
            for transform in [mirrored, { Coordinate($0.x * 0.5 + 7.25, $0.y * 2 - 1) }] {
                #expect(
                    written(geometry, transform)
                        == (geometry.map { writer.geometry($0.mapCoordinates(transform)) } ?? "null"),
                    "\(String(describing: geometry))")
            }
        }
    }

    @Test func integersAndQuotedStrings() {
        for v: UInt64 in [0, 7, 10, 99, 1_000_000, UInt64.max] {
            var out: [UInt8] = []
            JSONWriter.appendInteger(v, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(v))
        }
        #expect(JSONWriter.quote("a\"b\\c\nd\u{1}é") == #""a\"b\\c\nd\u0001é""#)
        // A string written in parts, each escaped on its own between one pair of quotes, is the whole quoted.
        let parts = ["Rue \"du\" Pont", "", "\\", " 12\t", "a\u{1F}", "é"]
        var inParts: [UInt8] = [UInt8(ascii: "\"")]
        for part in parts { JSONWriter.appendEscaped(part, to: &inParts) }
        inParts.append(UInt8(ascii: "\""))
        #expect(String(decoding: inParts, as: UTF8.self) == #""Rue \"du\" Pont\\ 12\ta\u001fé""#)
        #expect(
            JSONWriter.serialize(
                .object(JSONObject([("a", .array([.number(1.5), .null, .bool(true)]))])), pretty: true)
                == "{\n  \"a\": [\n    1.5,\n    null,\n    true\n  ]\n}")
    }
}
