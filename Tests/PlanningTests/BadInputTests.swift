import Foundation
import GeoCore
import TestSupport
import Testing

@testable import Planning

/// Each kind of bad input of the GeoData contract gives a clear problem: what, where and why.
@Suite struct BadInputTests {
    func check(_ name: String, _ text: String, layer: LayerKind? = nil, crs: CRS? = nil) -> ValidationReport {
        ValidationReport.check(paths: [Fixtures.file(name, text)], kind: layer, loader: GeoDataLoader(csvCRS: crs))
    }

    func collection(_ features: String...) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
    }

    func point(_ x: String, _ y: String, _ properties: String = "{}") -> String {
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]},"
            + "\"properties\":\(properties)}"
    }

    func polygon(_ ring: String, _ properties: String) -> String {
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(ring)]},"
            + "\"properties\":\(properties)}"
    }

    /// The only error of a report; fails the test when there is not exactly one.
    func onlyError(_ report: ValidationReport, sourceLocation: SourceLocation = #_sourceLocation) -> InputProblem? {
        let errors = report.problems.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(report.problems)", sourceLocation: sourceLocation)
        return errors.first
    }

    @Test func missingFile() {
        let report = ValidationReport.check(
            paths: ["/nonexistent/buildings.geojson"], kind: nil, loader: GeoDataLoader())
        #expect(report.files[0].unreadable?.reason == "no such file")
        #expect(report.exitCode == 2)
    }

    @Test func emptyFile() {
        let report = check("buildings.geojson", "  \n")
        #expect(report.files[0].unreadable?.reason == "the file is empty")
        #expect(report.exitCode == 2)
    }

    @Test func notJSON() {
        let report = check("buildings.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [}")
        #expect(
            report.files[0].unreadable?.reason.hasPrefix("not valid JSON: line 2, column 15: unexpected character")
                == true, "\(String(describing: report.files[0].unreadable))")
        #expect(report.exitCode == 2)
    }

    @Test func jsonThatIsNotGeoJSON() {
        #expect(
            check("buildings.geojson", "{\"rows\": [1, 2]}").files[0].unreadable?.reason
                == "not GeoJSON: the top-level object has no \"type\" member")
        #expect(
            check("buildings.geojson", "[1, 2]").files[0].unreadable?.reason
                == "not GeoJSON: it starts with \"[1, 2]\", not a JSON object")
        #expect(check("buildings.geojson", "{\"type\": \"Topology\"}").exitCode == 2)
    }

    @Test func nullGeometry() throws {
        let report = check(
            "buildings.geojson", collection("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"id\":\"b1\"}}"))
        let e = try #require(onlyError(report))
        #expect(e.code == "null-geometry")
        #expect(e.featureIndex == 0 && e.featureID == "b1" && e.field == "geometry" && e.layer == "buildings")
        #expect(report.exitCode == 1)
    }

    @Test func unclosedRing() throws {
        let report = check(
            "buildings.geojson",
            collection(polygon("[[7.62,51.96],[7.621,51.96],[7.621,51.961],[7.62,51.961]]", "{\"id\":\"b2\"}")))
        let e = try #require(onlyError(report))
        #expect(e.code == "unclosed-ring")
        #expect(e.reason.contains("exterior ring is not closed"))
        #expect(e.featureID == "b2")
    }

    @Test func selfIntersectingPolygonIsRepairedAndReported() throws {
        let text = collection(
            polygon(
                "[[7.62,51.96],[7.621,51.961],[7.621,51.96],[7.62,51.961],[7.62,51.96]]",
                "{\"id\":\"bow\",\"use\":\"residential\"}"))
        let report = check("buildings.geojson", text)
        #expect(report.exitCode == 0)
        let warning = try #require(report.problems.first { $0.code == "repaired-polygon" })
        #expect(warning.severity == .warning)
        #expect(warning.reason.contains("Self-intersection"))
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(path: Fixtures.file("buildings.geojson", text), into: &data)
        #expect(data.buildings.count == 1)
        #expect(data.buildings[0].geometry.isValid)
    }

    @Test func nonFiniteAndAbsurdCoordinates() throws {
        let report = check(
            "wlan.geojson",
            collection(
                point("NaN", "51.96", "{\"id\":\"a\"}"), point("7.62", "Infinity", "{\"id\":\"b\"}"),
                point("1e300", "51.96", "{\"id\":\"c\"}"), point("7.62", "51.96", "{\"id\":\"ok\"}")))
        let errors = report.problems.filter { $0.severity == .error }
        #expect(errors.map(\.featureID) == ["a", "b", "c"])
        #expect(errors[0].code == "non-finite-coordinate" && errors[1].code == "non-finite-coordinate")
        #expect(errors[2].code == "coordinate-out-of-range")
        #expect(report.files[0].layers[0].usable == 1)
    }

    @Test func latLonSwapped() throws {
        let e = try #require(onlyError(check("wlan.geojson", collection(point("51.9625", "7.628", "{\"id\":\"s\"}")))))
        #expect(e.code == "lat-lon-swapped")
        #expect(e.reason.contains("appear swapped"))
    }

    @Test func gaussKruegerInGeoJSONWithoutCRS() throws {
        let e = try #require(
            onlyError(
                check(
                    "schools.geojson", collection(point("3406016", "5760150", "{\"id\":\"103\",\"name\":\"Kolping\"}")))
            ))
        #expect(e.code == "projected-coordinates-as-lonlat")
        #expect(e.reason.contains("Gauss-Krüger zone 3 (EPSG:31467)"))
    }

    @Test func outsideTheWorkingArea() throws {
        let e = try #require(onlyError(check("wlan.geojson", collection(point("-24.82", "26.30", "{\"id\":\"far\"}")))))
        #expect(e.code == "outside-area-of-use")
    }

    @Test func duplicateIDs() throws {
        let e = try #require(
            onlyError(
                check(
                    "wlan.geojson",
                    collection(point("7.62", "51.96", "{\"id\":\"x\"}"), point("7.63", "51.96", "{\"id\":\"x\"}")))))
        #expect(e.code == "duplicate-id")
        #expect(e.featureIndex == 1)
        #expect(e.reason == "id \"x\" is used by feature 0 already")
    }

    /// A feature without an id takes its index as id; where another feature has that index as its id, the
    /// two are duplicates. Without any id in the layer, every id is a distinct index and none is reported.
    @Test func indexAsIDMeetsAGivenID() throws {
        let e = try #require(
            onlyError(
                check(
                    "wlan.geojson", collection(point("7.62", "51.96", "{\"id\":\"1\"}"), point("7.63", "51.96", "{}"))))
        )
        #expect(e.code == "duplicate-id")
        #expect(e.featureIndex == 1)
        #expect(e.reason == "id \"1\" is used by feature 0 already")
        let withoutIDs = check(
            "wlan.geojson", collection(point("7.62", "51.96"), point("7.63", "51.96"), point("7.64", "51.96")))
        #expect(withoutIDs.problems.filter { $0.severity == .error }.isEmpty, "\(withoutIDs.problems)")
        #expect(withoutIDs.problems.filter { $0.code == "missing-id" }.count == 1)
    }

    /// A layer of several chunks (`LayerDecoder` and the preparation work through 1,024 features at a time):
    /// its problems come as in one pass, those of the preparation first in the order of its checks
    /// (screening, area of use, validity), then those of the decoding, each in feature order, and a repeated
    /// id names the first feature that has it, also where the two are chunks apart.
    @Test func problemsOfALayerOfManyChunks() throws {
        func square(_ k: Int) -> String {
            let (x, y) = (7.55 + Double(k % 60) * 0.002, 51.90 + Double(k / 60) * 0.002)
            return "[[\(x),\(y)],[\(x + 0.0002),\(y)],[\(x + 0.0002),\(y + 0.0002)],[\(x),\(y + 0.0002)],[\(x),\(y)]]"
        }
        let features = (0..<3000).map { k -> String in
            let id = k == 1500 ? "" : "\"id\":\"\(k == 1600 ? "1500" : k == 2100 ? "b-7" : "b-\(k)")\","
            let properties = "{\(id)\"use\":\"residential\"}"
            switch k {
            case 100:
                return polygon("[[7.62,51.96],[7.621,51.961],[7.621,51.96],[7.62,51.961],[7.62,51.96]]", properties)
            case 2000: return polygon("[[-24.82,26.3],[-24.81,26.3],[-24.81,26.31],[-24.82,26.3]]", properties)
            case 2500: return polygon("[[7.62,51.96],[7.621,51.96],[7.621,51.961],[7.62,51.961]]", properties)
            default: return polygon(square(k), properties)
            }
        }
        let report = check("buildings.geojson", collection(features.joined(separator: ",")))
        #expect(
            report.problems.map { "\($0.code) \($0.featureIndex ?? -1)" } == [
                "unclosed-ring 2500", "outside-area-of-use 2000", "repaired-polygon 100", "missing-id 1500",
                "duplicate-id 1600", "duplicate-id 2100",
            ])
        #expect(report.problems[4].reason == "id \"1500\" is used by feature 1500 already")
        #expect(report.problems[5].reason == "id \"b-7\" is used by feature 7 already")
        #expect(report.files[0].layers[0].usable == 2996)
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(
            path: Fixtures.file("buildings.geojson", collection(features.joined(separator: ","))), into: &data)
        let kept = (0..<3000).filter { ![1600, 2000, 2100, 2500].contains($0) }
        #expect(data.buildings.map(\.id) == kept.map { $0 == 1500 ? "1500" : "b-\($0)" })
    }

    @Test func csvWithMissingColumn() throws {
        let e = try #require(onlyError(check("fixed.csv", "building_id,down_mbps\nb1,50\n")))
        #expect(e.code == "missing-field" && e.field == "technology")
    }

    @Test func csvWithDecimalCommasBOMAndSemicolons() throws {
        let text =
            "\u{FEFF}id;lon;lat;technology;down_mbps;up_mbps\n1;7,628;51,9625;vdsl;50;10\n2;7,63;51,96;ftth;1000;500\n"
        let path = Fixtures.file("fixed.csv", text)
        let report = ValidationReport.check(paths: [path], kind: nil, loader: GeoDataLoader())
        #expect(report.problems.isEmpty, "\(report.problems)")
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(path: path, into: &data)
        #expect(data.fixed.count == 2)
        #expect(abs(data.fixed[0].location!.x - 405_734.93) < 0.01)
        #expect(data.fixed[1].technology == .ftth && data.fixed[1].upMbps == 500)
    }

    @Test func unparsableCSVNumber() throws {
        let e = try #require(onlyError(check("wlan.csv", "id,lon,lat\na,7.6x,51.9\n")))
        #expect(e.field == "lon")
        #expect(e.reason == "line 2: \"7.6x\" is not a number")
    }

    @Test func unknownTechnology() throws {
        let site = point(
            "7.62", "51.96",
            "{\"id\":\"S1\",\"sectors\":[{\"technology\":\"lte\",\"frequency_mhz\":800},{\"technology\":\"6g\","
                + "\"frequency_mhz\":3600}]}")
        let e = try #require(onlyError(check("sites.geojson", collection(site))))
        #expect(e.code == "unknown-technology")
        #expect(e.featureID == "S1" && e.field == "technology")
        #expect(e.reason.contains("\"6g\""))
    }

    @Test func negativeHeight() throws {
        let e = try #require(
            onlyError(
                check(
                    "sites.geojson",
                    collection(
                        point(
                            "7.62", "51.96",
                            "{\"id\":\"S1\",\"height_m\":-5,\"technology\":\"lte\",\"frequency_mhz\":800}")))))
        #expect(e.code == "out-of-range" && e.field == "height_m")
        #expect(e.reason == "-5 m is outside 1…400 m")
    }

    @Test func geoPackageLayerInUnknownCRS() throws {
        let path = Fixtures.temporaryDirectory() + "/buildings.gpkg"
        let writer = try GeoPackageWriter(path: path)
        try writer.addLayer("buildings", geometryType: "POINT", crs: .etrs89UTM32, fields: [])
        try writer.insert(into: "buildings", geometry: .point(Coordinate(405_000, 5_757_000)), properties: JSONObject())
        try writer.finish()
        let db = try SQLiteDatabase(path: path)
        try db.execute(
            "UPDATE gpkg_spatial_ref_sys SET organization = 'ACME', organization_coordsys_id = 77, srs_name = 'Local "
                + "grid' WHERE srs_id = 25832")
        let report = ValidationReport.check(paths: [path], kind: nil, loader: GeoDataLoader())
        #expect(report.exitCode == 2)
        #expect(
            report.files[0].unreadable?.reason
                == "layer buildings: its CRS (srs_id 25832, \"Local grid\", ACME:77) is not a CRS that PROJ knows")
    }

    @Test func geoPackageInAnotherCRSIsProjected() throws {
        let path = Fixtures.temporaryDirectory() + "/data.gpkg"
        let writer = try GeoPackageWriter(path: path)
        try writer.addLayer(
            "schools", geometryType: "POINT", crs: .gaussKruger3, fields: [GeoPackageField("name", .text)])
        try writer.insert(
            into: "schools", geometry: .point(Coordinate(3_406_016, 5_760_150)),
            properties: JSONObject([("name", .string("Kolping"))]))
        try writer.finish()
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(path: path, into: &data)
        #expect(data.schools.count == 1)
        // The school's WGS84 twin (7.6314354, 51.9673055) in EPSG:25832:
        let twin = try Projector().transform(Coordinate(7.6314354, 51.9673055), from: .wgs84, to: .etrs89UTM32)
        #expect(data.schools[0].geometry.anchor!.distance(to: twin) < 2)
    }

    @Test func unknownPropertiesArePassedThrough() throws {
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(
            path: Fixtures.file(
                "wlan.geojson", collection(point("7.62", "51.96", "{\"id\":\"a\",\"owner\":\"Stadtwerke\"}"))),
            into: &data)
        #expect(data.wlan[0].attributes["owner"] == .string("Stadtwerke"))
        #expect(data.wlan[0].eirpDBm == 23)
        #expect(
            data.wlan[0].standard == .ax && data.wlan[0].bandMHz == 5000 && data.wlan[0].indoor
                && !data.wlan[0].isPublic)
    }
}
