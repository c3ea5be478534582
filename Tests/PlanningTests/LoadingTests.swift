import Foundation
import GeoCore
import TestSupport
import Testing

@testable import Planning

@Suite struct LoadingTests {
    @Test func layerNamesAreRecognised() {
        #expect(LayerKind(guessingFrom: "buildings.geojson") == .buildings)
        #expect(LayerKind(guessingFrom: "university-wlan-sites-2015.geojson") == .wlan)
        #expect(LayerKind(guessingFrom: "schools-2024-gk3.csv") == .schools)
        #expect(LayerKind(guessingFrom: "census2011-1km-grid.geojson") == .population)
        #expect(LayerKind(guessingFrom: "stadtteile-45.geojson") == .districts)
        #expect(LayerKind(guessingFrom: "osm-streets-gievenbeck-2019.geojson") == .streets)
        #expect(LayerKind(guessingFrom: "sites.csv") == .sites)
        #expect(LayerKind(guessingFrom: "bus-stops.geojson") == nil)
    }

    @Test func csvSitesGroupSectorRowsBySite() throws {
        let text =
            "site_id;x;y;operator;height_m;azimuth_deg;technology;frequency_mhz;eirp_dbm\nA;405700;5757700;op;30;0;lte;"
            + "800;60\nA;405700;5757700;op;30;120;lte;800;60\nB;406700;5757700;op;25;;nr;3600;72\n"
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader(csvCRS: .etrs89UTM32).load(path: Fixtures.file("sites.csv", text), into: &data)
        #expect(data.problems.isEmpty, "\(data.problems)")
        #expect(data.sites.map(\.id) == ["A", "B"])
        #expect(data.sites[0].sectors.map(\.azimuthDeg) == [0, 120])
        #expect(data.sites[1].sectors[0].azimuthDeg == nil)
        #expect(data.sites[1].sectors[0].technology == .nr)
        #expect(data.sites[0].location == Coordinate(405_700, 5_757_700))
    }

    @Test func osmTagsAndDefaults() throws {
        let text = """
            {"type":"FeatureCollection","features":[{"type":"Feature","id":"way/1","geometry":{"type":"Polygon",\
            "coordinates":[[[7.62,51.96],[7.6203,51.96],[7.6203,51.9602],[7.62,51.9602],[7.62,51.96]]]},
             "properties":{"building":"apartments","building:levels":"4","addr:street":"Prinzipalmarkt",\
            "addr:housenumber":"10"}}]}
            """
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(path: Fixtures.file("buildings.geojson", text), into: &data)
        let b = try #require(data.buildings.first)
        #expect(b.id == "way/1")
        #expect(b.use == .residential && b.floors == 4 && b.heightM == 12)
        #expect(b.address == PostalAddress(street: "Prinzipalmarkt", houseNumber: "10"))
        // Households from floor area: footprint × 4 floors / 90 m².
        let expected = ((try b.geometry.area()) * 4 / 90).rounded()
        #expect(b.households == expected && b.householdsEstimated)
    }

    @Test func theBundledDataLoadsCleanly() throws {
        let report = ValidationReport.check(
            paths: [
                "GeoData/muenster/schools-2024.geojson", "GeoData/muenster/census2011-1km-grid.geojson",
                "GeoData/muenster/postcode-areas.geojson", "GeoData/muenster/generated/sites.geojson",
                "GeoData/muenster/generated/wlan.geojson", "GeoData/muenster/generated/focus_points.geojson",
                "GeoData/muenster/generated/districts.geojson",
            ].map(Fixtures.path), kind: nil, loader: GeoDataLoader())
        #expect(report.exitCode == 0, "\(report.problems.filter { $0.severity == .error })")
        #expect(
            report.files.map { $0.layers.first?.kind } == [
                .schools, .population, .districts, .sites, .wlan, .focusPoints, .districts,
            ])
        #expect(report.files[0].layers[0].usable == 100)
        #expect(report.files[3].layers[0].usable == 450)
    }
}
