import Foundation
import TestSupport
import Testing

@testable import GeoCore

/// The readers' fast paths (numbers read without `strtod`, strings without escapes, objects sharing
/// their keys, features read without a JSON tree) against the plain ones.
@Suite struct ReaderFastPathTests {
    /// A file's bytes read straight into an array are the bytes `Data` reads, for an empty file, a small one
    /// and one larger than a read's chunk; a missing file is an error that names it.
    @Test func fileBytesAreTheFilesBytes() throws {
        var g = SplitMix64(state: 7)
        let directory = Fixtures.temporaryDirectory()
        for size in [0, 1, 4095, 65_536, 200_003] {
            let path = directory + "/bytes-\(size).bin"
            let written = (0..<size).map { _ in UInt8(truncatingIfNeeded: g.below(256)) }
            try Data(written).write(to: URL(fileURLWithPath: path))
            #expect(try FeatureFileReader.bytes(path) == written, "\(size) bytes")
            #expect(try FeatureFileReader.bytes(path) == [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        #expect(throws: UnreadableFile.self) { try FeatureFileReader.bytes(directory + "/missing.bin") }
    }

    @Test func numbersAreTheDoublesStrtodGives() throws {
        var g = SplitMix64(state: 2018)
        var texts = [
            "0", "-0", "0.1", "0.2", "0.3", "1e5", "7.5409356", "51.9216904", "-180", "9007199254740993",
            "123456789012345.6", "0.000000000000000000001", "0.0000000000000000000001", "1.7976931348623157e308",
            "4.9e-324", "999999999999999", "9999999999999999", "1.5E+3", "-2.25e-2",
        ]
        for _ in 0..<20000 {
            var t = g.below(4) == 0 ? "-" : ""
            let whole = g.below(3) == 0 ? 0 : g.below(1_000_000)
            t += String(whole)
            if g.below(5) > 0 {
                let places = 1 + g.below(22)
                t += "." + String((0..<places).map { _ in Character(String(g.below(10))) })
            }
            texts.append(t)
        }
        for t in texts {
            let parsed = try JSONParser.parse(Array("[\(t)]".utf8)).arrayValue?.first?.numberValue
            let expected = try #require(Double(t))
            #expect(parsed?.bitPattern == expected.bitPattern, "\(t)")
        }
    }

    @Test func objectsOfOneShapeShareKeysButKeepTheirOwnValues() throws {
        let text = """
            [{"a":1,"b":"x"},{"a":2,"b":"y"},{"b":3,"a":4},{"a":5},{"a":6,"b":7,"c":8},{"a":9,"a":10},
             {"a\\u0062":11,"b":12},{"a\\"":13},{"a\\"":14},{"a":{"a":15}}]
            """
        let items = try #require(try JSONParser.parse(Array(text.utf8)).arrayValue)
        let objects = items.map { $0.objectValue! }
        #expect(
            objects.map(\.keys) == [
                ["a", "b"], ["a", "b"], ["b", "a"], ["a"], ["a", "b", "c"], ["a"], ["ab", "b"], ["a\""], ["a\""], ["a"],
            ])
        #expect(objects[0]["b"] == .string("x"))
        #expect(objects[1]["a"] == .number(2) && objects[1]["b"] == .string("y"))
        #expect(objects[2]["a"] == .number(4) && objects[2].position(of: "a") == 1)
        #expect(objects[4]["c"] == .number(8))
        // A repeated key keeps its first place and its last value, as in every other object.
        #expect(objects[5]["a"] == .number(10) && objects[5].count == 1)
        #expect(objects[8]["a\""] == .number(14))
        #expect(objects[9]["a"]?.objectValue?["a"] == .number(15))
        // Changing a shared object changes only that object.
        var changed = objects[1]
        changed["c"] = .bool(true)
        changed["a"] = nil
        #expect(changed.keys == ["b", "c"] && changed["b"] == .string("y") && changed["c"] == .bool(true))
        #expect(objects[0].keys == ["a", "b"] && objects[0]["a"] == .number(1))
    }

    @Test func stringsWithAndWithoutEscapes() throws {
        let text = #"["plain","Planstraße 1","tab\there","quote\"d","\u00e4\ud83d\ude00",""]"#
        let strings = try #require(try JSONParser.parse(Array(text.utf8)).arrayValue).map { $0.stringValue! }
        #expect(strings == ["plain", "Planstraße 1", "tab\there", "quote\"d", "ä😀", ""])
    }

