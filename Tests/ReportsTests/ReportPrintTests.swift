import Foundation
import TestSupport
import Testing

@testable import Reports

/// The report on paper and its colours: printed to A4 by headless Chromium, every page carries the header
/// (title, Stand, version); the coverage image is drawn in exactly the legend's colours.
@Suite struct ReportPrintTests {
    static func runReport(locale: String = "en") throws -> String {
        let dir = Fixtures.temporaryDirectory()
        let run = try Fixtures.runTestTown(out: dir + "/out", ["--format", "html", "--locale", locale])
        #expect(run.status == 0, "\(run.stderr)")
        return dir + "/out/report.html"
    }

    @Test(arguments: ["en", "de"]) func printsOnA4WithAHeaderOnEveryPage(_ locale: String) throws {
        let pdftotext = try #require(Fixtures.which("pdftotext"), "poppler-utils is needed; tools/test installs it")
        let pdfinfo = try #require(Fixtures.which("pdfinfo"))
        let html = try Self.runReport(locale: locale)
        let pdf = Fixtures.temporaryDirectory() + "/report.pdf"
        try PDFPrinter.print(html: html, to: pdf)
        let info = try Fixtures.run(pdfinfo, [pdf]).stdout
        #expect(info.contains("(A4)"))
        let pages = try #require(
            info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) }
        )
        #expect(pages >= 3)
        for page in 1...pages {
            let text = try Fixtures.run(pdftotext, ["-f", String(page), "-l", String(page), pdf, "-"]).stdout
            #expect(
                text.split(separator: "\n").first == "smalltown · Stand 2021-06-30 · gigaplan 0.1.0",
                "page \(page): \(text.prefix(80))")
        }
    }

    @Test func coverageImageUsesExactlyTheLegendColours() throws {
        let convert = try #require(Fixtures.which("convert"), "ImageMagick is needed; tools/test installs it")
        let page = try String(contentsOfFile: try Self.runReport(), encoding: .utf8)
        let base64 = try #require(page.firstMatch(of: /data:image\/png;base64,([A-Za-z0-9+\/=]+)/)?.output.1)
        let png = Fixtures.temporaryDirectory() + "/coverage.png"
        try Data(base64Encoded: String(base64))!.write(to: URL(fileURLWithPath: png))
        // Every distinct pixel colour of the image, as #rrggbbaa.
        let unique = try Fixtures.run(convert, [png, "-unique-colors", "-depth", "8", "txt:-"]).stdout
        let drawn = Set(unique.matches(of: /#([0-9A-F]{8})/).map { String($0.output.1).lowercased() })
        let legend = Set(
            page.matches(of: /fill="#([0-9a-f]{6})" stroke="#[0-9a-f]{6}"\/><text x="34" y="\d+" font-size="13">mobile/)
                .map { String($0.output.1) + "ff" })
        #expect(!drawn.isEmpty && legend.count == 5)
        #expect(drawn.isSubset(of: legend), "drawn \(drawn.sorted()), legend \(legend.sorted())")
    }
}

/// `run --locale de`: the report in German, with German numbers, and German reason labels.
@Suite struct GermanReportTests {
    @Test func reportInGerman() throws {
        let dir = Fixtures.temporaryDirectory()
        let run = try Fixtures.runTestTown(out: dir + "/out", ["--format", "html", "--locale", "de"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"de\">"))
        for heading in ["Kennzahlen", "Karten", "Förderprogramme", "Gründe", "Bezirke", "Schulen", "Downloadzeiten"] {
            #expect(page.contains(">\(heading)</h"), "\(heading)")
        }
        for english in ["Headline numbers", "Funding programmes", "Download times", "best outdoor"] {
            #expect(!page.contains(english), "\(english)")
        }
        // German numbers (thousands grouped from five digits, as DIN 5008 allows): decimal commas in the cards
        // and the download table.
        #expect(page.contains("<b>1395</b>Haushalte") && page.contains("<b>4,0 km²</b>"))
        #expect(page.contains("<td class=\"n\">0,40</td>"))
        // German reason labels.
        #expect(page.contains("sozioökonomischer Schwerpunkt ohne gigabitfähigen Anschluss"))
    }
}

/// The language by default: German for German data (a German working CRS), unless the scenario says.
@Suite struct DefaultLocaleTests {
    @Test func germanCRSGivesGermanOutputsUnlessTheScenarioSaysOtherwise() throws {
        let fixture = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/smalltown.yaml"), encoding: .utf8)
        let dir = Fixtures.temporaryDirectory()
        // The test town in EPSG:25832 without its `locale: en`.
        let german = fixture.split(separator: "\n").filter { !$0.hasPrefix("locale:") }.joined(separator: "\n")
            .replacingOccurrences(of: "smalltown/", with: Fixtures.path("Tests/Fixtures/smalltown/"))
            .replacingOccurrences(of: "name: smalltown", with: "name: german-town")
        try german.write(toFile: dir + "/german.yaml", atomically: true, encoding: .utf8)
        let run = try Fixtures.run(
            Fixtures.gigaplan, ["run", dir + "/german.yaml", "--out", dir + "/out", "--format", "csv,html", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"de\">") && page.contains(">Kennzahlen</h2>"))
        let csv = try #require(FileManager.default.contents(atPath: dir + "/out/csv/districts.csv"))
        #expect(
            Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF] && String(decoding: csv, as: UTF8.self).contains("ID;Name;"))
        // --locale en overrides it.
        let english = try Fixtures.run(
            Fixtures.gigaplan,
            ["run", dir + "/german.yaml", "--out", dir + "/en", "--format", "html", "--quiet", "--locale", "en"])
        #expect(english.status == 0)
        #expect(try String(contentsOfFile: dir + "/en/report.html", encoding: .utf8).contains("<html lang=\"en\">"))
    }
}
