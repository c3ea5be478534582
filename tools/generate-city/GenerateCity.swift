import ArgumentParser
import Foundation
import GeoCore

/// Generates the demo city layers (Münster) or a synthetic city of any size for benchmarks.
@main
struct GenerateCity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-city",
        abstract: "Generate buildings, sites, WLAN islands, fixed-line availability, focus points and districts (deterministic for a seed).",
        discussion: "Method: docs/generated-data.md. Every file and feature is marked as generated."
    )

    @Option(help: "Folder with the real input data (census grid, schools, postcode areas, Breitbandatlas).")
    var data = "GeoData/muenster"

    @Option(help: "Output folder.")
    var out = "GeoData/muenster/generated"

    @Option(help: "Random seed.")
    var seed: UInt64 = 2018

    @Option(help: "Number of cell sites.")
    var sites = 450

    @Flag(help: "A synthetic city instead of Münster.")
    var synthetic = false

    @Option(help: "Synthetic: number of buildings (approximate).")
    var buildings = 100_000

    @Option(help: "Synthetic: area in km².")
    var areaKm2 = 303.0

    @Flag(help: "Give every site all five carriers (LTE 800, 1800, 2100, 2600 and NR 3600), as the benchmark workloads do.")
    var fiveCarriers = false

    @Flag(help: "Write only the large layers (buildings, fixed lines) and skip the small committed ones.")
    var largeOnly = false

    func run() throws {
        let projector = Projector()
        let crs = CRS.etrs89UTM32
        var inputs: CityInputs
        var output: CityGenerator.Output
        if synthetic {
            // Münster's centre, so that the synthetic city lies in the same CRS zone. More residents per
            // building until the city has at least the target (the generator then trims to it exactly).
            var residents = 7.0
            repeat {
                inputs = CityInputs.synthetic(center: Coordinate(405_735, 5_757_756), areaKm2: areaKm2, targetBuildings: buildings, seed: seed, residentsPerBuilding: residents)
                output = try CityGenerator(inputs: inputs, seed: seed, siteCount: sites, buildingScale: 1, fiveCarriers: fiveCarriers).generate()
                residents *= 1.25 * Double(buildings) / Double(max(output.buildings.count, 1))
            } while output.buildings.count < buildings - output.focusPoints.count && residents < 200
        } else {
            inputs = try CityInputs.muenster(dataDirectory: data, projector: projector, crs: crs)
            output = try CityGenerator(inputs: inputs, seed: seed, siteCount: sites, buildingScale: 1, fiveCarriers: fiveCarriers).generate()
        }
        let note = JSONObject([
            ("generator", .string("tools/generate-city")), ("seed", .number(Double(seed))), ("city", .string(inputs.name)),
            ("method", .string("docs/generated-data.md")),
            ("warning", .string("GENERATED DATA: plausible but not real. Do not use for decisions or funding applications.")),
            ("sources", .array(inputs.sources.map { .string($0) })),
        ])
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        func write(_ name: String, _ features: [Feature]) throws {
            var wgs = FeatureLayer(name: name, source: name, crs: crs, features: features)
            for i in wgs.features.indices {
                wgs.features[i].geometry = try wgs.features[i].geometry.map { try projector.transform($0, from: crs, to: .wgs84) }
            }
            let text = GeoJSONWriter().document(features: wgs.features, members: JSONObject([("name", .string(name)), ("generated", .object(note))]))
            try AtomicFile.write(text, to: "\(out)/\(name).geojson")
        }
        try write("buildings", output.buildings)
        let csv = output.fixed.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try AtomicFile.write(csv, to: "\(out)/fixed.csv")
        if !largeOnly {
            try write("sites", output.sites)
            try write("wlan", output.wlan)
            try write("wlan-schools", output.wlanSchools)
            try write("focus_points", output.focusPoints)
            try write("districts", output.districts)
            if synthetic {
                try write("schools", inputs.schools.enumerated().map { k, school in
                    Feature(index: k, geometry: .point(school.location), properties: JSONObject([
                        ("id", .string(school.id)), ("name", .string(school.name)), ("building_id", .string("school-\(school.id)")), ("generated", .bool(true)),
                    ]))
                })
            }
        }
        let households = output.buildings.reduce(0.0) { $0 + ($1.properties["households"]?.numberValue ?? 0) }
        let residents = output.buildings.reduce(0.0) { $0 + ($1.properties["residents"]?.numberValue ?? 0) }
        print("\(inputs.name): \(output.buildings.count) buildings, \(Int(households)) households, \(Int(residents.rounded())) residents, \(output.sites.count) sites, \(output.wlan.count + output.wlanSchools.count) WLAN APs, \(output.fixed.count - 1) fixed-line records → \(out)")
    }
}
