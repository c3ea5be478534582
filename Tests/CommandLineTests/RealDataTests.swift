import Foundation
import TestSupport
import Testing

/// Scenarios/muenster-address-points.yaml on real data as it is published: 65,036 address points as
/// buildings, Freifunk and university WLAN lists, and the shipped schools, census grid, postcode areas
/// and streets. The address points and WLAN lists may not ship; they come from the project's shared
/// data folder (../shared/data/muenster), which every checkout and CI have beside the repository.
@Suite struct RealDataTests {
    static let shared = Fixtures.path("../shared/data/muenster")
    static let available = FileManager.default.fileExists(atPath: shared + "/address-points.geojson")

    @Test(.enabled(if: available, "needs ../shared/data/muenster (the project's shared data)"))
    func addressPointsWithRealLayersGiveHouseholdsWLANAndSchools() throws {
        // The scenario as shipped, over a tree that mirrors Scenarios/ and GeoData/muenster/.
        let root = Fixtures.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/Scenarios", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/GeoData/muenster/generated", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/GeoData/muenster/local", withIntermediateDirectories: true)
        try fm.copyItem(
            atPath: Fixtures.path("Scenarios/muenster-address-points.yaml"),
            toPath: root + "/Scenarios/muenster-address-points.yaml")
        for name in [
            "schools-2024.geojson", "postcode-areas.geojson", "census2011-1km-grid.geojson",
            "osm-streets-gievenbeck-2019.geojson", "generated/sites.geojson",
        ] {
            try fm.createSymbolicLink(
                atPath: root + "/GeoData/muenster/" + name,
                withDestinationPath: Fixtures.path("GeoData/muenster/" + name))
        }
        for name in [
            "address-points.geojson", "freifunk-nodes-2015-city.geojson", "university-wlan-sites-2015.geojson",
        ] {
            try fm.createSymbolicLink(
                atPath: root + "/GeoData/muenster/local/" + name, withDestinationPath: Self.shared + "/" + name)
        }
        let r = try Fixtures.run(
            Fixtures.gigaplan,
            ["run", "Scenarios/muenster-address-points.yaml", "--json", "--format", "csv", "--locale", "en"], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let buildings = try #require(summary["buildings"] as? [String: Any])
        #expect(buildings["total"] as? Int == 65_036)
        // Households and residents reach the address points (they used to be 0).
        #expect((buildings["households"] as? Double ?? 0) > 100_000, "\(buildings)")
        #expect((buildings["residents"] as? Double ?? 0) > 250_000, "\(buildings)")
        // WLAN islands join point buildings.
        let csv = try String(contentsOfFile: root + "/out/muenster-address-points/csv/buildings.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let wlan = try #require(header.firstIndex(of: "wlan_island"))
        let withWLAN = lines.dropFirst().filter {
            $0.split(separator: ",", omittingEmptySubsequences: false)[wlan] != ""
        }.count
        #expect(withWLAN > 100, "\(withWLAN) buildings with WLAN")
        // Schools are counted as schools: the 100 of the schools layer, with the class rule unknown.
        let schools = try #require(summary["schools"] as? [String: Any])
        #expect(schools["total"] as? Int == 100)
        #expect(schools["meeting_30_per_class"] is NSNull)
        let programmes = try #require(summary["programmes"] as? [String: [String: Any]])
        #expect(programmes["gigabit-2023"]?["eligible_schools"] as? Int == 100)
        // The two WLAN lists number their features alike: made unique, and said.
        let problems = try String(
            contentsOfFile: root + "/out/muenster-address-points/csv/input_problems.csv", encoding: .utf8)
        #expect(problems.contains("id-collision"))
    }
}
