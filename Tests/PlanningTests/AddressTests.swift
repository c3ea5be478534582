import GeoCore
import TestSupport
import Testing

@testable import Planning

/// Addresses from the spellings real files use, and the market-survey categories.
@Suite struct AddressTests {
    @Test(arguments: [
        ("12", "12", ""), ("12a", "12", "a"), ("12 A", "12", "a"), ("12-14", "12-14", ""), ("12 - 14b", "12-14", "b"),
        ("7 1/2", "7", "1/2"), ("  3 ", "3", ""), ("", "", ""), ("007", "007", ""), ("12\u{0663}", "12", "\u{0663}"),
        ("\u{0661}\u{0662}", "", "\u{0661}\u{0662}"),
    ]) func houseNumbers(_ written: String, _ number: String, _ suffix: String) {
        let split = PostalAddress.splitHouseNumber(written)
        #expect(split.number == number && split.suffix == suffix)
    }

    @Test func oneLineAddress() throws {
        let a = try #require(PostalAddress.parse("Am Stadtgraben 12a, 48143 Münster"))
        #expect(
            a
                == PostalAddress(
                    street: "Am Stadtgraben", houseNumber: "12", suffix: "a", postcode: "48143", town: "Münster"))
        #expect(a.text == "Am Stadtgraben 12a, 48143 Münster")
        #expect(PostalAddress.parse("Prinzipalmarkt") == nil)
    }

    static func address(_ properties: [(String, JSONValue)]) -> PostalAddress? {
        let feature = Feature(index: 0, geometry: .point(Coordinate(0, 0)), properties: JSONObject(properties))
        return FeatureFields(feature, file: "f", layer: "buildings").postalAddress()
    }

    @Test func osmGermanAndHauskoordinatenSpellings() {
        let expected = PostalAddress(
            street: "Salzstraße", houseNumber: "5", suffix: "b", postcode: "48143", town: "Münster", ags: "05515000")
        #expect(
            Self.address([
                ("addr:street", .string("Salzstraße")), ("addr:housenumber", .string("5b")),
                ("addr:postcode", .string("48143")), ("addr:city", .string("Münster")), ("ags", .string("05515000")),
            ]) == expected)
        #expect(
            Self.address([
                ("Strasse", .string("Salzstraße")), ("Hausnummer", .number(5)), ("Hausnummernzusatz", .string("B")),
                ("PLZ", .string("48143")), ("Ort", .string("Münster")), ("AGS", .string("05515000")),
            ]) == expected)
        // HK-DE: the AGS from Land, Regierungsbezirk, Kreis and Gemeinde.
        #expect(
            Self.address([
                ("LAN", .string("05")), ("RBZ", .string("5")), ("KRS", .string("15")), ("GMD", .string("000")),
                ("STN", .string("Salzstraße")), ("HNR", .string("5")), ("ADZ", .string("b")), ("PLZ", .string("48143")),
                ("ONM", .string("Münster")),
            ]) == expected)
        #expect(Self.address([("name", .string("no address"))]) == nil)
    }

    /// An address needs a street, a house number or a one-line address: each spelling of those alone gives
    /// one, a postcode and town without them give none (and neither do blank values).
    @Test func whatMakesAnAddress() {
        for name in FeatureFields.streetNames {
            #expect(Self.address([(name.uppercased(), .string("Salzstraße"))])?.street == "Salzstraße", "\(name)")
        }
        for name in FeatureFields.numberNames {
            #expect(Self.address([(name, .number(5))])?.houseNumber == "5", "\(name)")
        }
        for name in ["address", "Adresse", "ANSCHRIFT"] {
            #expect(
                Self.address([(name, .string("Am Stadtgraben 12a, 48143 Münster")), ("ags", .string("05515000"))])
                    == PostalAddress(
                        street: "Am Stadtgraben", houseNumber: "12", suffix: "a", postcode: "48143", town: "Münster",
                        ags: "05515000"), "\(name)")
        }
        #expect(Self.address([("postcode", .string("48143")), ("town", .string("Münster"))]) == nil)
        #expect(Self.address([("street", .string("  ")), ("hausnummer", .null)]) == nil)
    }

    /// Every combination of parts present: street and number+suffix joined by a space, postcode and town by
    /// a space, the two groups by ", " (the rule written as filters and joins, independently of `text`).
    @Test func textOfEveryCombinationOfParts() {
        for mask in 0..<32 {
            func part(_ bit: Int, _ value: String) -> String { mask & (1 << bit) != 0 ? value : "" }
            let a = PostalAddress(
                street: part(0, "Hafenweg"), houseNumber: part(1, "12"), suffix: part(2, "a"),
                postcode: part(3, "48155"), town: part(4, "Münster"))
            let line = [a.street, a.houseNumber + a.suffix].filter { !$0.isEmpty }.joined(separator: " ")
            let place = [a.postcode, a.town].filter { !$0.isEmpty }.joined(separator: " ")
            #expect(a.text == [line, place].filter { !$0.isEmpty }.joined(separator: ", "), "parts \(mask)")
        }
        #expect(
            PostalAddress(street: "Hafenweg", houseNumber: "12", suffix: "a", postcode: "48155", town: "Münster").text
                == "Hafenweg 12a, 48155 Münster")
    }

    @Test func categories() {
        #expect(AddressCategory.of(use: .residential, focusKind: nil) == .private)
        #expect(AddressCategory.of(use: .commercial, focusKind: nil) == .business)
        #expect(AddressCategory.of(use: .residential, focusKind: "school") == .school)
        #expect(AddressCategory.of(use: .other, focusKind: "farm") == .farm)
        #expect(AddressCategory.of(use: .public, focusKind: nil) == .authority)
        #expect(AddressCategory.of(use: .industrial, focusKind: "business_park") == .businessPark)
    }
}

