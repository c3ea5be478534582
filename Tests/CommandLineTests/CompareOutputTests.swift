import Foundation
import TestSupport
import Testing

/// `compare` writes its changes as a layer (read back with ogrinfo), a GeoJSON file, a page and JSON,
/// and prints the same JSON with --json.
@Suite struct CompareOutputTests {
    @Test func changesAsLayerPageAndJSON() throws {
        let ogrinfo = try #require(Fixtures.which("ogrinfo"), "gdal-bin is needed; tools/test installs it")
        let out = Fixtures.temporaryDirectory() + "/cmp"
        let a = Fixtures.path("Tests/Fixtures/smalltown.yaml")
        let b = Fixtures.path("Tests/Fixtures/smalltown-5g.yaml")
        let run = try Fixtures.run(Fixtures.gigaplan, ["compare", a, b, "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let csvRows =
            try String(contentsOfFile: out + "/changed_buildings.csv", encoding: .utf8).split(separator: "\n").count - 1
        #expect(csvRows > 0)
        let info = try Fixtures.run(ogrinfo, ["-ro", "-so", out + "/comparison.gpkg", "changed_buildings"]).stdout
        #expect(info.contains("Feature Count: \(csvRows)") && info.contains("EPSG\",25832"))
        let geojson =
            try JSONSerialization.jsonObject(
                with: try Data(contentsOf: URL(fileURLWithPath: out + "/changed_buildings.geojson"))) as? [String: Any]
        #expect((geojson?["features"] as? [Any])?.count == csvRows)
        let file =
            try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: out + "/comparison.json")))
            as? [String: Any]
        #expect(file?["changed_buildings"] as? Int == csvRows)
        let kinds = try #require(file?["by_kind"] as? [String: Int])
        #expect(kinds.values.reduce(0, +) == csvRows)
        let page = try String(contentsOfFile: out + "/comparison.html", encoding: .utf8)
        #expect(page.contains("class=\"map\"") && page.contains("Eligible buildings per district"))
        // --json prints the same JSON.
        let printed = try Fixtures.run(Fixtures.gigaplan, ["compare", a, b, "--json", "--quiet"])
        #expect(printed.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any]
        #expect(parsed?["changed_buildings"] as? Int == csvRows)
        #expect(NSDictionary(dictionary: parsed ?? [:]).isEqual(to: file ?? [:]))
    }
}
