import Foundation
import TestSupport
import Testing

/// Runs on inputs that used to crash gigaplan or to write what they should not.
@Suite struct RunEdgeCaseTests {
    func gigaplan(_ dir: String, _ arguments: [String]) throws -> Fixtures.ProcessResult {
        try Fixtures.run(Fixtures.gigaplan, arguments, in: dir)
    }

    func write(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

    @Test(arguments: [
        ("empty-buildings", "buildings: empty.geojson"), ("only-sites", "sites: smalltown/sites.geojson"),
    ]) func scenarioWithNoBuildingsAndNoDistrictsRuns(_ name: String, _ input: String) throws {
        let dir = Fixtures.sandbox()
        try write(#"{"type":"FeatureCollection","features":[]}"#, dir + "/empty.geojson")
        try write("name: \(name)\ninputs:\n  \(input)\n", dir + "/s.yaml")
        let r = try gigaplan(dir, ["run", "s.yaml", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try String(contentsOfFile: dir + "/out/\(name)/report.html", encoding: .utf8)
        #expect(report.contains("</html>"))
        #expect(
            !((try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []).contains {
                $0.contains("partial")
            })
    }

    @Test func pointBuildingsAreAPointLayer() throws {
        let dir = Fixtures.sandbox()
        try write(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"#
                + #"[7.62,51.96]},"properties":{"id":"a","use":"residential","households":2}},{"type":"Feature","#
                + #""geometry":{"type":"Point","coordinates":[7.621,51.961]},"properties":{"id":"b","use":"#
                + #""residential","households":3}}]}"#, dir + "/points.geojson")
        try write("name: points\ninputs:\n  buildings: points.geojson\n", dir + "/s.yaml")
        let r = try gigaplan(dir, ["run", "s.yaml", "--quiet", "--format", "gpkg"])
        #expect(r.status == 0, "\(r.stderr)")
        let ogrinfo = try #require(
            Fixtures.which("ogrinfo"), "ogrinfo (Debian gdal-bin) is needed; tools/test installs it")
        let info = try Fixtures.run(ogrinfo, ["-ro", "-so", dir + "/out/points/gigaplan.gpkg", "buildings"])
        #expect(info.stdout.contains("Geometry: Point"), "\(info.stdout)")
    }

    @Test func schoolsAreCountedAsSchoolsAndTheClassRuleUnknownWithoutClasses() throws {
        let dir = Fixtures.sandbox()
        // One school building holding two schools, on ADSL: both schools are eligible, one building.
        let ring = "[[7.6200,51.9600],[7.6210,51.9600],[7.6210,51.9606],[7.6200,51.9606],[7.6200,51.9600]]"
        try write(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[\(ring)]},\"properties\":{\"id\":\"sb\",\"use\":\"school\"}}]}", dir + "/b.geojson")
        try write(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"#
                + #"[7.6203,51.9603]},"properties":{"id":"s1","name":"Grundschule"}},{"type":"Feature","geometry":"#
                + #"{"type":"Point","coordinates":[7.6207,51.9603]},"properties":{"id":"s2","name":"#
                + #""Hauptschule"}}]}"#, dir + "/schools.geojson")
        try write("building_id,technology,down_mbps,up_mbps\nsb,adsl,16,1\n", dir + "/fixed.csv")
        try write(
            "name: two-schools\ninputs:\n  buildings: b.geojson\n  schools: schools.geojson\n  fixed: "
                + "fixed.csv\nanalysis:\n  grid_resolution_m: 0\n", dir + "/s.yaml")
        let r = try gigaplan(dir, ["run", "s.yaml", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let programmes = try #require(summary["programmes"] as? [String: [String: Any]])
        #expect(programmes["gigabit-2023"]?["eligible_schools"] as? Int == 2)
        #expect(programmes["gigabit-2023"]?["eligible_school_buildings"] as? Int == 1)
        let schools = try #require(summary["schools"] as? [String: Any])
        #expect(schools["meeting_30_per_class"] is NSNull, "\(schools)")
        #expect(schools["class_rule_unknown"] as? Int == 2)
    }

    /// A focus point's input properties pass through as `src_*` columns like a building's: a JSON null
    /// stays null (it was written as empty text), a missing one is null, a value is its text.
    @Test func focusPointPropertiesPassThroughWithNullsKept() throws {
        let dir = Fixtures.sandbox()
        try write(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"#
                + #"[7.6276,51.9696]},"properties":{"id":"h1","kind":"hospital","operator":null,"beds":120}},"#
                + #"{"type":"Feature","geometry":{"type":"Point","coordinates":[7.6389,51.9573]},"properties":"#
                + #"{"id":"h2","kind":"hospital","operator":"Stadt"}}]}"#, dir + "/focus.geojson")
        try write("name: focus\nbase: smalltown.yaml\ninputs:\n  focus_points: focus.geojson\n", dir + "/focus.yaml")
        let r = try gigaplan(dir, ["run", "focus.yaml", "--quiet", "--format", "geojson"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/focus/geojson/focus_points.geojson"))
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]])
        let properties = features.compactMap { $0["properties"] as? [String: Any] }
        let byID = Dictionary(uniqueKeysWithValues: properties.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["h1"]?["src_operator"] is NSNull, "\(byID["h1"] ?? [:])")
        #expect(byID["h1"]?["src_beds"] as? String == "120")
        #expect(byID["h2"]?["src_operator"] as? String == "Stadt")
        #expect(byID["h2"]?["src_beds"] is NSNull)
    }

    @Test func gridTooFineForTheExtentStopsBeforeWork() throws {
        let dir = Fixtures.sandbox()
        try write("name: fine\nbase: smalltown.yaml\nanalysis:\n  grid_resolution_m: 0.001\n", dir + "/fine.yaml")
        let r = try gigaplan(dir, ["run", "fine.yaml", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("analysis.grid_resolution_m: 0.001 m is finer than 1 m"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func inputProblemsNameFilesRelativeToTheScenario() throws {
        let dir = Fixtures.sandbox()
        // A building with swapped lat/lon is an input problem; skip it so that the run writes its list.
        try write(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"#
                + #"[51.96,7.62]},"properties":{"id":"x"}}]}"#, dir + "/bad.geojson")
        try write(
            "name: rel\nbase: smalltown.yaml\non_invalid: skip\ninputs:\n  buildings: [smalltown/buildings.geojson, "
                + "bad.geojson]\n", dir + "/rel.yaml")
        let r = try gigaplan(dir, ["run", "rel.yaml", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: dir + "/out/rel/csv/input_problems.csv", encoding: .utf8)
        #expect(csv.contains(",bad.geojson,buildings,0,x,"), "\(csv)")
        #expect(!csv.contains(dir), "\(csv)")
    }
}
