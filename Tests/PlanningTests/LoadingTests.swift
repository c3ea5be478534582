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

    /// A site's sectors share one index of their property names while their names are the same, and get
    /// their own where they change: the third sector has a name first and spells its fields otherwise
    /// (capitals, the other azimuth name), the fourth goes back to the first names.
    @Test func sectorsWhoseNamesChangeAreReadByTheirOwnNames() throws {
        let plain = #"{"technology":"lte","frequency_mhz":%F,"azimuth_deg":%A,"tilt_deg":6}"#
        let other = #"{"name":"roof","Technology":"lte","FREQUENCY_MHZ":%F,"azimuth":%A,"Tilt":4}"#
        let sectors = [(plain, 0, 800), (plain, 120, 1800), (other, 240, 2600), (plain, 300, 800)].map { s, a, f in
            s.replacingOccurrences(of: "%A", with: "\(a)").replacingOccurrences(of: "%F", with: "\(f)")
        }
        let text =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","#
            + #""coordinates":[7.62,51.96]},"properties":{"id":"A","sectors":["# + sectors.joined(separator: ",")
            + "]}}]}"
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(path: Fixtures.file("sites.geojson", text), into: &data)
        #expect(data.problems.filter { $0.severity == .error }.isEmpty, "\(data.problems)")
        let read = try #require(data.sites.first).sectors
        #expect(read.map(\.azimuthDeg) == [0, 120, 240, 300])
        #expect(read.map(\.frequencyMHz) == [800, 1800, 2600, 800])
        #expect(read.map(\.tiltDeg) == [6, 6, 4, 6])
        #expect(read.map(\.id) == ["A-1", "A-2", "A-3", "A-4"])
    }

    /// The decoder lets each feature of the layer it is handed go once decoded (only its index stays), and
    /// gives the same buildings and problems as decoding a layer whose features the caller still holds, which
    /// it leaves as they were: a duplicate id, a feature without geometry and one of a wrong type included.
    @Test func decodingLetsEachFeatureGoAndLeavesACopyAlone() {
        let features = (0..<40).map { k -> Feature in
            let x = 405_000 + 30 * Double(k)
            let square = Geometry.polygon(
                Polygon(exterior: [
                    Coordinate(x, 5_757_000), Coordinate(x + 10, 5_757_000), Coordinate(x + 10, 5_757_010),
                    Coordinate(x, 5_757_010), Coordinate(x, 5_757_000),
                ]))
            let geometry: Geometry? =
                k == 7 ? nil : k == 9 ? .lineString([Coordinate(x, 5_757_000), Coordinate(x + 5, 5_757_000)]) : square
            return Feature(
                index: k, geometry: geometry,
                properties: JSONObject([
                    ("id", .string(k == 12 ? "B-3" : "B-\(k)")), ("use", .string("residential")),
                    ("households", .number(Double(k % 5))), ("name", .string("Haus \(k)")),
                ]))
        }
        let original = FeatureLayer(
            name: "buildings", source: "buildings.geojson", crs: .etrs89UTM32, features: features)
        var held = original
        let fromHeld = LayerDecoder.buildings(&held)
        var handed = original
        let fromHanded = GeoDataLoader.decode(consume handed, as: .buildings)
        #expect(fromHeld.items.count == 37, "a duplicate, a missing geometry and a line are dropped")
        #expect(fromHanded.buildings == fromHeld.items)
        #expect(fromHanded.problems == fromHeld.problems)
        #expect(fromHeld.problems.map(\.code).sorted() == ["duplicate-id", "null-geometry", "wrong-geometry-type"])
        // The layer decoded in place keeps only each feature's index; the copy taken before is untouched.
        #expect(held.features.map(\.index) == Array(0..<40))
        #expect(held.features.allSatisfy { $0.geometry == nil && $0.properties.isEmpty })
        #expect(original.features == features)
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

    /// A survey's records: the provider names as written (the first eight kept in a list, the others by
    /// hash), `generated` marked by a property of exactly that name, ids from the rows' indexes.
    @Test func fixedLineRecordsOfASurvey() throws {
        let providers = (0..<12).map { "Provider \($0 % 3 == 0 ? "A" : "B")\($0)" }
        var text = "building_id,technology,down_mbps,provider,generated\n"
        for k in 0..<40 { text += "b\(k),vdsl,50,\(providers[(k * 7) % providers.count]),true\n" }
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(path: Fixtures.file("fixed.csv", text), into: &data)
        #expect(data.fixed.map(\.provider) == (0..<40).map { providers[($0 * 7) % providers.count] })
        #expect(data.fixed.map(\.id) == (0..<40).map { String($0) })
        #expect(data.fixed.allSatisfy { $0.markedGenerated })
        #expect(data.generatedLayers.contains("fixed"))
        for header in ["building_id,technology,down_mbps,Generated", "building_id,technology,down_mbps,generated_by"] {
            var other = GeoData(crs: .etrs89UTM32)
            try GeoDataLoader().load(path: Fixtures.file("fixed.csv", header + "\nb1,vdsl,50,true\n"), into: &other)
            #expect(other.fixed.count == 1 && !other.fixed[0].markedGenerated, "\(header)")
        }
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
