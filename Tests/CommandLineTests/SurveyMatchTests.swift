import Foundation
import TestSupport
import Testing

/// `gigaplan survey match` on hand-made dirty returns: every normalisation and cross-check rule, ranges,
/// ambiguous, unmatched and invalid rows, read back from the files it writes.
@Suite struct SurveyMatchTests {
    static let addresses: [(id: String, street: String, number: String, postcode: String)] = [
        ("b1", "Karl-Marx-Straße", "12", "48143"), ("b2", "Karl-Marx-Straße", "12a", "48143"),
        ("b3", "Weißenburgstraße", "5", "48151"), ("b4", "Hauptstraße", "7", "48143"),
        ("b5", "Hauptstraße", "7", "48155"), ("b6", "Am Aasee", "14", "48149"), ("b7", "Am Aasee", "16", "48149"),
        ("b8", "Bahnhofstraße", "20-22", "48143"), ("b9", "Grüner Weg", "3", "48147"),
    ]

    /// Line (2-based, the header is line 1) → the building ids it must match, or its status.
    static let returns: [(row: String, expect: String)] = [
        ("Stadtnetz;Karl-Marx-Str.;12;;48143;Münster;vdsl;50;10;;;;", "b1"),
        ("Stadtnetz;karl marx strasse;12 A;;;;VDSL;50;10;;;;", "b2"),
        ("Stadtnetz;Weissenburgstr;5;;;;Kabel;1000;50;;;;", "b3"),
        ("Stadtnetz;Hauptstraße;7;;;;adsl;16;1;;;;", "ambiguous"),
        ("Stadtnetz;Hauptstraße;7;;48155;;adsl;16;1;;;;", "b5"),
        ("Stadtnetz;Hauptstraße;7;;48161;;adsl;16;1;;;;", "unmatched"),
        ("Stadtnetz;Am Aasee;14-16;;48149;Münster;vdsl;100;40;;;;", "b6 b7"),
        ("Stadtnetz;Bahnhofstr.;20;;;;vdsl;100;40;;;;", "b8"),
        ("Kabel AG;Gruener Weg;3;;;;Glasfaser;1000;1000;ftth;2500;2500;2027-06-30", "b9"),
        ("Kabel AG;Karl-Marx-Straße;13;;;;vdsl;50;10;;;;", "unmatched"),
        ("Kabel AG;Karl-Marks-Straße;12;;;;vdsl;50;10;;;;", "unmatched"),
        ("Kabel AG;Hauptstraße;;;;;vdsl;50;10;;;;", "invalid"),
        ("Kabel AG;Hauptstraße;9;;;;vdsl;schnell;10;;;;", "invalid"),
        ("Kabel AG;Karl-Marx-Straße;12;b;;;vdsl;50,5;10;;;;", "unmatched"),
    ]

