import Foundation
import TestSupport
import Testing

/// The `gigaplan` executable as a user runs it: output, exit codes, JSON.
@Suite struct CommandLineTests {
    func gigaplan(_ arguments: String...) throws -> Fixtures.ProcessResult {
        try Fixtures.run(Fixtures.gigaplan, arguments, in: Fixtures.root)
    }

    @Test func downloadTimesTable() throws {
        let r = try gigaplan("table", "download-times")
        #expect(r.status == 0)
        #expect(
            r.stdout.hasPrefix(
                "Downloadzeit in s   UMTS     HSDPA  LTE 100 MBit  LTE 300 MBit  5G (1 GBit)  5G (10 GBit)\n10 MP3s    "
                    + "         1042     10     4             1             0,40         0,04\n"))
        #expect(
            r.stdout.hasSuffix("100 GB Backup       2083333  19048  8000          2667          800,00       80,00\n"))
        let json = try gigaplan(
            "table", "download-times", "--format", "json", "--technologies", "lte-100", "--sizes", "1GB")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["seconds"] as? Double == 80)
        #expect(rows[0]["size_bytes"] as? Double == 1e9)
        #expect(try gigaplan("table", "download-times", "--sizes", "lots").status == 2)
    }

    @Test func pathLossJSON() throws {
        let r = try gigaplan(
            "radio", "pathloss", "--model", "umi-nlos", "--frequency-mhz", "3500", "--distance-m", "300",
            "--bs-height-m", "10", "--format", "json")
        #expect(r.status == 0)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["model"] as? String == "umi-nlos")
        #expect(abs((o["path_loss_db"] as? Double ?? 0) - 121.437) < 0.01)
        #expect(o["in_validity_range"] as? Bool == true)
        #expect((o["source"] as? String)?.contains("38.901") == true)
        let outside = try gigaplan(
            "radio", "pathloss", "--model", "hata-urban", "--frequency-mhz", "3500", "--distance-m", "300", "--format",
            "json")
        #expect(outside.stdout.contains("\"in_validity_range\": false"))
        #expect(
            try gigaplan(
                "radio", "pathloss", "--model", "hata-urban", "--frequency-mhz", "3500", "--distance-m", "300",
                "--strict"
            ).status == 2)
        #expect(
            try gigaplan("radio", "pathloss", "--model", "nonsense", "--frequency-mhz", "1", "--distance-m", "1").status
                == 2)
    }

    @Test func linkAndPeakRate() throws {
        let link = try gigaplan(
            "radio", "link", "--carrier", "lte1800", "--model", "fspl", "--distance-m", "1000", "--bs-height-m", "1.5",
            "--eirp-dbm", "61", "--antenna-gain-dbi", "17", "--tilt-deg", "0", "--format", "json")
        #expect(link.status == 0)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(link.stdout.utf8)) as? [String: Any])
        // FSPL at 1800 MHz, 1 km: 97.5532 dB; omni antenna without tilt, receiver at antenna height: 61 − 97.5532 dBm.
        #expect(abs((o["received_power_dbm"] as? Double ?? 0) - (61 - 97.5532)) < 0.001)
        #expect(o["downlink_mbps"] as? Double == 150.752)
        let peak = try gigaplan("radio", "peak-rate", "--bandwidth-mhz", "100", "--scs-khz", "30", "--format", "json")
        #expect(peak.stdout.contains("\"peak_rate_mbps\": 2337.0001"))
        #expect(try gigaplan("radio", "peak-rate", "--bandwidth-mhz", "100", "--scs-khz", "15").status == 2)
        let tp = try gigaplan("radio", "throughput", "--carrier", "lte1800", "--sinr-db", "10", "--format", "json")
        #expect(tp.stdout.contains("\"mbps\": 74.72"))
    }

    @Test func validateExitCodes() throws {
        let clean = Fixtures.file(
            "wlan.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.62,51.96]},\"properties\":{}}]}")
        #expect(try gigaplan("validate", clean).status == 0)
        let bad = Fixtures.file(
            "wlan.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[51.96,7.62]},\"properties\":{\"id\":\"s\"}}]}")
        let r = try gigaplan("validate", bad)
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(bad): layer wlan: feature 0 (id \"s\"), field geometry: error:"))
        #expect(r.stdout.contains("[lat-lon-swapped]"))
        let json = try gigaplan("validate", bad, "--format", "json")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let problems = try #require(o["problems"] as? [[String: Any]])
        #expect(problems.first?["code"] as? String == "lat-lon-swapped")
        #expect(problems.first?["feature_index"] as? Int == 0)
        #expect(o["exit_code"] as? Int == 1)
        #expect(try gigaplan("validate", "/no/such/file.geojson").status == 2)
        #expect(try gigaplan("validate", clean, "--layer", "nonsense").status == 2)
        let gk = try gigaplan("validate", "--crs", "EPSG:31467", "GeoData/muenster/schools-2024-gk3.csv")
        #expect(gk.status == 0)
        #expect(gk.stdout.contains("layer schools: 100 features, 100 usable"))
        #expect(try gigaplan("validate", "GeoData/muenster/schools-2024-gk3.csv").stdout.contains("EPSG:31467"))
    }

    /// `--timings` gives each stage's wall time and the process's CPU time over it: every stage of the
    /// analysis is there with both, the writers run in parallel show their wall time only, and the total
    /// line adds up the counted stages' columns.
    @Test func timingsGiveWallAndCPUTimePerStage() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = Fixtures.path("Tests/Fixtures/smalltown.yaml")
        let r = try gigaplan(
            "run", scenario, "--out", dir + "/out", "--store", dir + "/h.sqlite", "--quiet", "--timings")
        #expect(r.status == 0, "\(r.stderr)")
        // "name   0.12 s   cpu   0.20 s   1.7 cores", or "  write gpkg   0.10 s" for a part of a stage.
        var rows: [String: (wall: Double, cpu: Double?, cores: Double?)] = [:]
        for line in r.stderr.split(separator: "\n") where line.contains(" s") && !line.hasPrefix("mobile links") {
            let name = line.prefix(22).trimmingCharacters(in: .whitespaces)
            let numbers = line.dropFirst(22).split(separator: " ").compactMap { Double($0) }
            rows[name] = (numbers[0], numbers.count == 3 ? numbers[1] : nil, numbers.count == 3 ? numbers[2] : nil)
        }
        let counted = [
            "load", "prepare", "fixed", "mobile", "wlan", "classify", "areas", "costs", "grid", "summarise",
            "write (in parallel)", "history",
        ]
        for name in counted {
            let row = try #require(rows[name], "\(name) in \(r.stderr)")
            let cpu = try #require(row.cpu, "\(name) has its CPU time")
            #expect(cpu >= 0)
            if row.wall >= 0.05, let cores = row.cores {
                // Rounded to 0.01 s and 0.1 cores; no more cores than the machine has.
                #expect(abs(cores - cpu / row.wall) <= 0.05 + 0.005 * (1 + cores) / row.wall + 0.001)
                #expect(cores <= Double(ProcessInfo.processInfo.activeProcessorCount) + 0.2)
            }
        }
        #expect(rows["write gpkg"].map { $0.cpu == nil } == true, "a writer among others has no CPU time of its own")
        let total = try #require(rows["total"])
        let wallSum = counted.reduce(0) { $0 + rows[$1]!.wall }
        let cpuSum = counted.reduce(0) { $0 + rows[$1]!.cpu! }
        #expect(abs(total.wall - wallSum) <= 0.005 * Double(counted.count) + 0.01)
        #expect(abs(try #require(total.cpu) - cpuSum) <= 0.005 * Double(counted.count) + 0.01)
        #expect(cpuSum > 0, "the run used the CPU")
    }
}