    /// Features as the tree path makes them: the whole document as JSON values, geometries through
    /// `GeoJSONReader.parseGeometry`.
    func viaTree(_ text: String) throws -> [Feature] {
        let root = try JSONParser.parse(Array(text.utf8))
        return try root.objectValue!["features"]!.arrayValue!.enumerated().map { index, value in
            let f = value.objectValue!
            var properties = f["properties"]?.objectValue ?? JSONObject()
            if let id = f["id"], !id.isNull, properties.value(forKeyIgnoringCase: "id") == nil {
                properties = JSONObject([("id", .string(id.text))] + properties.map { ($0.key, $0.value) })
            }
            let geometry = try f["geometry"].flatMap { $0.isNull ? nil : try GeoJSONReader.parseGeometry($0) }
            return Feature(index: index, geometry: geometry, properties: properties)
        }
    }

    @Test func featuresReadStraightAreTheFeaturesOfTheTree() throws {
        let features = [
            #"{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[7.5,51.9]},"properties":{"n":1}}"#,
            #"{"type":"Feature","geometry":{"type":"Point","coordinates":[7.5,51.9,60.25]},"properties":null}"#,
            #"{"properties":{"id":"c","x":[1,{"y":2}]},"geometry":null,"type":"Feature","id":9}"#,
            #"{"type":"Feature","id":17,"geometry":{"coordinates":[[0,0],[1,1e-3]],"type":"LineString"}}"#,
            #"{"type":"Feature","geometry":{"type":"Polygon","bbox":[0,0,10,10],"coordinates":[[[0,0],[10,0],"#
                + #"[10,10],[0,0]],[[2,2],[3,3],[2,3],[2,2]]]},"properties":{"name":"with hole"},"foreign":{"a":1}}"#,
            #"{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],"#
                + #"[[[5,5],[6,5],[6,6],[5,5]]]]},"properties":{}}"#,
            #"{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[]]},"#
                + #""properties":{"s":"a\"b"}}"#,
            #"{"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[]},"properties":{"n":-0.0}}"#,
            #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"#
                + #""properties":{"n":123456789.123456789}}"#,
            #"{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","#
                + #""coordinates":[1,2]}]},"properties":{"n":1}}"#,
            #"{"type":"Feature","id":"dup","id":"again","geometry":null,"properties":{"n":1}}"#,
            #"{"type":"Feature","foreign":1,"geometry":null,"foreign":2,"properties":{"n":1}}"#,
            #"{"type":"Feature","geometry":{"type":"Point","bbox":[1,2,1,2],"bbox":[0,0,0,0],"coordinates":[1,2]},"#
                + #""properties":{"n":1}}"#,
        ]
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
        let layer = try GeoJSONReader.read(bytes: Array(text.utf8), path: "t.geojson", layerName: "t")
        #expect(layer.problems.isEmpty)
        #expect(layer.features == (try viaTree(text)))
        #expect(layer.features[0].geometry == .point(Coordinate(7.5, 51.9)))
        #expect(layer.features[2].id == "c")
        #expect(layer.features[3].id == "17")
        #expect(layer.features[4].geometry?.polygons.first?.holes.count == 1)
        #expect(layer.features[10].id == "again")
        // The plain ones were read straight; a GeometryCollection and repeated members went through the tree.
        let scanned = features.map { text in
            var parser = JSONParser(bytes: Array(text.utf8))
            return parser.scanFeature(depth: 2) != nil && parser.i == text.utf8.count
        }
        #expect(scanned == Array(repeating: true, count: 9) + [false, false, false, false])
    }

