import Foundation
import FuzzTargets
import TestSupport
import Testing

/// Every input the fuzzers found (Tests/Fixtures/fuzz-found/TARGET/) runs through its reader again
/// without a crash; each once crashed gigaplan.
@Suite struct FuzzFoundInputTests {
    @Test(arguments: FuzzTarget.allCases) func foundInputsNoLongerCrash(_ target: FuzzTarget) throws {
        let folder = Fixtures.path("Tests/Fixtures/fuzz-found/\(target.rawValue)")
        guard FileManager.default.fileExists(atPath: folder) else { return }
        let count = try target.replay([folder])
        #expect(count > 0)
    }
}