/// GDAL is opened only when a GDAL format is written (coverage.tif here): a run without one does not
/// load it and the libraries it links. The dynamic loader's own trace (`LD_DEBUG=libs`) says which
/// libraries a process initialised.
@Suite struct GDALLoadingTests {
    func traced(_ arguments: [String]) throws -> Fixtures.ProcessResult {
        try Fixtures.run("/usr/bin/env", ["LD_DEBUG=libs", Fixtures.gigaplan] + arguments, in: Fixtures.root)
    }

    func initialisedGDAL(_ trace: String) -> Bool {
        trace.split(separator: "\n").contains { $0.contains("calling init:") && $0.contains("/libgdal.so") }
    }

    @Test func gdalIsLoadedOnlyToWriteItsFormats() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let version = try traced(["--version"])
        #expect(version.status == 0)
        #expect(version.stderr.contains("calling init:"), "the loader's trace is read")
        #expect(!initialisedGDAL(version.stderr))
        let scenario = Fixtures.path("Tests/Fixtures/smalltown.yaml")
        let own = try traced(["run", scenario, "--out", dir + "/own", "--quiet", "--format", "geojson,csv"])
        #expect(own.status == 0)
        #expect(!initialisedGDAL(own.stderr))
        #expect(!FileManager.default.fileExists(atPath: dir + "/own/coverage.tif"))
        let raster = try traced(["run", scenario, "--out", dir + "/raster", "--quiet", "--format", "gpkg"])
        #expect(raster.status == 0)
        #expect(initialisedGDAL(raster.stderr))
        #expect(FileManager.default.fileExists(atPath: dir + "/raster/coverage.tif"))
    }
}
