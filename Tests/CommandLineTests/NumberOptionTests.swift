import Foundation
import TestSupport
import Testing

/// Numbers on the command line: negative values where they mean something, and a clear refusal (exit 2,
/// the option named) for values that are not finite, out of range or would overflow.
@Suite struct NumberOptionTests {
    func gigaplan(_ arguments: [String]) throws -> Fixtures.ProcessResult {
        try Fixtures.run(Fixtures.gigaplan, arguments, in: Fixtures.root)
    }

    @Test func negativeValuesAreReadAsNumbers() throws {
        let sinr = try gigaplan(["radio", "throughput", "--carrier", "lte1800", "--sinr-db", "-12", "--format", "json"])
        #expect(sinr.status == 0, "\(sinr.stderr)")
        #expect(sinr.stdout.contains("\"sinr_db\": -12"), "\(sinr.stdout)")
        let link = try gigaplan([
            "radio", "link", "--distance-m", "300", "--tilt-deg", "-2", "--interference-dbm", "-95", "--format", "json",
        ])
        #expect(link.status == 0, "\(link.stderr)")
    }

    @Test(arguments: [
        (
            ["radio", "pathloss", "--model", "fspl", "--frequency-mhz", "1000", "--distance-m", "-1"],
            "--distance-m: -1 is not accepted"
        ),
        (
            ["radio", "pathloss", "--model", "fspl", "--frequency-mhz", "1000", "--distance-m=-1"],
            "--distance-m: -1 is not accepted"
        ),
        (
            ["radio", "pathloss", "--model", "fspl", "--frequency-mhz", "1000", "--distance-m", "0"],
            "--distance-m: 0 is not accepted"
        ),
        (
            ["radio", "pathloss", "--model", "fspl", "--frequency-mhz", "1000", "--distance-m", "nan"],
            "--distance-m: nan is not accepted"
        ),
        (
            [
                "radio", "pathloss", "--model", "tgax-residential", "--frequency-mhz", "5000", "--distance-m", "10",
                "--walls", "9000000000000000000",
            ], "--walls: 9000000000000000000 is not accepted"
        ), (["radio", "throughput", "--sinr-db", "1e400"], "--sinr-db: inf is not accepted"),
        (
            ["radio", "throughput", "--sinr-db", "3", "--bandwidth-mhz", "1e20"],
            "--bandwidth-mhz: 1e+20 is not accepted"
        ), (["radio", "throughput", "--sinr-db", "3", "--bandwidth-mhz", "0"], "--bandwidth-mhz: 0 is not accepted"),
        (
            ["radio", "throughput", "--carrier", "lte1800", "--sinr-db", "3", "--bandwidth-mhz", "7"],
            "--bandwidth-mhz: lte has no 7 MHz channel"
        ), (["radio", "peak-rate", "--bandwidth-mhz", "100", "--tdd-share", "0"], "--tdd-share: 0 is not accepted"),
        (["radio", "link", "--distance-m", "300", "--load", "2"], "--load: 2 is not accepted"),
        (["table", "download-times", "--sizes", "1e30GB"], "--sizes: \"1e30GB\" is not a size"),
        (["table", "download-times", "--technologies", "1e300"], "--technologies: \"1e300\" is neither"),
    ]) func refusedWithTheOptionNamed(_ arguments: [String], _ message: String) throws {
        let r = try gigaplan(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(!r.stderr.contains("Missing value"))
    }

    @Test func hugeSizesAreComputedNotTrapped() throws {
        let r = try gigaplan([
            "table", "download-times", "--sizes", "1000000TB", "--technologies", "umts", "--format", "csv", "--locale",
            "en",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // 1e18 bytes at 0.384 Mbit/s: 8e18 / 3.84e5 = 20833333333333.33 s, beyond Int but printed whole.
        #expect(r.stdout.contains("20833333333333"), "\(r.stdout)")
    }

    @Test func bareCommandPrintsUsageAndExits2() throws {
        let r = try gigaplan([])
        #expect(r.status == 2)
        #expect(r.stderr.contains("USAGE: gigaplan <subcommand>"))
        #expect(try gigaplan(["--help"]).status == 0)
    }

    /// A usage error names the subcommand's usage, not the top-level one.
    @Test(arguments: [
        (
            ["radio", "pathloss", "--model", "fspl", "--distance-m", "1"], "--frequency-mhz is required",
            "gigaplan radio pathloss"
        ), (["run", "Tests/Fixtures/smalltown.yaml", "--format", "pdf"], "pdf", "gigaplan run"),
    ]) func usageErrorsShowTheSubcommandsUsage(_ arguments: [String], _ message: String, _ usage: String) throws {
        let r = try gigaplan(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.contains("Usage: \(usage)") || r.stderr.contains("USAGE: \(usage)"), "\(r.stderr)")
    }

    /// P.525 over the path length given: 20 log10(4π · 1 m · 2400 MHz / c) = 40.05 dB, whatever the heights;
    /// the P.2109 entry loss needs no distance.
    @Test func freeSpaceTakesThePathLengthAndEntryLossNoDistance() throws {
        let fspl = try gigaplan([
            "radio", "pathloss", "--model", "fspl", "--frequency-mhz", "2400", "--distance-m", "1", "--format", "json",
        ])
        #expect(fspl.status == 0, "\(fspl.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(fspl.stdout.utf8)) as? [String: Any])
        let expected = 20 * log10(4 * Double.pi * 1 * 2400e6 / 299_792_458)
        #expect(abs((o["path_loss_db"] as? Double ?? 0) - expected) < 1e-9 && abs(expected - 40.05) < 0.01)
        let entry = try gigaplan(["radio", "pathloss", "--model", "p2109-traditional", "--frequency-mhz", "3500"])
        #expect(entry.status == 0, "\(entry.stderr)")
        let missing = try gigaplan(["radio", "pathloss", "--model", "uma-los", "--frequency-mhz", "3500"])
        #expect(missing.status == 2 && missing.stderr.contains("--distance-m is required for uma-los"))
    }

    @Test func versionIsPrinted() throws {
        let r = try gigaplan(["--version"])
        #expect(r.status == 0 && r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0", "\(r.stdout)")
    }
}