    static func makeInputs() throws -> (addresses: String, returns: String) {
        let dir = Fixtures.temporaryDirectory()
        let features = addresses.enumerated().map { k, a in
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[\(7.60 + Double(k) * 0.001),51.96]},"
                + "\"properties\":{\"id\":\"\(a.id)\",\"use\":\"residential\",\"households\":1,"
                + "\"addr:street\":\"\(a.street)\",\"addr:housenumber\":\"\(a.number)\","
                + "\"addr:postcode\":\"\(a.postcode)\",\"addr:city\":\"Münster\"}}"
        }
        let buildings = dir + "/buildings.geojson"
        try Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8).write(
            to: URL(fileURLWithPath: buildings))
        let header =
            "Betreiber;Straße;Hausnummer;Zusatz;PLZ;Ort;Technologie;Download aktuell;Upload aktuell;"
            + "Technologie geplant;Download geplant;Upload geplant;Datum geplant"
        let csv =
            "\u{FEFF}"
            + ([header.replacingOccurrences(of: " ", with: "_")] + returns.map(\.row)).joined(separator: "\r\n")
            + "\r\n"
        let returnsPath = dir + "/returns.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: returnsPath))
        return (buildings, returnsPath)
    }

    /// The rows of a CSV file (RFC 4180 quoting) as header → value.
    static func table(_ path: String) throws -> [[String: String]] {
        var records: [[String]] = [[]]
        var field = ""
        var quoted = false
        var chars = try String(contentsOfFile: path, encoding: .utf8).makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                if !field.isEmpty { field.append(c) }  // a doubled quote inside a quoted field
                quoted = true
            } else if c == "," {
                records[records.count - 1].append(field)
                field = ""
            } else if c == "\n" {
                records[records.count - 1].append(field)
                field = ""
                records.append([])
            } else {
                field.append(c)
            }
        }
        records.removeAll { $0.isEmpty }
        let header = records[0]
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func everyRuleAndEveryRowAccountedFor() throws {
        let (buildings, returns) = try Self.makeInputs()
        let out = Fixtures.temporaryDirectory() + "/match"
        let run = try Fixtures.run(
            Fixtures.gigaplan, ["survey", "match", returns, "--addresses", buildings, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains(
                "14 return rows against 9 addresses: 7 matched (50.0 %), 1 ambiguous, 4 unmatched, 2 invalid"))
        let fixed = try Self.table(out + "/fixed.csv")
        let unmatched = try Self.table(out + "/unmatched.csv")
        for (k, r) in Self.returns.enumerated() {
            let line = String(k + 2)
            switch r.expect {
            case "ambiguous", "unmatched", "invalid":
                let row = try #require(unmatched.first { $0["line"] == line }, "line \(line)")
                #expect(row["status"] == r.expect, "line \(line): \(row)")
                #expect(!(row["reason"] ?? "").isEmpty)
                #expect(!fixed.contains { $0["survey_line"] == line })
            default:
                let ids = fixed.filter { $0["survey_line"] == line && $0["planned_within_3y"] == "false" }.map {
                    $0["building_id"]!
                }
                #expect(ids.sorted() == r.expect.split(separator: " ").map(String.init), "line \(line)")
            }
        }
        // The planned network of the fibre row, with its date; the alias "Glasfaser" is FTTH.
        let planned = try #require(fixed.first { $0["survey_line"] == "10" && $0["planned_within_3y"] == "true" })
        #expect(planned["building_id"] == "b9" && planned["technology"] == "ftth" && planned["down_mbps"] == "2500")
        #expect(planned["planned_date"] == "2027-06-30")
        #expect(fixed.first { $0["survey_line"] == "4" }?["technology"] == "hfc")
        // The nearest candidates: the closest numbers of the street; a misspelt street finds the right one.
        let thirteen = try #require(unmatched.first { $0["line"] == "11" })
        #expect(thirteen["candidates"]?.hasPrefix("Karl-Marx-Straße 12, 48143 Münster (b1)") == true)
        let misspelt = try #require(unmatched.first { $0["line"] == "12" })
        #expect(misspelt["reason"]?.contains("no street") == true)
        #expect(misspelt["candidates"]?.contains("(b1)") == true)
        let postcode = try #require(unmatched.first { $0["line"] == "7" })
        #expect(postcode["reason"]?.contains("postcode 48161") == true)
        let ambiguous = try #require(unmatched.first { $0["line"] == "5" })
        #expect(ambiguous["candidates"]?.contains("(b4)") == true && ambiguous["candidates"]?.contains("(b5)") == true)
        // The rates: all rows of the file, per operator, and the total.
        let rates = try Self.table(out + "/match_rates.csv")
        let total = try #require(rates.last)
        #expect(total["file"] == "all" && total["rows"] == "14" && total["matched"] == "7" && total["invalid"] == "2")
        // The fixed layer it writes is one gigaplan reads.
        let check = try Fixtures.run(Fixtures.gigaplan, ["validate", "--layer", "fixed", out + "/fixed.csv"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func addressLayerWithoutAddressesIsAnError() throws {
        let dir = Fixtures.temporaryDirectory()
        let buildings = Fixtures.file(
            "plain.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[7.6,51.96]},\"properties\":{\"id\":\"x\"}}]}")
        let (_, returns) = try Self.makeInputs()
        let run = try Fixtures.run(
            Fixtures.gigaplan, ["survey", "match", returns, "--addresses", buildings, "--out", dir + "/m"])
        #expect(run.status == 1 && run.stderr.contains("no feature has an address"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/m"))
    }
}
