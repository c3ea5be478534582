import Foundation
import GeoCore
import TestSupport
import Testing

@testable import Planning

/// Input that used to be accepted in silence, or read wrongly: each case is now reported with file,
/// line or feature, or refused.
@Suite struct InputHygieneTests {
    func check(_ name: String, _ text: String, layer: LayerKind? = nil) -> ValidationReport {
        ValidationReport.check(paths: [Fixtures.file(name, text)], kind: layer, loader: GeoDataLoader())
    }

    func scenario(_ yaml: String, in dir: String) throws -> Scenario {
        let path = dir + "/s.yaml"
        try! Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return try ScenarioReader.read(path: path)
    }

    func scenarioError(_ yaml: String, in dir: String = Fixtures.sandbox()) -> ScenarioError? {
        do {
            _ = try scenario(yaml, in: dir)
            return nil
        } catch let error as ScenarioError { return error } catch {
            Issue.record("not a ScenarioError: \(error)")
            return nil
        }
    }

    static let pointFeature =
        #"{"type":"Feature","geometry":{"type":"Point","coordinates":[7.62,51.96]},"properties":{"id":"a"}}"#

    @Test func propertiesThatAreNotAnObjectAreReported() throws {
        let r = check(
            "buildings.geojson",
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"b1","geometry":{"type":"Point","#
                + #""coordinates":[7.62,51.96]},"properties":[1,2]}]}"#)
        let p = try #require(r.problems.first { $0.code == "bad-properties" })
        #expect(p.severity == .error)
        #expect(p.featureIndex == 0 && p.field == "properties" && p.featureID == "b1")
        #expect(p.reason.contains("[1,2]"))
    }

    @Test func invalidUTF8InGeoJSONIsRefusedWithItsPosition() {
        var bytes = Array(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"name":"M"#.utf8)
        bytes += [0xFC]  // Latin-1 ü
        bytes += Array(#"nster"}}]}"#.utf8)
        let path = Fixtures.file("buildings.geojson", bytes: bytes)
        let r = ValidationReport.check(paths: [path], kind: nil, loader: GeoDataLoader())
        #expect(
            r.files[0].unreadable?.reason
                == "not UTF-8 text: invalid UTF-8 at line 1, column 98 (byte 0xFC) (GeoJSON is UTF-8 by RFC 7946)",
            "\(String(describing: r.files[0].unreadable))")
        #expect(r.exitCode == 2)
    }

    @Test func invalidUTF8InCSVIsRefusedWithItsPosition() {
        let path = Fixtures.file(
            "fixed.csv", bytes: Array("id;building_id\n1;a\n2;M".utf8) + [0xFC] + Array("nster\n".utf8))
        let r = ValidationReport.check(paths: [path], kind: nil, loader: GeoDataLoader())
        #expect(
            r.files[0].unreadable?.reason.hasPrefix("not UTF-8 text: invalid UTF-8 at line 3, column 4") == true,
            "\(String(describing: r.files[0].unreadable))")
    }

    @Test func raggedCSVRowsAreReported() throws {
        let r = check(
            "fixed.csv",
            "id;building_id;technology;down_mbps;up_mbps\nf1;b1;ftth;1000;1000\nf2;b2;vdsl\nf3;b3;vdsl;100;40;extra\n")
        let short = try #require(r.problems.first { $0.code == "ragged-row" && $0.featureIndex == 1 })
        #expect(short.severity == .warning)
        #expect(short.reason == "line 3: 3 fields, the header has 5; the missing ones are taken as empty")
        let long = try #require(r.problems.first { $0.code == "ragged-row" && $0.featureIndex == 2 })
        #expect(long.severity == .error)
        #expect(long.reason.hasPrefix("line 4: 6 fields, the header has 5"))
    }

    @Test func binaryFileNamedCSVStopsAtOnce() {
        // 8 MiB of NUL bytes: refused from its first bytes, not read whole.
        let path = Fixtures.file("buildings.csv", bytes: [UInt8](repeating: 0, count: 8 << 20))
        let r = ValidationReport.check(paths: [path], kind: nil, loader: GeoDataLoader())
        #expect(r.files[0].unreadable?.reason == "not CSV text: it holds binary data (a NUL byte at byte 1)")
        #expect(r.exitCode == 2)
        let gpkg = Fixtures.file("buildings.gpkg", "this is text")
        #expect(
            ValidationReport.check(paths: [gpkg], kind: nil, loader: GeoDataLoader()).files[0].unreadable?.reason
                == "not a GeoPackage: it is not an SQLite database (no SQLite header)")
    }

    @Test func problemsNameTheLayerNotTheFileName() throws {
        let dir = Fixtures.sandbox()
        try Data(
            (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"#
                + #"[51.96,7.62]},"properties":{"id":"x"}}]}"#).utf8
        ).write(to: URL(fileURLWithPath: dir + "/nan.geojson"))
        let s = try scenario("name: t\ninputs:\n  buildings: nan.geojson\n", in: dir)
        let data = try s.loadData()
        let p = try #require(data.problems.first { $0.severity == .error })
        #expect(p.layer == "buildings", "\(p)")
        #expect(p.description.contains("layer buildings: feature 0"))
    }

    /// A GeoPackage with a buildings and a districts table.
    func twoTableGeoPackage(_ dir: String) throws -> String {
        let path = dir + "/city.gpkg"
        let writer = try GeoPackageWriter(path: path)
        try writer.addLayer(
            "buildings", geometryType: "POINT", crs: .etrs89UTM32,
            fields: [GeoPackageField("id", .text), GeoPackageField("use", .text)])
        try writer.insert(
            into: "buildings", geometry: .point(Coordinate(405734, 5_757_756)),
            properties: JSONObject([("id", .string("b1")), ("use", .string("residential"))]))
        try writer.addLayer(
            "districts", geometryType: "POLYGON", crs: .etrs89UTM32,
            fields: [GeoPackageField("id", .text), GeoPackageField("name", .text)])
        let square = Polygon(exterior: [
            Coordinate(405000, 5_757_000), Coordinate(406000, 5_757_000), Coordinate(406000, 5_758_000),
            Coordinate(405000, 5_758_000), Coordinate(405000, 5_757_000),
        ])
        try writer.insert(
            into: "districts", geometry: .polygon(square),
            properties: JSONObject([("id", .string("d1")), ("name", .string("Mitte"))]))
        try writer.finish()
        return path
    }

    @Test func multiTableGeoPackageNeedsTheTableNamed() throws {
        let dir = Fixtures.sandbox()
        _ = try twoTableGeoPackage(dir)
        let s = try scenario("name: t\ninputs:\n  buildings: city.gpkg\n", in: dir)
        #expect(throws: UnreadableFile.self) { try s.loadData() }
        do { _ = try s.loadData() } catch let e as UnreadableFile {
            #expect(
                e.reason
                    == "the GeoPackage holds 2 feature tables (buildings, districts); name the one for buildings with "
                    + "{file: …, table: …}")
        }
        let named = try scenario(
            "name: t\ninputs:\n  buildings: {file: city.gpkg, table: buildings}\n  districts: {file: city.gpkg, table: "
                + "districts}\n", in: dir)
        let data = try named.loadData()
        #expect(data.buildings.map(\.id) == ["b1"])
        #expect(data.districts.map(\.name) == ["Mitte"])
        #expect(data.problems.filter { $0.severity == .error }.isEmpty, "\(data.problems)")
        let wrong = try scenario("name: t\ninputs:\n  buildings: {file: city.gpkg, table: houses}\n", in: dir)
        do {
            _ = try wrong.loadData()
            Issue.record("a missing table must be an error")
        } catch let e as UnreadableFile {
            #expect(e.reason == "no feature layer \"houses\" (layers: buildings, districts)")
        }
    }

    @Test func problemsOfAGeoPackageTableNameTheTable() throws {
        let dir = Fixtures.sandbox()
        let writer = try GeoPackageWriter(path: dir + "/survey.gpkg")
        try writer.addLayer(
            "houses", geometryType: "POINT", crs: .etrs89UTM32,
            fields: [GeoPackageField("id", .text), GeoPackageField("height_m", .real)])
        try writer.insert(
            into: "houses", geometry: .point(Coordinate(405734, 5_757_756)),
            properties: JSONObject([("id", .string("h1")), ("height_m", .number(-5))]))
        try writer.addLayer("other", geometryType: "POINT", crs: .etrs89UTM32, fields: [GeoPackageField("id", .text)])
        try writer.finish()
        let s = try scenario(
            "name: t\non_invalid: skip\ninputs:\n  buildings: {file: survey.gpkg, table: houses}\n", in: dir)
        let data = try s.loadData()
        let p = try #require(data.problems.first { $0.featureID == "h1" }, "\(data.problems)")
        #expect(p.layer == "buildings (table houses)")
        #expect(p.description.contains("survey.gpkg: layer buildings (table houses): feature 0 (id \"h1\")"), "\(p)")
    }

    @Test func theSameFileListedTwiceIsRefused() throws {
        let e = try #require(
            scenarioError("name: t\ninputs:\n  buildings: [smalltown/buildings.geojson, smalltown/buildings.geojson]\n")
        )
        #expect(e.key == "inputs.buildings[1]" && e.line == 3, "\(e)")
        #expect(
            e.message.hasSuffix(
                "smalltown/buildings.geojson is listed twice (already under buildings); each input is read once"))
        let across = try #require(
            scenarioError(
                "name: t\ninputs:\n  buildings: smalltown/buildings.geojson\n  schools: smalltown/buildings.geojson\n"))
        #expect(across.message.contains("listed twice (already under buildings)"))
    }

    @Test func workingCRSMustBeProjectedInMetres() throws {
        let geographic = try #require(scenarioError("name: t\ncrs: EPSG:4326\n"))
        #expect(geographic.key == "crs")
        #expect(
            geographic.message
                == "the working CRS must be projected in metres (e.g. EPSG:25832); EPSG:4326 (WGS 84) is geographic, "
                + "in degrees")
        let unknown = try #require(scenarioError("name: t\ncrs: EPSG:99999\n"))
        #expect(unknown.key == "crs" && unknown.message == "EPSG:99999 is not a CRS that PROJ knows")
        // Gauss-Krüger zone 3 is projected in metres and accepted.
        #expect(scenarioError("name: t\ncrs: EPSG:31467\n") == nil)
    }

    @Test func gridFinerThanOneMetreIsRefused() throws {
        let e = try #require(scenarioError("name: t\nanalysis:\n  grid_resolution_m: 0.001\n"))
        #expect(e.key == "analysis.grid_resolution_m")
        #expect(e.message == "0.001 m is finer than 1 m; use 1…5000 m, or 0 for no grid")
    }

    @Test func gridTooLargeForMemoryIsRefusedBeforeWork() {
        var settings = AnalysisSettings()
        settings.gridResolutionM = 1
        #expect(throws: AnalysisLimitError.self) {
            try AnalysisLimits.check(areaWidthM: 20_000, areaHeightM: 20_000, settings: settings)
        }
        do { try AnalysisLimits.check(areaWidthM: 20_000, areaHeightM: 20_000, settings: settings) } catch {
            // 4e8 cells over 20 km × 20 km; 30 million fit at ⌈√(4e8 / 3e7)⌉ = 4 m.
            #expect(
                error.description
                    == "analysis.grid_resolution_m: 1.0 m over the input's extent (20000 m × 20000 m) gives "
                    + "400000000.0 grid cells, more than the 30000000 that fit; use at least 4.0 m, or 0 for no "
                    + "grid")
        }
        settings.gridResolutionM = 4
        #expect(throws: Never.self) {
            try AnalysisLimits.check(areaWidthM: 20_000, areaHeightM: 20_000, settings: settings)
        }
    }
}
