import Foundation
import GeoCore
import TestSupport
import Testing

@testable import Planning

/// What a run assumes is said: defaults taken for missing fields, buildings that count for nothing,
/// line of sight without footprints, ids used twice across files, and layers that do not join.
@Suite struct AssumptionWarningTests {
    func load(_ files: [String: String], _ yaml: String) throws -> (Scenario, GeoData) {
        let dir = Fixtures.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: dir + "/s.yaml"))
        let s = try ScenarioReader.read(path: dir + "/s.yaml")
        return (s, try s.loadData())
    }

    static func points(_ props: [String]) -> String {
        let features = props.enumerated().map { k, p in
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(7.62 + Double(k) * 0.001),"
                + "51.96]},\"properties\":{\(p)}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}"
    }

    @Test func buildingsWithoutUseOrHouseholdsAreCountedAndSaid() throws {
        let (_, data) = try load(
            [
                "buildings.geojson": Self.points([
                    #""id":"a""#, #""id":"b","building":"yes""#, #""id":"c","use":"residential""#,
                    #""id":"d","households":3"#,
                ])
            ], "name: t\ninputs:\n  buildings: buildings.geojson\n")
        let p = try #require(data.problems.first { $0.code == "no-use-no-households" }, "\(data.problems)")
        #expect(p.severity == .warning && p.layer == "buildings")
        #expect(p.reason.hasPrefix("2 of 4 buildings have no use (or only building=yes) and no households"))
    }

    @Test func wlanDefaultsAreSaidOncePerField() throws {
        let (_, data) = try load(
            ["freifunk.geojson": Self.points([#""id":"1""#, #""id":"2","band_ghz":2.4"#])],
            "name: t\ninputs:\n  wlan: freifunk.geojson\n")
        let defaults = data.problems.filter { $0.code == "default-applied" }
        #expect(defaults.map(\.field) == ["standard", "band_ghz", "public", "backhaul_mbps"])
        #expect(
            defaults.first { $0.field == "band_ghz" }?.reason
                == "1 of 2 access points have no band_ghz: 5 GHz is assumed; give it, or set defaults for the input in "
                + "the scenario")
        #expect(
            defaults.first { $0.field == "backhaul_mbps" }?.reason.hasPrefix(
                "2 of 2 access points have no backhaul_mbps: an unlimited backhaul") == true)
    }

    @Test func idsUsedAgainInASecondFileAreMadeUniqueAndSaid() throws {
        let (_, data) = try load(
            [
                "freifunk.geojson": Self.points([#""id":"1""#, #""id":"2""#]),
                "uni-wlan.geojson": Self.points([#""id":"1""#, #""id":"7""#]),
            ], "name: t\ninputs:\n  wlan: [freifunk.geojson, uni-wlan.geojson]\n")
        #expect(data.wlan.map(\.id) == ["1", "2", "uni-wlan:1", "7"])
        let p = try #require(data.problems.first { $0.code == "id-collision" })
        #expect(p.file.hasSuffix("uni-wlan.geojson"))
        #expect(
            p.reason == "1 id(s) of this file are used by an earlier wlan file too (e.g. \"1\"); they are renamed "
                + "\"uni-wlan:<id>\"")
    }

    @Test func lineOfSightByFootprintsWithoutFootprintsFallsBackToTheProbability() throws {
        let (s, data) = try load(
            ["buildings.geojson": Self.points([#""id":"a","use":"residential""#])],
            "name: t\ninputs:\n  buildings: buildings.geojson\nanalysis:\n  grid_resolution_m: 0\n")
        #expect(s.settings.losMethod == .footprints)
        let r = try Analysis.run(data, settings: s.settings)
        #expect(r.losMethod == .probability)
        #expect(r.problems.contains { $0.code == "los-without-footprints" && $0.severity == .warning })
    }

    @Test func validateChecksTheJoinsBetweenLayers() throws {
        let dir = Fixtures.temporaryDirectory()
        try Data(Self.points([#""id":"a","use":"residential""#, #""id":"b","use":"residential""#]).utf8).write(
            to: URL(fileURLWithPath: dir + "/buildings.geojson"))
        var fixed = "building_id,technology,down_mbps,up_mbps\na,vdsl,50,10\n"
        for k in 0..<3 { fixed += "generated-\(k),vdsl,50,10\n" }
        try Data(fixed.utf8).write(to: URL(fileURLWithPath: dir + "/fixed.csv"))
        // One AP 30 m from building a (joins within 40 m of an address point), one far from both.
        let ap =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"n1","geometry":{"type":"Point","#
            + #""coordinates":[7.6204,51.96]},"properties":{}},{"type":"Feature","id":"n2","geometry":{"type":"#
            + #""Point","coordinates":[7.7,52.0]},"properties":{}}]}"#
        try Data(ap.utf8).write(to: URL(fileURLWithPath: dir + "/wlan.geojson"))
        let report = ValidationReport.check(
            paths: [dir + "/buildings.geojson", dir + "/fixed.csv", dir + "/wlan.geojson"], kind: nil,
            loader: GeoDataLoader())
        let fixedJoin = try #require(report.problems.first { $0.code == "join-rate" && $0.layer == "fixed" })
        #expect(fixedJoin.severity == .error && fixedJoin.file == dir + "/fixed.csv")
        #expect(
            fixedJoin.reason
                == "1 of 4 fixed-line records find a building (25 %), by building_id or within 20 m; a run stops below "
                + "50 %")
        let wlanJoin = try #require(report.problems.first { $0.code == "join-rate" && $0.layer == "wlan" })
        #expect(
            wlanJoin.severity == .warning && wlanJoin.reason.hasPrefix("1 of 2 WLAN islands find a building (50 %)"))
        #expect(report.exitCode == 1)
    }

    @Test func fixedRecordsThatMostlyFindNoBuildingStopTheRun() throws {
        var fixed = "building_id,technology,down_mbps,up_mbps\n"
        for k in 0..<10 { fixed += "generated-\(k),vdsl,50,10\n" }
        fixed += "a,ftth,1000,1000\n"
        let (s, data) = try load(
            ["buildings.geojson": Self.points([#""id":"a","use":"residential""#]), "fixed.csv": fixed],
            "name: t\ninputs:\n  buildings: buildings.geojson\n  fixed: fixed.csv\nanalysis:\n  grid_resolution_m: 0\n")
        do {
            _ = try Analysis.run(data, settings: s.settings)
            Issue.record("a join rate of 1 in 11 must stop the run")
        } catch let e as JoinRateError {
            #expect(e.joined == 1 && e.total == 11)
            #expect(
                e.description.hasPrefix(
                    "fixed: only 1 of 11 records (9.1 %) found their building, below the 50 % a run needs"))
            #expect(e.description.contains("10 name a building_id that is not in the buildings layer"))
        }
        var lenient = s.settings
        lenient.minimumJoinRate = 0.05
        #expect(throws: Never.self) { _ = try Analysis.run(data, settings: lenient) }
    }
}
