import Foundation
import TestSupport
import Testing

/// The application pack per project area, read back with independent tools: ogrinfo (GDAL) for the
/// Shapefile, FlatGeobuf and KML layers, pdftoppm and ImageMagick for the PDF.
@Suite struct ApplicationPackTests {
    static func tool(_ name: String) throws -> String {
        try #require(Fixtures.which(name), "\(name) is needed; tools/test installs it")
    }

    /// ogrinfo's feature count of a file's only layer.
    static func featureCount(_ path: String) throws -> Int? {
        let info = try Fixtures.run(try tool("ogrinfo"), ["-ro", "-so", "-al", path])
        let line = info.stdout.split(separator: "\n").first { $0.hasPrefix("Feature Count:") }
        return line.flatMap { Int($0.split(separator: " ").last!) }
    }

    @Test func packPerProjectAreaOpensInGISAndPrints() throws {
        let out = Fixtures.temporaryDirectory() + "/pack"
        let run = try Fixtures.run(
            Fixtures.gigaplan,
            [
                "report", Fixtures.path("Tests/Fixtures/smalltown.yaml"), "--per", "project-area", "--out", out,
                "--quiet",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try Fixtures.runTestTown(out: out + "-run", ["--json"])
        let costs = try #require(
            (try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])?["costs"]
                as? [String: Any])
        let areas = try #require(costs["project_areas"] as? Int)
        #expect(areas > 1)
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("PG-") }.sorted()
        #expect(folders.count == areas)
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("lang=\"de\"") && index.contains("Wirtschaftlichkeitslücke"))
        var addressesInAll = 0
        for folder in folders {
            #expect(index.contains("href=\"\(folder)/bericht.pdf\""))
            let dir = out + "/" + folder
            // German CSV: byte-order mark, semicolons, German headers, decimal commas.
            let bytes = try #require(FileManager.default.contents(atPath: dir + "/adressliste.csv"))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\n")
            #expect(lines[0].hasPrefix("Projektgebiet;Gebäude-ID;Straße;Hausnummer;PLZ;Ort;AGS;Kategorie"))
            let rows = lines.count - 1
            #expect(rows > 0)
            addressesInAll += rows
            // The same addresses in every GIS format; one project-area polygon.
            for format in ["shp", "fgb", "kml"] {
                #expect(try Self.featureCount("\(dir)/\(format)/adressen.\(format)") == rows, "\(folder) \(format)")
                #expect(try Self.featureCount("\(dir)/\(format)/projektgebiet.\(format)") == 1, "\(folder) \(format)")
            }
            // German field names and labels, the same in every format.
            for format in ["shp", "fgb", "kml"] {
                let info = try Fixtures.run(
                    try Self.tool("ogrinfo"), ["-ro", "-al", "\(dir)/\(format)/adressen.\(format)"])
                #expect(info.stdout.contains("strasse (String)") && info.stdout.contains("begruendng (String)"))
                #expect(info.stdout.contains("Privathaushalt") || info.stdout.contains("Unternehmen"), "\(format)")
            }
            // The Shapefile names its CRS (EPSG:25832) and its encoding.
            let prj = try String(contentsOfFile: dir + "/shp/adressen.prj", encoding: .utf8)
            #expect(prj.contains("ETRS_1989_UTM_Zone_32N"))
            #expect(try String(contentsOfFile: dir + "/shp/adressen.cpg", encoding: .utf8).contains("UTF-8"))
        }
        #expect(addressesInAll == costs["buildings"] as? Int)
        // The first PDF is A4 and prints something on its first page.
        let pdf = out + "/" + folders[0] + "/bericht.pdf"
        let info = try Fixtures.run(try Self.tool("pdfinfo"), [pdf])
        #expect(info.stdout.contains("(A4)"))
        let png = Fixtures.temporaryDirectory() + "/page"
        #expect(
            try Fixtures.run(
                try Self.tool("pdftoppm"), ["-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, png]
            ).status == 0)
        let mean = try Fixtures.run(
            try Self.tool("convert"), [png + ".png", "-colorspace", "Gray", "-format", "%[fx:mean]", "info:"])
        let brightness = try #require(Double(mean.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(brightness < 0.985 && brightness > 0.3, "page 1 is blank or dark: mean \(brightness)")
        // The same input gives the same pack, byte for byte.
        let again = Fixtures.temporaryDirectory() + "/pack"
        _ = try Fixtures.run(
            Fixtures.gigaplan,
            [
                "report", Fixtures.path("Tests/Fixtures/smalltown.yaml"), "--per", "project-area", "--out", again,
                "--quiet",
            ])
        let (first, second) = (Fixtures.snapshot(out), Fixtures.snapshot(again))
        let differing = Set(first.keys).union(second.keys).filter { first[$0] != second[$0] }.sorted()
        #expect(differing.isEmpty, "files that differ between two packs of the same input: \(differing)")
    }

    @Test func germanCSVUnderLocaleDe() throws {
        let out = Fixtures.temporaryDirectory() + "/run"
        let run = try Fixtures.runTestTown(out: out, ["--format", "csv", "--locale", "de"])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: out + "/csv/project_areas.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let header = text.split(separator: "\n")[0].split(separator: ";").map(String.init)
        #expect(header.prefix(3) == ["ID", "Name", "unterversorgte Gebiete"])
        // A real with decimals is written with a comma; the WKT keeps its points and is not split by them.
        let buildings = try String(contentsOfFile: out + "/csv/buildings.csv", encoding: .utf8)
        let firstRow = buildings.split(separator: "\n")[1]
        let fields = String(firstRow).split(separator: ";", omittingEmptySubsequences: false)
        let columns = buildings.split(separator: "\n")[0].split(separator: ";", omittingEmptySubsequences: false)
        #expect(fields.count == columns.count)
        let rsrp = fields[try #require(columns.firstIndex(of: "HSDPA RSRP (dBm)"))]
        #expect(rsrp.contains(",") && !rsrp.contains("."), "\(rsrp)")
    }
}
