import Foundation
import TestSupport
import Testing

/// The HTML report in a real browser: headless Chromium (Debian) renders it; the page must not be
/// blank and its maps must be drawn.
@Suite struct BrowserTests {
    /// Headless Chromium, ImageMagick's convert, and a folder with the test town's HTML outputs in out/.
    static func htmlRun() throws -> (chromium: String, convert: String, dir: String) {
        let chromium = try #require(
            Fixtures.which("chromium-headless-shell") ?? Fixtures.which("chromium"),
            "headless Chromium is needed; tools/test installs it")
        let convert = try #require(Fixtures.which("convert"), "ImageMagick is needed; tools/test installs it")
        let dir = Fixtures.temporaryDirectory()
        let run = try Fixtures.runTestTown(out: dir + "/out", ["--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        return (chromium, convert, dir)
    }

    @Test func reportRendersWithMaps() throws {
        let (chromium, convert, dir) = try Self.htmlRun()
        let page = "file://" + dir + "/out/report.html"
        // The rendered DOM: two maps with drawn paths, the generated-data mark, the download table.
        let dom = try Fixtures.run(chromium, ["--no-sandbox", "--disable-gpu", "--dump-dom", page])
        #expect(
            dom.stdout.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\"").count - 1 == 2
        )
        #expect(dom.stdout.components(separatedBy: "<path d=\"M").count > 20)
        #expect(dom.stdout.contains("id=\"generated-data\""))
        // The download table of the English page: English labels, decimal points, no CSV quoting.
        #expect(dom.stdout.contains("<th>Download time in s</th>") && dom.stdout.contains("<td>100 GB backup</td>"))
        #expect(dom.stdout.contains("<td class=\"n\">0.40</td>") && !dom.stdout.contains("&quot;0,40&quot;"))
        // The screenshot: many colours (a blank page has one), and the map area (its green coverage) present.
        let png = dir + "/report.png"
        let shot = try Fixtures.run(
            chromium,
            [
                "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)", "--window-size=1200,2200",
                page,
            ])
        #expect(FileManager.default.fileExists(atPath: png), "\(shot.stderr)")
        let colours = try Fixtures.run(convert, [png, "-format", "%k", "info:"])
        #expect(
            (Int(colours.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 100,
            "colours: \(colours.stdout)")
        // The middle of the first map is coverage-coloured, not white.
        let pixel = try Fixtures.run(
            convert,
            [png, "-crop", "1x1+600+1000", "-format", "%[fx:int(255*r)],%[fx:int(255*g)],%[fx:int(255*b)]", "info:"])
        let rgb = pixel.stdout.split(separator: ",").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(rgb.count == 3 && rgb != [255, 255, 255], "pixel \(pixel.stdout)")
    }

    /// The interactive map offline in headless Chromium: drawn (many colours, the raster under the
    /// buildings), and a building's details opened by a simulated click (`#inspect=ID` fires the click
    /// on its marker) showing its verdicts.
    @Test func mapPageWorksOfflineAndInspectsABuilding() throws {
        let (chromium, convert, dir) = try Self.htmlRun()
        let html = try String(contentsOfFile: dir + "/out/map.html", encoding: .utf8)
        // Self-contained: Leaflet inlined, nothing fetched from anywhere.
        #expect(html.contains("Leaflet") && !html.contains("<script src") && !html.contains("<link"))
        #expect(!html.contains("url(http"))
        let page = "file://" + dir + "/out/map.html"
        let flags = ["--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--window-size=1100,800"]
        let png = dir + "/map.png"
        _ = try Fixtures.run(chromium, flags + ["--screenshot=\(png)", page])
        let colours = try Fixtures.run(convert, [png, "-format", "%k", "info:"])
        #expect((Int(colours.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 200, "\(colours.stdout)")
        // The centre of the map is not Leaflet's empty grey: the raster or a building is drawn there.
        let pixel = try Fixtures.run(
            convert,
            [png, "-crop", "1x1+550+400", "-format", "%[fx:int(255*r)],%[fx:int(255*g)],%[fx:int(255*b)]", "info:"])
        #expect(pixel.stdout != "221,221,221", "pixel \(pixel.stdout)")
        // A simulated click on building b0-1 opens its details.
        let dom = try Fixtures.run(chromium, flags + ["--dump-dom", page + "#inspect=b0-1"])
        #expect(dom.stdout.contains("data-inspected=\"b0-1\""))
        let popup = try #require(dom.stdout.range(of: "<div class=\"leaflet-popup-content\"")).upperBound
        let content = String(dom.stdout[popup...].prefix(1200))
        #expect(content.contains("<b>b0-1</b>") && content.contains("gigabit-2023: förderfähig"), "\(content)")
        #expect(content.contains("Festnetz") && content.contains("zur Hauptlastzeit"))
        // The layer switcher and the district labels.
        #expect(dom.stdout.contains("leaflet-control-layers") && dom.stdout.contains(">District 1<"))
    }
}
