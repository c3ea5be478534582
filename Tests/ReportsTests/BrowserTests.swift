import Foundation
import TestSupport
import Testing

/// The HTML report in a real browser: headless Chromium (Debian) renders it; the page must not be
/// blank and its maps must be drawn.
@Suite struct BrowserTests {
    @Test func reportRendersWithMaps() throws {
        let chromium = try #require(
            Fixtures.which("chromium-headless-shell") ?? Fixtures.which("chromium"),
            "headless Chromium is needed; tools/test installs it")
        let convert = try #require(Fixtures.which("convert"), "ImageMagick is needed; tools/test installs it")
        let dir = Fixtures.temporaryDirectory()
        let run = try Fixtures.run(
            Fixtures.gigaplan,
            [
                "run", Fixtures.path("Tests/Fixtures/smalltown.yaml"), "--out", dir + "/out", "--format", "html",
                "--quiet",
            ])
        #expect(run.status == 0, "\(run.stderr)")
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
}