    /// Random features of every geometry type the scanner reads, with positions of two and three numbers,
    /// empty and wrongly nested lists, the type before or after the coordinates, escaped and repeated
    /// member names: read straight, they are the features of the tree path, and a geometry the tree path
    /// rejects is a problem of that feature.
    @Test func randomGeometriesReadStraightAreThoseOfTheTree() throws {
        var g = SplitMix64(state: 7946)
        func number() -> String {
            let n = [String(g.below(1000)), "\(g.below(180)).\(g.below(10_000_000))", "-\(g.below(90)).5", "1e-3"]
            return n[g.below(n.count)]
        }
        func position() -> String {
            g.below(10) == 0 ? "[\(number())]" : "[\(number()),\(number())\(g.below(4) == 0 ? ",\(number())" : "")]"
        }
        func list(_ levels: Int) -> String {
            if levels == 1 { return g.below(40) == 0 ? "[[1,2]]" : position() }
            let count = g.below(12) == 0 ? 0 : 1 + g.below(4)
            return "["
                + (0..<count).map { _ in list(g.below(40) == 0 ? max(1, levels - 2) : levels - 1) }.joined(
                    separator: ",") + "]"
        }
        let types = [
            ("Point", 1), ("MultiPoint", 2), ("LineString", 2), ("MultiLineString", 3), ("Polygon", 3),
            ("MultiPolygon", 4),
        ]
        var features: [String] = []
        for k in 0..<1500 {
            let (type, levels) = types[g.below(types.count)]
            let typeMember = g.below(20) == 0 ? "\"typ\\u0065\":\"\(type)\"" : "\"type\":\"\(type)\""
            let coordinates = "\"coordinates\":\(list(levels + (g.below(30) == 0 ? 1 : 0)))"
            var members = g.below(2) == 0 ? [typeMember, coordinates] : [coordinates, typeMember]
            if g.below(10) == 0 { members.append("\"bbox\":[0,0,1,1]") }
            if g.below(30) == 0 { members.append(coordinates) }
            let geometry = "{" + members.joined(separator: ",") + "}"
            features.append(
                "{\"type\":\"Feature\",\"id\":\(k),\"geometry\":\(geometry),\"properties\":{\"n\":\(number())}}")
        }
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
        let layer = try GeoJSONReader.read(bytes: Array(text.utf8), path: "t.geojson", layerName: "t")
        #expect(layer.features.count == features.count)
        var rejected = 0
        var scanned = 0
        for (k, feature) in features.enumerated() {
            let single = "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "]}"
            var parser = JSONParser(bytes: Array(feature.utf8))
            let straight = parser.scanFeature(depth: 2) != nil
            if straight { scanned += 1 }
            if var expected = try? viaTree(single)[0] {
                expected.index = k
                #expect(layer.features[k] == expected, "\(feature)")
                #expect(!layer.problems.contains { $0.featureIndex == k }, "\(feature)")
            } else {
                rejected += 1
                #expect(!straight, "\(feature)")
                #expect(layer.features[k].geometry == nil, "\(feature)")
                #expect(layer.problems.contains { $0.featureIndex == k && $0.code == "bad-geometry" }, "\(feature)")
            }
        }
        // Both kinds occur, and most features are read straight.
        #expect(rejected > 50 && rejected < 1000, "\(rejected)")
        #expect(scanned > features.count / 2, "\(scanned)")
    }

    /// The run-by-run UTF-8 check agrees with the standard library's over text mixing ASCII, valid
    /// characters of two to four bytes, and overlong, surrogate, out-of-range, stray and cut-off bytes
    /// at every alignment; a start offset skips what comes before it.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var g = SplitMix64(state: 8)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("Münster ".utf8), Array("€".utf8), Array("𝄞".utf8), Array("0123456789".utf8),
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFF], [0xC3],
            [0xE2, 0x82], [0xF0, 0x9D, 0x84],
        ]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<g.below(12) {
                let k = g.below(3) == 0 ? g.below(pieces.count) : g.below(5)
                bytes += pieces[k]
            }
            let start = bytes.isEmpty ? 0 : g.below(bytes.count)
            let expected = String(validating: bytes[start...], as: UTF8.self) != nil
            #expect(TextScreening.isValidUTF8(bytes, from: start) == expected, "\(bytes) from \(start)")
            #expect((TextScreening.invalidUTF8(bytes, from: start) == nil) == expected)
        }
    }

    /// `isBlank` says what trimming says, for ASCII and Unicode whitespace and for text around it.
    @Test func blankIsWhatTrimsToNothing() {
        let texts = [
            "", " ", "\t\n", "\r\n", "\u{00A0}", "\u{2003}\u{3000}", "\u{2003}x", "a", " a ", "x\u{301}", "\u{301}",
            "-", "~", "\u{7F}", "\u{1F}", "ä", " ä",
        ]
        for t in texts { #expect(t.isBlank == t.trimmingWhitespace.isEmpty, "\(t.unicodeScalars.map(\.value))") }
    }

    @Test func badFeaturesStillGetTheirMessages() throws {
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[7.5]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[7.5,"x"]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[1,2]]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,1]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Circle","coordinates":[1,1]},"properties":{}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},"properties":[1]},
            {"type":"Thing","geometry":null}
            ]}
            """
        let layer = try GeoJSONReader.read(bytes: Array(text.utf8), path: "t.geojson", layerName: "t")
        #expect(layer.features.count == 7)
        #expect(
            Set(layer.problems.compactMap(\.featureIndex)) == [0, 1, 2, 4, 5, 6], "\(layer.problems.map(\.reason))")
        #expect(layer.problems.first { $0.featureIndex == 0 }?.reason == "a position needs at least two numbers")
        #expect(layer.problems.first { $0.featureIndex == 6 }?.code == "not-a-feature")
        // NaN is kept as a number; later checks reject the coordinate.
        #expect(layer.features[3].geometry?.typeName == "POINT")
    }
}
