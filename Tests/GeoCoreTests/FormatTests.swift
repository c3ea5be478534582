import Foundation
import TestSupport
import Testing

@testable import GeoCore

@Suite struct FormatTests {
    let polygonWithHole = Geometry.polygon(
        Polygon(
            // clockwise
            exterior: [Coordinate(0, 0), Coordinate(0, 10), Coordinate(10, 10), Coordinate(10, 0), Coordinate(0, 0)],
            // counter-clockwise
            holes: [[Coordinate(2, 2), Coordinate(4, 2), Coordinate(4, 4), Coordinate(2, 4), Coordinate(2, 2)]]))

    @Test func wkbRoundTrip() throws {
        let geometries: [Geometry] = [
            .point(Coordinate(7.628, 51.9625)), .lineString([Coordinate(0, 0), Coordinate(1, 1)]), polygonWithHole,
            .multiPoint([Coordinate(1, 2), Coordinate(3, 4)]),
            .multiLineString([
                [Coordinate(0, 0), Coordinate(1, 1)], [Coordinate(2, 2), Coordinate(3, 3), Coordinate(4, 5)],
            ]),
            .multiPolygon([
                polygonWithHole.polygons[0], .rectangle(BoundingBox(minX: 20, minY: 20, maxX: 30, maxY: 30)),
            ]), .collection([.point(Coordinate(1, 1)), .lineString([Coordinate(0, 0), Coordinate(2, 2)])]),
        ]
        for g in geometries { #expect(try WKB.decode(WKB.encode(g)) == g) }
        // WKB by hand: little-endian point (1, 2).
        #expect(
            WKB.encode(.point(Coordinate(1, 2))) == [1, 1, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0xF0, 0x3F] + [
                0, 0, 0, 0, 0, 0, 0, 0x40,
            ])
        // Big-endian ISO Point Z (1001) is read, Z dropped.
        let bigZ: [UInt8] =
            [0, 0, 0, 0x03, 0xE9] + [0x3F, 0xF0, 0, 0, 0, 0, 0, 0] + [0x40, 0, 0, 0, 0, 0, 0, 0] + [
                0x40, 0x08, 0, 0, 0, 0, 0, 0,
            ]
        #expect(try WKB.decode(bigZ) == .point(Coordinate(1, 2)))
        #expect(throws: GeometryError.self) { try WKB.decode([1, 1, 0, 0]) }
    }