/// A building without an address takes the one of its fixed-line address point; one with its own keeps it.
@Suite struct FixedLineAddressTests {
    @Test func buildingsTakeTheAddressOfTheirFixedLineRecords() throws {
        var data = GeoData(crs: .etrs89UTM32)
        let square = { (x: Double) in
            Geometry.polygon(
                Polygon(exterior: [
                    Coordinate(x, 5_757_000), Coordinate(x + 10, 5_757_000), Coordinate(x + 10, 5_757_010),
                    Coordinate(x, 5_757_010), Coordinate(x, 5_757_000),
                ]))
        }
        let own = PostalAddress(street: "Salzstraße", houseNumber: "1", postcode: "48143", town: "Münster")
        data.buildings = [
            Building(id: "a", geometry: square(405_000), use: .residential, households: 1),
            Building(id: "b", geometry: square(405_100), use: .residential, households: 1, address: own),
        ]
        var records: [FixedLineRecord] = []
        for (k, id) in ["a", "b"].enumerated() {
            var r = FixedLineRecord(
                id: "r\(k)", location: nil, buildingID: id, technology: .vdsl, downMbps: 50, upMbps: 10, provider: "op",
                plannedWithin3Years: false, attributes: JSONObject())
            r.address = PostalAddress(street: "Ludgeristraße", houseNumber: "\(k + 5)", postcode: "48143")
            records.append(r)
        }
        data.fixed = records
        var settings = AnalysisSettings()
        settings.gridResolutionM = 0
        settings.losMethod = .probability
        let result = try Analysis.run(data, settings: settings)
        #expect(
            result.buildings[0].address == PostalAddress(street: "Ludgeristraße", houseNumber: "5", postcode: "48143"))
        #expect(result.buildings[1].address == own)
    }
}

/// Official house coordinates (HK-DE) as delivered: no header, the zone in front of the easting.
@Suite struct HauskoordinatenTests {
    @Test func headerlessFileGivesAddressPointsInTheirZone() throws {
        let place = ";48143;Münster;;Altstadt"
        let text =
            [
                "N;DENW15AL0000abcd;A;05;5;15;000;0001;01234;10;;32405734,930;5757756,360;Prinzipalmarkt" + place,
                "N;DENW15AL0000abce;A;05;5;15;000;0001;01235;12;a;32405800,000;5757800,000;Salzstraße" + place,
                "N;DENW15AL0000abcf;A;05;5;15;000;0001;01236;3;;33405800,000;5757800,000;Domplatz" + place,
            ].joined(separator: "\r\n") + "\r\n"
        var data = GeoData(crs: .etrs89UTM32)
        try GeoDataLoader().load(path: Fixtures.file("hauskoordinaten.csv", text), as: .buildings, into: &data)
        #expect(data.buildings.count == 2)
        let first = try #require(data.buildings.first)
        #expect(
            first.address
                == PostalAddress(
                    street: "Prinzipalmarkt", houseNumber: "10", postcode: "48143", town: "Münster", ags: "05515000"))
        guard case .point(let p) = first.geometry else {
            Issue.record("not a point")
            return
        }
        #expect(abs(p.x - 405_734.93) < 0.001 && abs(p.y - 5_757_756.36) < 0.001)
        #expect(data.buildings[1].address?.suffix == "a")
        // The third row lies in another zone: named, with its line, not used.
        let zone = try #require(data.problems.first { $0.code == "bad-coordinate" })
        #expect(zone.reason.contains("line 3") && zone.reason.contains("zone 32"))
    }
}
