import Foundation
import FoundationXML
import GeoCore
import TestSupport
import Testing

/// The QGIS styles in the GeoPackage: registered where GDAL and QGIS look (`layer_styles`), one default
/// style per layer, well-formed QML, the report's classes and colours, German aliases and labels.
@Suite struct LayerStyleTests {
    @Test func everyLayerHasADefaultStyleInTheReportsColours() throws {
        let ogrinfo = try #require(Fixtures.which("ogrinfo"), "gdal-bin is needed; tools/test installs it")
        let dir = Fixtures.temporaryDirectory()
        let run = try Fixtures.runTestTown(out: dir + "/out", ["--format", "gpkg, html"])
        #expect(run.status == 0, "\(run.stderr)")
        let gpkg = dir + "/out/gigaplan.gpkg"
        #expect(try Fixtures.run(ogrinfo, ["-ro", "-so", gpkg]).stdout.contains("layer_styles"))
        let db = try SQLiteDatabase(path: gpkg, readOnly: true, create: false)
        let layers = try db.query("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").compactMap {
            $0[0].text
        }
        #expect(layers.count >= 14)
        var defaults: [String: String] = [:]
        for row in try db.query("SELECT f_table_name, styleQML FROM layer_styles WHERE useAsDefault = 1") {
            let (layer, qml) = (row[0].text!, row[1].text!)
            #expect(defaults[layer] == nil, "two default styles for \(layer)")
            defaults[layer] = qml
            let document = try XMLDocument(data: Data(qml.utf8))
            #expect(document.rootElement()?.name == "qgis", "\(layer)")
        }
        #expect(Set(defaults.keys) == Set(layers))
        // Buildings: the report's rate classes and legend colours.
        let buildings = try XMLDocument(data: Data(try #require(defaults["buildings"]).utf8))
        let renderer = try #require(try buildings.nodes(forXPath: "//renderer-v2").first as? XMLElement)
        #expect(renderer.attribute(forName: "type")?.stringValue == "graduatedSymbol")
        #expect(renderer.attribute(forName: "attr")?.stringValue == "best_down_mbps")
        let lowers = try buildings.nodes(forXPath: "//range").compactMap {
            ($0 as? XMLElement)?.attribute(forName: "lower")?.stringValue.flatMap(Double.init)
        }
        #expect(lowers == [0, 2, 30, 100, 300])
        let fills = try buildings.nodes(forXPath: "//symbol/layer/prop[@k='color']").compactMap {
            ($0 as? XMLElement)?.attribute(forName: "v")?.stringValue
        }.map { v in "#" + v.split(separator: ",").prefix(3).map { String(format: "%02x", Int($0)!) }.joined() }
        let report = try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8)
        let legend = try Regex(
            ##"fill="(#[0-9a-f]{6})" stroke="#[0-9a-f]{6}"/><text x="34" y="\d+" font-size="13">mobile"##)
        let reportColours = report.matches(of: legend).map { String($0.output[1].substring!) }
        #expect(
            !reportColours.isEmpty && fills == Array(reportColours.prefix(fills.count)), "\(fills) \(reportColours)")
        // German aliases; labels where a layer has names.
        #expect(
            try #require(defaults["buildings"]).contains(
                "<alias field=\"best_down_mbps\" name=\"bester Download (Mbit/s)\"/>"))
        // Booleans as QGIS reads a GeoPackage's BOOLEAN columns.
        #expect(try #require(defaults["trenches"]).contains("value=\"true\" label=\"geschätzt\""))
        let districts = try #require(defaults["districts"])
        #expect(districts.contains("labelsEnabled=\"1\"") && districts.contains("fieldName=\"name\""))
    }
}
