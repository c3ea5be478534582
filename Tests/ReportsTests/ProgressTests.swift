import Foundation
import Planning
import Synchronization
import TestSupport
import Testing

@testable import Reports

/// Loading and writing report their progress, and it adds up to the total they announce.
@Suite struct ProgressTests {
    final class Recorder: ProgressObserver {
        struct Stage {
            var name: String
            var total: Int
            var done = 0
            var ended = false
        }

        let stages = Mutex<[Stage]>([])

        func begin(_ stage: String, total: Int) { stages.withLock { $0.append(Stage(name: stage, total: total)) } }
        func advance(_ count: Int) { stages.withLock { $0[$0.count - 1].done += count } }
        func end() { stages.withLock { $0[$0.count - 1].ended = true } }
    }

    @Test func loadingAndWritingCountUpToTheirTotals() throws {
        let scenario = try ScenarioReader.read(path: Fixtures.path("Tests/Fixtures/smalltown.yaml"))
        let loading = Recorder()
        let data = try scenario.loadData(progress: loading)
        let load = try #require(loading.stages.withLock { $0.first })
        #expect(load.name.hasPrefix("loading") && load.ended && load.total > 100 && load.done == load.total)
        let result = try Analysis.run(data, scenario: scenario)
        let writing = Recorder()
        let root = Fixtures.temporaryDirectory()
        _ = try RunWriter.writeFiles(result, root: root, formats: [.gpkg, .geojson, .csv], progress: writing)
        let write = try #require(writing.stages.withLock { $0.first })
        #expect(write.name.hasPrefix("writing") && write.ended)
        #expect(write.total > result.buildings.count * 3 && write.done == write.total, "\(write)")
    }
}
