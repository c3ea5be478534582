import Foundation
import GeoCore
import TestSupport
import Testing

/// `gigaplan run`, `compare` and `report` on the generated test town, checked with independent readers.
@Suite(.serialized) struct RunOutputTests {
    static let scenario = Fixtures.path("Tests/Fixtures/smalltown.yaml")
    static let layers = [
        "buildings", "schools", "focus_points", "sites", "sectors", "wlan_aps", "wlan_coverage", "coverage",
        "underserved_areas", "districts",
    ]

    /// One run shared by the tests that only read its output.
    static let output: String = {
        let dir = Fixtures.temporaryDirectory() + "/smalltown"
        let r = try! Fixtures.run(Fixtures.gigaplan, ["run", scenario, "--out", dir, "--quiet"])
        precondition(r.status == 0, r.stderr)
        return dir
    }()

    func gigaplan(_ arguments: [String], environment: [String: String] = [:]) throws -> Fixtures.ProcessResult {
        try Fixtures.run(Fixtures.gigaplan, arguments, in: Fixtures.root)
    }

    func json(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test func geoPackageOpensInOgrinfoWithEveryLayer() throws {
        let ogrinfo = try #require(
            Fixtures.which("ogrinfo"), "ogrinfo (Debian gdal-bin) is needed; tools/test installs it")
        let gpkg = Self.output + "/gigaplan.gpkg"
        let listing = try Fixtures.run(ogrinfo, ["-ro", "-q", gpkg])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(!listing.stderr.contains("ERROR") && !listing.stderr.contains("Warning"), "\(listing.stderr)")
        for layer in Self.layers {
            let listed = listing.stdout.split(separator: "\n").contains {
                $0.hasSuffix(": \(layer)") || $0.contains(": \(layer) (")
            }
            #expect(listed, "layer \(layer) missing in: \(listing.stdout)")
        }
        let summary = try json(Self.output + "/summary.json")
        let buildings = try #require((summary["buildings"] as? [String: Any])?["total"] as? Int)
        let info = try Fixtures.run(ogrinfo, ["-ro", "-so", gpkg, "buildings"])
        #expect(info.stdout.contains("Feature Count: \(buildings)"))
        #expect(info.stdout.contains("ETRS89 / UTM zone 32N"))
        #expect(info.stdout.contains("gigabit_2023_reason: String"))
        // One geometry type per layer, as QGIS shows it.
        #expect(info.stdout.contains("Geometry: Multi Polygon"))
        #expect(try Fixtures.run(ogrinfo, ["-ro", "-so", gpkg, "focus_points"]).stdout.contains("Geometry: Point"))
        let schools = try Fixtures.run(ogrinfo, ["-ro", "-so", gpkg, "schools"])
        #expect(schools.stdout.contains("Feature Count: 3"))
        // The raster's cells with their values per technology: 2 km × 2 km town, its buffer, 100 m cells.
        let grid = try Fixtures.run(ogrinfo, ["-ro", "-so", gpkg, "coverage_grid"])
        #expect(grid.stdout.contains("lte_rsrp_dbm: Real") && grid.stdout.contains("nr_mbps: Real"))
        #expect(grid.stdout.contains("operator_a_lte_mbps: Real"))
        // The coverage raster is a tiles table GDAL opens as a raster.
        if let gdalinfo = Fixtures.which("gdalinfo") {
            let raster = try Fixtures.run(gdalinfo, ["GPKG:\(gpkg):coverage_raster"])
            #expect(raster.status == 0, "\(raster.stderr)")
            #expect(raster.stdout.contains("Pixel Size = (100.000000000000000,-100.000000000000000)"))
        }
    }

