import Foundation
import TestSupport
import Testing

/// The funding verdicts of a small hand-made city, one building per rule, as they land in the written
/// layers: CSV, GeoJSON and the GeoPackage (read with ogrinfo).
@Suite struct FundingOutputTests {
    /// Building id → (networks now as technology/down/up, planned network with date).
    static let buildings: [(id: String, use: String, fixed: [(String, Double, Double, String?)])] = [
        ("cable-500", "residential", [("hfc", 500, 50, nil)]),
        ("two-over-100", "residential", [("vdsl", 250, 40, nil), ("hfc", 250, 25, nil)]),
        ("vdsl-ftth-planned", "residential", [("vdsl", 50, 10, nil), ("ftth", 1000, 1000, "2027-06-30")]),
        ("adsl-vdsl-planned", "residential", [("adsl", 16, 1, nil), ("vdsl", 50, 10, "2026-12-31")]),
        ("vdsl-250-planned", "residential", [("vdsl", 50, 10, nil), ("vdsl", 250, 40, "2026-12-31")]),
        ("school-vdsl", "school", [("vdsl", 50, 10, nil)]),
        ("far-plan", "residential", [("vdsl", 50, 10, nil), ("ftth", 1000, 1000, "2031-01-01")]),
    ]

    static func makeCity() throws -> String {
        let dir = Fixtures.temporaryDirectory()
        var features: [String] = []
        for (k, b) in buildings.enumerated() {
            let lon = 7.60 + Double(k) * 0.002
            let ring = [
                [lon, 51.96], [lon + 0.0003, 51.96], [lon + 0.0003, 51.9602], [lon, 51.9602], [lon, 51.96],
            ].map { "[\($0[0]),\($0[1])]" }.joined(separator: ",")
            features.append(
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring)]]},"
                    + "\"properties\":{\"id\":\"\(b.id)\",\"use\":\"\(b.use)\","
                    + "\"households\":\(b.use == "school" ? 0 : 4),\"height_m\":9}}")
        }
        try Data("{\"type\":\"FeatureCollection\",\"features\":[\n\(features.joined(separator: ",\n"))\n]}\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/buildings.geojson"))
        var csv = "building_id;technology;down_mbps;up_mbps;provider;planned_date\n"
        for b in buildings {
            for (k, f) in b.fixed.enumerated() { csv += "\(b.id);\(f.0);\(f.1);\(f.2);op\(k);\(f.3 ?? "")\n" }
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/fixed.csv"))
        let yaml = """
            name: funding-city
            inputs:
              buildings: buildings.geojson
              fixed: fixed.csv
            analysis:
              grid_resolution_m: 0
            funding:
              survey_date: 2025-03-01
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: dir + "/city.yaml"))
        return dir
    }

    /// The published verdicts: building → programme → reason code.
    static let expected: [String: [String: String]] = [
        "cable-500": [
            "nga_2015": "nga-30-available", "grey_2021": "reliable-100-available", "gigabit_2023": "down-500-available",
            "gigabit_2024": "one-network-over-300-down",
        ],
        "two-over-100": [
            "grey_2021": "reliable-100-available", "gigabit_2023": "below-500-down-200-symmetric",
            "gigabit_2024": "two-networks-over-100",
        ],
        "vdsl-ftth-planned": [
            "nga_2015": "nga-30-available", "gigabit_2023": "500-down-or-200-symmetric-planned",
            "gigabit_2024": "gigabit-planned",
        ],
        "adsl-vdsl-planned": [
            "nga_2015": "nga-30-planned", "grey_2021": "below-100-down", "gigabit_2024": "no-network-over-100",
        ], "vdsl-250-planned": ["grey_2021": "reliable-100-planned", "gigabit_2023": "below-500-down-200-symmetric"],
        "school-vdsl": [
            "nga_2015": "nga-30-available", "grey_2021": "focus-point-not-gigabit",
            "gigabit_2024": "focus-point-not-gigabit",
        ], "far-plan": ["gigabit_2024": "no-network-over-100", "gigabit_2023": "below-500-down-200-symmetric"],
    ]

    static let eligible: Set<String> = [
        "below-30-down", "below-100-down", "below-500-down-200-symmetric", "no-network-over-100",
        "one-network-at-most-300-150", "focus-point-not-gigabit",
    ]

    @Test func verdictsInEveryWrittenLayer() throws {
        let dir = try Self.makeCity()
        let r = try Fixtures.run(Fixtures.gigaplan, ["run", "city.yaml", "--quiet", "--locale", "en"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let out = dir + "/out/funding-city"
        // CSV.
        let csv = try String(contentsOfFile: out + "/csv/buildings.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = csv[0]
        let idColumn = try #require(header.firstIndex(of: "id"))
        for row in csv.dropFirst() {
            let id = row[idColumn]
            for (programme, reason) in Self.expected[id] ?? [:] {
                let column = try #require(header.firstIndex(of: "\(programme)_reason"))
                #expect(row[column] == reason, "csv \(id) \(programme)")
                let eligible = try #require(header.firstIndex(of: "\(programme)_eligible"))
                #expect(
                    row[eligible] == (Self.eligible.contains(reason) ? "true" : "false"),
                    "csv \(id) \(programme) eligible")
            }
        }
        // GeoJSON.
        let doc = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: out + "/geojson/buildings.geojson"))) as? [String: Any])
        let features = try #require(doc["features"] as? [[String: Any]])
        #expect(features.count == Self.buildings.count)
        for f in features {
            let p = try #require(f["properties"] as? [String: Any])
            let id = try #require(p["id"] as? String)
            for (programme, reason) in Self.expected[id] ?? [:] {
                #expect(p["\(programme)_reason"] as? String == reason, "geojson \(id) \(programme)")
            }
        }
        // GeoPackage, read by GDAL.
        let ogrinfo = try #require(
            Fixtures.which("ogrinfo"), "ogrinfo (Debian gdal-bin) is needed; tools/test installs it")
        let listing = try Fixtures.run(
            ogrinfo,
            [
                "-ro", "-q", out + "/gigaplan.gpkg", "-sql",
                "SELECT id, gigabit_2024_reason, grey_2021_reason FROM buildings ORDER BY id",
            ])
        #expect(listing.status == 0, "\(listing.stderr)")
        for (id, reasons) in Self.expected {
            guard let r2024 = reasons["gigabit_2024"] else { continue }
            let block = listing.stdout.components(separatedBy: "OGRFeature").first {
                $0.contains("id (String) = \(id)\n")
            }
            #expect(
                block?.contains("gigabit_2024_reason (String) = \(r2024)") == true, "gpkg \(id): \(block ?? "missing")")
        }
        // The summary names each programme's guideline and the date it is in force from.
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
                as? [String: Any])
        let programmes = try #require(summary["programmes"] as? [String: [String: Any]])
        #expect(
            (programmes["gigabit-2024"]?["guideline"] as? String)?.contains("Gigabit-Richtlinie des Bundes 2.0") == true
        )
        #expect(programmes["nga-2015"]?["in_force"] as? String == "2015-06-15")
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(
            report.contains("Gigabit-Richtlinie des Bundes 2.0 (Gigabit-Richtlinie") || report.contains("(2024-04-30)"))
    }
}
