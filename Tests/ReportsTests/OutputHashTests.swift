import Foundation
import TestSupport
import Testing

/// The outputs of the test-town scenarios, byte for byte: every file's SHA-256 (by coreutils'
/// `sha256sum`) against the list in Tests/Fixtures/output-hashes/. A change that alters outputs on
/// purpose runs `tools/output-hashes` and says in its commit why the bytes changed; any other change
/// must leave them as they are.
@Suite struct OutputHashTests {
    @Test(arguments: ["smalltown", "smalltown-5g", "smalltown-fibre"]) func outputsAreByteIdentical(
        _ name: String
    ) throws {
        let expected = try String(
            contentsOfFile: Fixtures.path("Tests/Fixtures/output-hashes/\(name).sha256"), encoding: .utf8)
        let dir = Fixtures.temporaryDirectory()
        let run = try Fixtures.run(
            Fixtures.gigaplan,
            [
                "run", Fixtures.path("Tests/Fixtures/\(name).yaml"), "--out", dir + "/out", "--store",
                dir + "/h.sqlite", "--quiet",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir + "/out").filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir + "/out/" + path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let sums = try Fixtures.run("/usr/bin/sha256sum", files, in: dir + "/out")
        #expect(sums.status == 0, "\(sums.stderr)")
        let actual = sums.stdout.split(separator: "\n").map(String.init)
        let wanted = expected.split(separator: "\n").map(String.init)
        #expect(actual.count == wanted.count, "files: \(actual.count) written, \(wanted.count) expected")
        for line in Set(actual).symmetricDifference(wanted).sorted(by: { $0.dropFirst(66) < $1.dropFirst(66) }) {
            Issue.record("\(name): \(wanted.contains(line) ? "expected" : "written ") \(line)")
        }
    }
}