    @Test func everyLayerHasASpatialIndexThatGDALKeepsUpToDate() throws {
        let ogrinfo = try #require(
            Fixtures.which("ogrinfo"), "ogrinfo (Debian gdal-bin) is needed; tools/test installs it")
        let gpkg = Self.output + "/gigaplan.gpkg"
        for layer in Self.layers {
            let r = try Fixtures.run(ogrinfo, ["-ro", gpkg, "-sql", "SELECT HasSpatialIndex('\(layer)', 'geom')"])
            #expect(r.stdout.contains("HasSpatialIndex (Integer) = 1"), "\(layer): \(r.stdout) \(r.stderr)")
        }
        // The index answers a window query as a scan does.
        let window = ["-spat", "405000", "5757000", "405500", "5757500"]
        let indexed = try Fixtures.run(ogrinfo, ["-ro", "-q", gpkg, "buildings"] + window)
        let scanned = try Fixtures.run(
            ogrinfo, ["-ro", "-q", gpkg, "buildings", "--config", "OGR_GPKG_SPATIAL_INDEX", "NO"] + window)
        #expect(indexed.stdout.components(separatedBy: "OGRFeature").count > 1)
        #expect(indexed.stdout == scanned.stdout)
        // An edit in GDAL runs the index's triggers.
        let copy = Fixtures.temporaryDirectory() + "/edit.gpkg"
        try FileManager.default.copyItem(atPath: gpkg, toPath: copy)
        func count() throws -> String {
            try Fixtures.run(ogrinfo, ["-ro", "-q", copy, "-sql", "SELECT count(*) AS n FROM rtree_sites_geom"]).stdout
        }
        let before = try count()
        let delete = try Fixtures.run(ogrinfo, ["-q", copy, "-sql", "DELETE FROM sites WHERE fid = 1"])
        #expect(!delete.stderr.contains("ERROR"), "\(delete.stderr)")
        let sites = try #require((try json(Self.output + "/geojson/sites.geojson")["features"] as? [Any])?.count)
        #expect(before.contains("n (Integer) = \(sites)"), "\(before)")
        #expect(try count().contains("n (Integer) = \(sites - 1)"))
    }

    @Test func geoJSONFollowsRFC7946() throws {
        for layer in Self.layers {
            let doc = try json(Self.output + "/geojson/\(layer).geojson")
            #expect(doc["type"] as? String == "FeatureCollection")
            #expect(doc["crs"] == nil, "\(layer) has a crs member")
            let text = try String(contentsOfFile: Self.output + "/geojson/\(layer).geojson", encoding: .utf8)
            // No coordinate with more than 7 decimals.
            #expect(
                text.range(of: #"\d\.\d{8,}[,\]]"#, options: .regularExpression).map { text[$0].contains("e") } ?? true)
            for feature in doc["features"] as? [[String: Any]] ?? [] {
                guard let geometry = feature["geometry"] as? [String: Any] else { continue }
                try checkGeometry(geometry, layer: layer)
            }
        }
    }

    func checkGeometry(_ g: [String: Any], layer: String) throws {
        func position(_ p: Any) throws -> Coordinate {
            let a = try #require(p as? [Double])
            #expect(a.count == 2 && abs(a[0]) <= 180 && abs(a[1]) <= 90, "\(layer): \(a)")
            return Coordinate(a[0], a[1])
        }
        func polygon(_ rings: Any) throws {
            let rs = try #require(rings as? [[Any]])
            for (k, r) in rs.enumerated() {
                let ring = try r.map(position)
                #expect(ring.first == ring.last)
                #expect((Ring.signedArea(ring) > 0) == (k == 0), "\(layer): ring \(k) has the wrong winding")
            }
        }
        switch g["type"] as? String {
        case "Point": _ = try position(g["coordinates"]!)
        case "Polygon": try polygon(g["coordinates"]!)
        case "MultiPolygon": for p in try #require(g["coordinates"] as? [Any]) { try polygon(p) }
        case "LineString": _ = try (g["coordinates"] as? [Any] ?? []).map(position)
        default: Issue.record("unexpected geometry type \(String(describing: g["type"])) in \(layer)")
        }
    }

    @Test func csvParsesBack() throws {
        let text = try String(contentsOfFile: Self.output + "/csv/buildings.csv", encoding: .utf8)
        let table = try CSVTable.parse(Array(text.utf8), path: "buildings.csv")
        let summary = try json(Self.output + "/summary.json")
        #expect(table.rows.count == (summary["buildings"] as? [String: Any])?["total"] as? Int)
        // The geometry as WKT, and the CRS it is in beside it.
        #expect(table.header.first == "id" && Array(table.header.suffix(2)) == ["wkt", "crs"])
        let crs = try #require(table.column(["crs"]))
        #expect(table.rows.allSatisfy { $0[crs] == "EPSG:25832" })
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
        // The city table's download times for the best service: 1 GB = 8000 Mbit.
        let best = try #require(table.column(["best_down_mbps"]))
        let gb = try #require(table.column(["download_1_gb_update_s"]))
        let row = try #require(table.rows.first { (Double($0[best]) ?? 0) > 0 })
        #expect(abs(Double(row[gb])! - 8000 / Double(row[best])!) < 0.01)
        let wkt = try #require(table.column(["wkt"]))
        #expect(try Geometry(wkt: table.rows[0][wkt]).isPolygonal)
        let schools = try CSVTable.parse(
            Array(try String(contentsOfFile: Self.output + "/csv/schools.csv", encoding: .utf8).utf8),
            path: "schools.csv")
        #expect(schools.rows.count == 3)
        let times = try String(contentsOfFile: Self.output + "/csv/download_times.csv", encoding: .utf8)
        #expect(times.contains("10 MP3s,1042,10,4,1,0.40,0.04"))
    }

    @Test func sameInputSameBytes() throws {
        let again = Fixtures.temporaryDirectory() + "/again"
        let r = try gigaplan([
            "run", Self.scenario, "--out", again, "--quiet", "--store", Fixtures.temporaryDirectory() + "/h.sqlite",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.output).filter { !$0.hasSuffix("/") }
            .sorted()
        #expect(files.count >= 20)
        for f in files where !FileManager.default.fileExists(atPath: Self.output + "/" + f + "/.") {
            #expect(
                FileManager.default.contents(atPath: Self.output + "/" + f)
                    == FileManager.default.contents(atPath: again + "/" + f), "\(f) differs")
        }
    }

    @Test func summaryAndHistory() throws {
        let store = Fixtures.temporaryDirectory() + "/history.sqlite"
        let out = Fixtures.temporaryDirectory() + "/s"
        let r = try gigaplan(["run", Self.scenario, "--out", out, "--json", "--format", "geojson", "--store", store])
        #expect(r.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(summary["scenario"] as? String == "smalltown")
        #expect((summary["generated_layers"] as? [String])?.contains("buildings") == true)
        #expect(!FileManager.default.fileExists(atPath: out + "/gigaplan.gpkg"))
        #expect(FileManager.default.fileExists(atPath: out + "/geojson/buildings.geojson"))
        let history = try gigaplan(["history", "--store", store, "--format", "json"])
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1 && entries[0]["scenario"] as? String == "smalltown")
        let db = try SQLiteDatabase(path: store)
        let inputs = try #require(try db.query("SELECT inputs FROM runs").first?.first?.text)
        let hash = try #require(
            FileManager.default.contents(atPath: Fixtures.path("Tests/Fixtures/smalltown/sites.geojson")))
        #expect(inputs.contains(SHA256Reference.hex(hash)))
    }

    @Test func compareWithItselfAndFibreToSchools() throws {
        let same = try gigaplan(["compare", Self.scenario, Self.scenario, "--quiet"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("0 building(s) changed"))
        let dir = Fixtures.temporaryDirectory()
        let fibre = try gigaplan([
            "compare", Self.scenario, Fixtures.path("Tests/Fixtures/smalltown-fibre.yaml"), "--out", dir, "--quiet",
        ])
        #expect(fibre.status == 0, "\(fibre.stderr)")
        let changed = try CSVTable.parse(
            Array(try String(contentsOfFile: dir + "/changed_buildings.csv", encoding: .utf8).utf8), path: "c.csv")
        // The school buildings that did not have 1000/1000 already, read independently from the baseline output.
        let baseline = try CSVTable.parse(
            Array(try String(contentsOfFile: Self.output + "/csv/buildings.csv", encoding: .utf8).utf8), path: "b.csv")
        let id = baseline.column(["id"])!
        let use = baseline.column(["use"])!
        let down = baseline.column(["fixed_down_mbps"])!
        let up = baseline.column(["fixed_up_mbps"])!
        let expected = baseline.rows.filter { $0[use] == "school" && !($0[down] == "1000" && $0[up] == "1000") }.map {
            $0[id]
        }.sorted()
        #expect(!expected.isEmpty)
        #expect(changed.rows.map { $0[0] }.sorted() == expected)
        #expect(changed.rows.allSatisfy { $0[1].contains("fixed") })
    }

    @Test func badScenariosExitWithFileLineAndKeyAndWriteNothing() throws {
        let dir = Fixtures.temporaryDirectory()
        func scenario(_ name: String, _ text: String) -> String {
            let path = dir + "/" + name
            try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let fixtures = Fixtures.path("Tests/Fixtures")
        let unknownKey = scenario(
            "unknown.yaml", "base: \(fixtures)/smalltown.yaml\nname: x\nradio:\n  los: footprints\n  colour: blue\n")
        let missingFile = scenario("missing.yaml", "name: y\ninputs:\n  buildings: nowhere.geojson\n")
        let missingID = scenario(
            "id.yaml",
            "base: \(fixtures)/smalltown.yaml\nname: z\nchanges:\n  - add_fibre:\n      select: {ids: "
                + "[no-such-building]}\n")
        for (path, status, expected) in [
            (unknownKey, Int32(1), "unknown.yaml:5:3: radio.colour: unknown key \"colour\""),
            (missingFile, Int32(2), "missing.yaml:3:14: inputs.buildings: no such file"),
            (missingID, Int32(1), "id.yaml:4: changes[0].select.ids: no building with id \"no-such-building\""),
        ] {
            let out = dir + "/out-" + URL(fileURLWithPath: path).lastPathComponent
            let r = try gigaplan(["run", path, "--out", out, "--quiet"])
            #expect(r.status == status, "\(path): \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func reportPerDistrict() throws {
        let dir = Fixtures.temporaryDirectory() + "/reports"
        let r = try gigaplan(["report", Self.scenario, "--per", "district", "--out", dir, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let districts = try #require(
            (try json(Fixtures.path("Tests/Fixtures/smalltown/districts.geojson"))["features"] as? [Any])?.count)
        #expect(files.filter { $0.hasPrefix("district-") }.count == districts)
        let index = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        #expect(index.contains("generated data"))
        let areas = try gigaplan(["report", Self.scenario, "--per", "area", "--out", dir + "-areas", "--quiet"])
        #expect(areas.status == 0)
        let summary = try json(Self.output + "/summary.json")
        let count = try #require((summary["underserved_areas"] as? [String: Any])?["count"] as? Int)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir + "-areas").filter { $0.hasPrefix("area-") }.count
                == count)
    }
}

/// SHA-256 from Debian's coreutils, as an independent check of the hashes in the history store.
enum SHA256Reference {
    static func hex(_ data: Data) -> String {
        let path = Fixtures.file("blob", bytes: [UInt8](data))
        let r = try! Fixtures.run("/usr/bin/sha256sum", [path])
        return String(r.stdout.prefix(64))
    }
}

/// Results must not depend on the number of threads.
@Suite struct ThreadIndependenceTests {
    @Test func oneThreadGivesTheSameBytes() throws {
        let parallel = Fixtures.temporaryDirectory() + "/p"
        let serial = Fixtures.temporaryDirectory() + "/s"
        let scenario = Fixtures.path("Tests/Fixtures/smalltown-5g.yaml")
        let a = try Fixtures.run(
            Fixtures.gigaplan, ["run", scenario, "--out", parallel, "--quiet", "--format", "gpkg,csv,geojson"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixtures.gigaplan)
        process.arguments = ["run", scenario, "--out", serial, "--quiet", "--format", "gpkg,csv,geojson"]
        process.environment = ProcessInfo.processInfo.environment.merging(["GIGAPLAN_THREADS": "1"]) { $1 }
        try process.run()
        process.waitUntilExit()
        #expect(a.status == 0 && process.terminationStatus == 0)
        for file in ["gigaplan.gpkg", "csv/buildings.csv", "geojson/coverage.geojson", "summary.json"] {
            let x = FileManager.default.contents(atPath: parallel + "/" + file)
            #expect(x != nil && x == FileManager.default.contents(atPath: serial + "/" + file), "\(file) differs")
        }
    }
}

/// The coverage raster as values (coverage.tif), read back by GDAL's own tools and compared, cell by
/// cell, with the coverage_grid layer that the GeoPackage writer makes on its own path.
@Suite struct CoverageRasterTests {
    @Test func valueRasterMatchesTheGridLayer() throws {
        let gdalinfo = try #require(Fixtures.which("gdalinfo"), "gdal-bin is needed; tools/test installs it")
        let locate = try #require(Fixtures.which("gdallocationinfo"))
        let ogrinfo = try #require(Fixtures.which("ogrinfo"))
        let dir = Fixtures.temporaryDirectory()
        let run = try Fixtures.runTestTown(out: dir + "/out", ["--format", "gpkg"])
        #expect(run.status == 0, "\(run.stderr)")
        let tif = dir + "/out/coverage.tif"
        let info = try Fixtures.run(gdalinfo, [tif]).stdout
        #expect(
            info.contains("Type=Float32") && info.contains("ID[\"EPSG\",25832]") && info.contains("NoData Value=-9999"))
        let descriptions = info.split(separator: "\n").filter { $0.contains("Description = ") }.map {
            String($0.split(separator: "=").last!).trimmingCharacters(in: .whitespaces)
        }
        #expect(
            descriptions.first == "best_mbps" && descriptions.contains("lte_rsrp_dbm")
                && descriptions.contains("nr_mbps"))
        for fid in [1, 100, 333, 500] {
            let feature = try Fixtures.run(
                ogrinfo, ["-q", dir + "/out/gigaplan.gpkg", "coverage_grid", "-fid", String(fid)]
            ).stdout
            var fields: [String: Double] = [:]
            var point: (String, String)?
            for line in feature.split(separator: "\n") {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("POINT (") {
                    let xy = t.dropFirst(7).dropLast().split(separator: " ")
                    point = (String(xy[0]), String(xy[1]))
                } else if let eq = t.range(of: " (Real) = ") {
                    fields[String(t[..<eq.lowerBound])] = Double(t[eq.upperBound...])
                }
            }
            let (x, y) = try #require(point, "feature \(fid)")
            let values = try Fixtures.run(locate, ["-valonly", "-geoloc", tif, x, y]).stdout.split(separator: "\n").map
            { Double($0.trimmingCharacters(in: .whitespaces))! }
            #expect(values.count == descriptions.count)
            for (k, name) in descriptions.enumerated() where name != "best_mbps" {
                guard let expected = fields[name] else {
                    #expect(values[k] == -9999, "\(name) at fid \(fid)")
                    continue
                }
                #expect(abs(values[k] - expected) <= 0.006, "\(name) at fid \(fid): \(values[k]) vs \(expected)")
            }
            let best = descriptions.indices.filter { descriptions[$0].hasSuffix("_mbps") && $0 > 0 }.map { values[$0] }
                .max()!
            #expect(abs(values[0] - best) < 1e-3, "best at fid \(fid)")
        }
    }
}

/// `--profile slim`: the buildings layer without download times and pass-through columns, every verdict
/// kept; residents are whole numbers in both profiles.
@Suite struct OutputProfileTests {
    @Test func slimBuildingsKeepVerdictsAndDropBulk() throws {
        let dir = Fixtures.temporaryDirectory()
        var headers: [String: [String]] = [:]
        var sizes: [String: Int] = [:]
        for profile in ["full", "slim"] {
            let run = try Fixtures.runTestTown(
                out: dir + "/" + profile, ["--format", "csv, geojson", "--profile", profile])
            #expect(run.status == 0, "\(run.stderr)")
            let csv = try String(contentsOfFile: dir + "/\(profile)/csv/buildings.csv", encoding: .utf8)
            let lines = csv.split(separator: "\n")
            headers[profile] = lines[0].split(separator: ",").map(String.init)
            let residents = try #require(headers[profile]!.firstIndex(of: "residents"))
            for line in lines.dropFirst().prefix(50) {
                let value = line.split(separator: ",", omittingEmptySubsequences: false)[residents]
                #expect(value.isEmpty || Int(value) != nil, "residents \(value)")
            }
            sizes[profile] =
                (try FileManager.default.attributesOfItem(atPath: dir + "/\(profile)/geojson/buildings.geojson")[.size]
                    as? Int) ?? 0
        }
        let full = try #require(headers["full"])
        let slim = try #require(headers["slim"])
        #expect(full.contains { $0.hasPrefix("src_") } && full.contains { $0.hasPrefix("download_") })
        #expect(!slim.contains { $0.hasPrefix("src_") || $0.hasPrefix("download_") })
        #expect(Set(slim).isSubset(of: Set(full)))
        for kept in ["id", "street", "best_down_mbps", "gigabit_2023_eligible", "gigabit_2023_reason", "capex_eur"] {
            #expect(slim.contains(kept), "\(kept)")
        }
        #expect(sizes["slim"]! < sizes["full"]!, "\(sizes)")
    }
}