    @Test func wkt() throws {
        #expect(try Geometry(wkt: "POINT (7.628 51.9625)") == .point(Coordinate(7.628, 51.9625)))
        #expect(
            try polygonWithHole.wkt(decimals: 0) == "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))"
        )
        #expect(throws: GeometryError.self) { try Geometry(wkt: "POLYGON ((0 0, 1 1") }
    }

    @Test func geoJSONWriterFollowsRFC7946() throws {
        let feature = Feature(
            index: 0, geometry: polygonWithHole, properties: JSONObject([("id", .string("a")), ("n", .number(1.5))]))
        let text = GeoJSONWriter(decimals: 7).document(features: [feature])
        #expect(!text.contains("\"crs\""))
        let layer = try GeoJSONReader.read(bytes: Array(text.utf8), path: "t", layerName: "t")
        let read = try #require(layer.features.first?.geometry?.polygons.first)
        #expect(Ring.signedArea(read.exterior) > 0, "exterior ring counter-clockwise")
        #expect(Ring.signedArea(read.holes[0]) < 0, "holes clockwise")
        #expect(try layer.features[0].geometry!.topologicallyEquals(polygonWithHole))
        #expect(layer.features[0].properties["n"] == .number(1.5))
        // Seven decimals.
        let point = GeoJSONWriter().geometry(.point(Coordinate(7.123456789, 51.98765432)))
        #expect(point == "{\"type\":\"Point\",\"coordinates\":[7.1234568,51.9876543]}")
    }

    /// A layer's feature written from its property keys and values is the text of the same `Feature`:
    /// the keys' commas and quoting (a name with a quote, one with a non-ASCII letter), the id taken from
    /// the `id` value, and values of every kind.
    @Test func featureFromKeysAndValuesIsTheFeaturesText() throws {
        let names = ["id", "name \"quoted\"", "Höhe (m)", "missing", "flags", "share"]
        let values: [JSONValue] = [
            .string("b-7"), .string("Haus \\ 1"), .number(12.5), .null, .array([.bool(true), .number(-3)]),
            .number(0.1234),
        ]
        let writer = GeoJSONWriter(decimals: 7)
        var text: [UInt8] = []
        writer.appendFeature(
            geometry: polygonWithHole, keys: GeoJSONWriter.PropertyKeys(names), values: FieldValues(values), idIndex: 0,
            to: &text)
        let feature = Feature(index: 0, geometry: polygonWithHole, properties: JSONObject(Array(zip(names, values))))
        #expect(String(decoding: text, as: UTF8.self) == writer.feature(feature))
        #expect(GeoJSONWriter.PropertyKeys(names).count == names.count)
    }

    @Test func geoJSONReaderHonoursLegacyCRS() throws {
        let text = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},
             "features":[{"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[405734.93,5757756.36]},\
            "properties":{"name":"x"}}]}
            """
        let layer = try GeoJSONReader.read(bytes: Array(text.utf8), path: "t", layerName: "t")
        #expect(layer.crs == .etrs89UTM32)
        #expect(layer.features[0].id == "7")
        let prepared = try layer.prepared(for: .wgs84, projector: Projector())
        let c = try #require(prepared.features[0].geometry?.anchor)
        #expect(abs(c.x - 7.628) < 1e-7 && abs(c.y - 51.9625) < 1e-7)
    }

    @Test func jsonParserReportsWhere() throws {
        do {
            _ = try JSONParser.parse(Array("{\n  \"a\": [1, 2,, 3]\n}".utf8))
            Issue.record("should fail")
        } catch let e as JSONParser.SyntaxError {
            #expect(e.line == 2)
            #expect(e.column == 14)
        } catch { Issue.record("wrong error \(error)") }
        #expect(
            try JSONParser.parse(Array("[NaN, -Infinity, 1e2, \"\\u00fc\\ud83d\\ude00\"]".utf8)).arrayValue?.count == 4)
        #expect(try JSONParser.parse(Array("\"\\u00fc\"".utf8)) == .string("ü"))
    }

    @Test func csvDialects() throws {
        let text = "\u{FEFF}\"Name\";X;Y\n\"Schule \"\"Am See\"\"\";3406016,5;5760150\r\n\"a;b\";1;2\n"
        let table = try CSVTable.parse(Array(text.utf8), path: "t.csv")
        #expect(table.delimiter == ";")
        #expect(table.header == ["Name", "X", "Y"])
        #expect(table.rows[0] == ["Schule \"Am See\"", "3406016,5", "5760150"])
        #expect(table.rows[1][0] == "a;b")
        // A quote inside an unquoted field is text, a carriage return outside quotes is dropped, text after
        // a closing quote joins the field, and empty fields stay.
        let odd = try CSVTable.parse(Array("a;b;c\nx\"y;c\rd;\"q\"r\n1;;\n".utf8), path: "t.csv")
        #expect(odd.rows == [["x\"y", "cd", "qr"], ["1", "", ""]])
        #expect(DecimalText.parse("3406016,5") == 3406016.5)
        #expect(DecimalText.parse(" 51.96 ") == 51.96)
        #expect(DecimalText.parse("1.234,5") == nil)
        #expect(CSVTable.detectDelimiter("a,b,c") == ",")
    }

    /// The records of random delimited text (quotes, doubled quotes, carriage returns inside and outside
    /// quotes, empty fields and lines, non-ASCII text, no line end at the end) are those a plain reading
    /// of one byte at a time makes, with the rules `csvDialects` shows.
    @Test func csvRecordsAreThoseOfAByteByByteReading() throws {
        /// One byte at a time: a quote opens a quoted field only at a field's start, a doubled quote inside
        /// one is a quote, a carriage return outside quotes is dropped, a line with one empty field is none.
        func byteByByte(_ bytes: [UInt8]) -> (records: [[String]], lines: [Int])? {
            var records: [[String]] = []
            var lines: [Int] = []
            var record: [String] = []
            var field: [UInt8] = []
            var (inQuotes, line, recordLine, i) = (false, 1, 1, 0)
            func endRecord() {
                record.append(String(decoding: field, as: UTF8.self))
                field = []
                if !(record.count == 1 && record[0].isEmpty) {
                    records.append(record)
                    lines.append(recordLine)
                }
                record = []
            }
            while i < bytes.count {
                let c = bytes[i]
                i += 1
                if inQuotes {
                    if c == 0x22, i < bytes.count, bytes[i] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else if c == 0x22 {
                        inQuotes = false
                    } else {
                        if c == 0x0A { line += 1 }
                        field.append(c)
                    }
                } else if c == 0x22 && field.isEmpty {
                    inQuotes = true
                } else if c == 0x0D {
                    continue
                } else if c == 0x0A {
                    endRecord()
                    line += 1
                    recordLine = line
                } else if c == UInt8(ascii: ";") {
                    record.append(String(decoding: field, as: UTF8.self))
                    field = []
                } else {
                    field.append(c)
                }
            }
            if inQuotes { return nil }
            if !field.isEmpty || !record.isEmpty { endRecord() }
            return (records, lines)
        }
        var g = SplitMix64(state: 4180)
        let pieces = ["a", "Münster", "12,5", ";", ";", "\"", "\"\"", "\r", "\n", "\r\n", " ", "x\"y", ""]
        for _ in 0..<3000 {
            var text = "id;name;value\n"
            for _ in 0..<g.below(40) { text += pieces[g.below(pieces.count)] }
            let bytes = Array(text.utf8)
            guard let expected = byteByByte(bytes) else {
                #expect(throws: UnreadableFile.self, "\(text.debugDescription)") {
                    try CSVTable.parse(bytes, path: "t.csv")
                }
                continue
            }
            let table = try CSVTable.parse(bytes, path: "t.csv")
            let width = expected.records[0].count
            #expect(table.header == expected.records[0], "\(text.debugDescription)")
            #expect(table.fieldCounts == expected.records.dropFirst().map(\.count), "\(text.debugDescription)")
            #expect(
                table.rows
                    == expected.records.dropFirst().map { $0 + Array(repeating: "", count: max(0, width - $0.count)) },
                "\(text.debugDescription)")
            #expect(table.lineNumbers == Array(expected.lines.dropFirst()), "\(text.debugDescription)")
        }
    }

    /// Decimal text is read as the C library's strtod (behind `Double(String)`) reads it, bit for bit:
    /// short and long mantissas, leading and trailing zeros, many places, signs, and the forms that only
    /// the general parser takes (exponents, a bare point, a plus sign).
    @Test func decimalTextIsReadAsStrtodReadsIt() {
        var g = SplitMix64(state: 11)
        var texts = [
            "0", "-0", "00012", "0.1", "0.30000000000000004", "123456789012345", "1234567890123456", "9007199254740993",
            "0.0000000000000000000001", "1e5", ".5", "5.", "+3", "-12.50", "1000", "2", "0.4",
        ]
        for _ in 0..<5000 {
            var t = g.below(2) == 0 ? "-" : ""
            for _ in 0...Int(g.below(18)) { t += String(g.below(10)) }
            if g.below(3) > 0 {
                t += "."
                for _ in 0...Int(g.below(24)) { t += String(g.below(10)) }
            }
            texts.append(t)
        }
        for t in texts {
            let expected = Double(t)
            #expect(DecimalText.parse(t)?.bitPattern == expected?.bitPattern, "\(t)")
        }
    }
}

@Suite struct GeoPackageTests {
    func writeSample(_ path: String) throws {
        let writer = try GeoPackageWriter(path: path)
        try writer.addLayer(
            "buildings", geometryType: "POLYGON", crs: .etrs89UTM32,
            fields: [
                GeoPackageField("name", .text), GeoPackageField("households", .integer),
                GeoPackageField("down_mbps", .real), GeoPackageField("eligible", .boolean),
            ])
        for i in 0..<3 {
            let box = BoundingBox(
                minX: 405_000 + Double(i) * 50, minY: 5_757_000, maxX: 405_020 + Double(i) * 50, maxY: 5_757_030)
            try writer.insert(
                into: "buildings", geometry: .polygon(.rectangle(box)),
                properties: JSONObject([
                    ("name", .string("Haus \(i) ä")), ("households", .number(Double(i))), ("down_mbps", .number(16.5)),
                    ("eligible", .bool(i == 1)),
                ]))
        }
        try writer.addLayer("schools", geometryType: "POINT", crs: .wgs84, fields: [GeoPackageField("name", .text)])
        try writer.insert(
            into: "schools", geometry: .point(Coordinate(7.628, 51.9625)),
            properties: JSONObject([("name", .string("Schule"))]))
        try writer.insert(into: "schools", geometry: nil, properties: JSONObject([("name", .string("ohne Ort"))]))
        try writer.finish()
    }

    @Test func roundTrip() throws {
        let path = Fixtures.temporaryDirectory() + "/out.gpkg"
        try writeSample(path)
        let layers = try GeoPackageReader.read(path: path)
        #expect(layers.map(\.name) == ["buildings", "schools"])
        #expect(layers[0].crs == .etrs89UTM32)
        #expect(layers[1].crs == .wgs84)
        #expect(layers[0].features.count == 3)
        #expect(layers[0].features[2].properties["name"] == .string("Haus 2 ä"))
        #expect(layers[0].features[2].properties["households"] == .number(2))
        #expect(layers[0].features[1].properties["eligible"] == .number(1))
        #expect(try layers[0].features[0].geometry!.area() == 600)
        #expect(layers[1].features[0].geometry == .point(Coordinate(7.628, 51.9625)))
        #expect(layers[1].features[1].geometry == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"))
    }

    /// Each row's properties are the table's columns in their order, but the geometry and fid; a blob is no
    /// property, so a row with one lacks that key and keeps the others in their order.
    @Test func propertiesAreTheColumnsInTheirOrder() throws {
        let path = Fixtures.temporaryDirectory() + "/blob.gpkg"
        try writeSample(path)
        let db = try SQLiteDatabase(path: path)
        // The R-tree's triggers call GeoPackage SQL functions that plain SQLite lacks; the rows keep their boxes.
        for trigger in try db.query("SELECT name FROM sqlite_master WHERE type = 'trigger'", []) {
            try db.execute("DROP TRIGGER \"\(trigger[0].text!)\"")
        }
        try db.execute("ALTER TABLE buildings ADD COLUMN photo BLOB")
        try db.execute("ALTER TABLE buildings ADD COLUMN note TEXT")
        try db.execute("UPDATE buildings SET photo = x'FFD8', note = 'mit Foto' WHERE fid = 2")
        try db.execute("UPDATE buildings SET note = 'ohne' WHERE fid = 3")
        let features = try GeoPackageReader.read(path: path, layer: "buildings")[0].features
        let columns = ["name", "households", "down_mbps", "eligible"]
        #expect(features[0].properties.keys == columns + ["photo", "note"])
        #expect(features[0].properties["photo"] == .null && features[0].properties["note"] == .null)
        #expect(features[1].properties.keys == columns + ["note"])
        #expect(features[1].properties["note"] == .string("mit Foto"))
        #expect(features[1].properties["households"] == .number(1))
        #expect(features[2].properties.keys == columns + ["photo", "note"])
        #expect(
            features[2].properties["note"] == .string("ohne") && features[2].properties["name"] == .string("Haus 2 ä"))
        #expect(features.map(\.index) == [0, 1, 2] && features.allSatisfy { $0.geometry != nil })
    }

    /// Rows go into the file many to a statement (`SQLiteInserter`): two layers written in turns, with
    /// counts that leave rows pending at `endLayer` and at `finish`, keep every row, its order (fid), its
    /// values and its R-tree box.
    @Test func rowsInsertedManyAtOnceKeepTheirOrderAndValues() throws {
        let path = Fixtures.temporaryDirectory() + "/many.gpkg"
        let writer = try GeoPackageWriter(path: path)
        let fields = [GeoPackageField("name", .text), GeoPackageField("value", .real)]
        try writer.addLayer("a", geometryType: "POINT", crs: .etrs89UTM32, fields: fields)
        try writer.addLayer("b", geometryType: "POINT", crs: .etrs89UTM32, fields: fields)
        let batch = SQLiteInserter.standardRowsPerStatement
        let (countA, countB) = (3 * batch + 5, batch - 1)
        func row(_ layer: String, _ k: Int) throws {
            try writer.insert(
                into: layer, geometry: k % 7 == 3 ? nil : .point(Coordinate(Double(400_000 + k), 5_750_000)),
                values: [.string("\(layer)-\(k)"), k % 5 == 0 ? .null : .number(Double(k) / 4)])
        }
        for k in 0..<max(countA, countB) {
            if k < countA { try row("a", k) }
            if k < countB { try row("b", k) }
            if k == countB - 1 { try writer.endLayer("b") }
        }
        try writer.finish()
        let db = try SQLiteDatabase(path: path, readOnly: true, create: false)
        for (layer, count) in [("a", countA), ("b", countB)] {
            let rows = try db.query("SELECT fid, name, value, geom IS NULL FROM \(layer) ORDER BY fid")
            #expect(rows.count == count)
            for (k, r) in rows.enumerated() {
                #expect(r[0] == .integer(Int64(k + 1)))
                #expect(r[1] == .text("\(layer)-\(k)"))
                #expect(r[2] == (k % 5 == 0 ? .null : .real(Double(k) / 4)))
                #expect(r[3] == .integer(k % 7 == 3 ? 1 : 0))
            }
            let boxes = try db.query("SELECT id, minx FROM rtree_\(layer)_geom ORDER BY id")
            let located = (0..<count).filter { $0 % 7 != 3 }
            #expect(boxes.map { $0[0] } == located.map { .integer(Int64($0 + 1)) })
            #expect(boxes.map { $0[1].real! } == located.map { Double(400_000 + $0) })
        }
    }

    @Test func sameInputSameBytes() throws {
        let dir = Fixtures.temporaryDirectory()
        try writeSample(dir + "/a.gpkg")
        try writeSample(dir + "/b.gpkg")
        #expect(
            FileManager.default.contents(atPath: dir + "/a.gpkg")
                == FileManager.default.contents(atPath: dir + "/b.gpkg"))
    }

    @Test func ogrinfoOpensIt() throws {
        let ogrinfo = try #require(
            Fixtures.which("ogrinfo"), "ogrinfo (Debian gdal-bin) is needed; tools/test installs it")
        let path = Fixtures.temporaryDirectory() + "/out.gpkg"
        try writeSample(path)
        let listing = try Fixtures.run(ogrinfo, ["-ro", "-q", path])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout.contains("buildings (Polygon)"))
        #expect(listing.stdout.contains("schools (Point)"))
        #expect(!listing.stderr.contains("Warning"), "\(listing.stderr)")
        let buildings = try Fixtures.run(ogrinfo, ["-ro", "-so", path, "buildings"])
        #expect(buildings.stdout.contains("Feature Count: 3"))
        #expect(buildings.stdout.contains("ETRS89 / UTM zone 32N"))
        #expect(
            buildings.stdout.contains("ID[\"EPSG\",25832]")
                || buildings.stdout.contains("AUTHORITY[\"EPSG\",\"25832\"]"))
        #expect(buildings.stdout.contains("households: Integer"))
        #expect(buildings.stdout.contains("down_mbps: Real"))
        #expect(buildings.stdout.contains("eligible: Integer(Boolean)"))
        #expect(buildings.stdout.contains("Extent: (405000.000000, 5757000.000000) - (405120.000000, 5757030.000000)"))
        let schools = try Fixtures.run(ogrinfo, ["-ro", "-so", path, "schools"])
        #expect(schools.stdout.contains("Feature Count: 2"))
        #expect(schools.stdout.contains("WGS 84"))
        let features = try Fixtures.run(ogrinfo, ["-ro", path, "buildings", "-where", "fid = 3"])
        #expect(features.stdout.contains("name (String) = Haus 2 ä"))
        #expect(
            features.stdout.contains(
                "POLYGON ((405100 5757000,405120 5757000,405120 5757030,405100 5757030,405100 5757000))"))
    }

    /// Every input feature holds one `JSONValue` per property, so its size is memory per building: 24 bytes
    /// (a string and a tag), not 32 (an unboxed object's three references and a tag). Nested objects still
    /// read back as they were written.
    @Test func jsonValuesAreCompactAndObjectsNest() throws {
        #expect(MemoryLayout<JSONValue>.stride == 24)
        let inner = JSONObject([("b", .number(1)), ("c", .array([.string("x"), .null]))])
        let outer = JSONObject([("a", .object(inner)), ("d", .bool(true))])
        #expect(outer["a"]?.objectValue == inner)
        #expect(outer["a"]?.objectValue?["c"] == .array([.string("x"), .null]))
    }
}
