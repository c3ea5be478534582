import Foundation
import GeoCore
import Radio
import Testing

@testable import Planning

/// A building's compact mobile qualities against the coverage's own best pair per technology, which
/// makes the names and qualities directly: the same service, sector and numbers for every building,
/// technology and side, the technologies in the order asked, none where there is no service.
@Suite struct MobileQualitiesTests {
    @Test func compactQualitiesReadAsTheCoveragesBestPairs() throws {
        var data = LinkEngineTests.city()
        data.buildings = Array(data.buildings.prefix(2_000))
        var settings = AnalysisSettings()
        settings.gridResolutionM = 0
        let context = try SpatialContext(data: data, settings: settings)
        let network = MobileNetwork(sites: data.sites, context: context, settings: settings)
        let receivers = context.buildings.indices.map { Receiver(position: context.centres[$0]) }
        let coverage = MobileCoverage(network: network, receivers: receivers, raster: nil, settings: settings)
        // UMTS has no sector here: it must be left out, not stored empty.
        let technologies: [Technology] = [.nr, .umts, .lte]
        var served = 0
        for r in receivers.indices {
            for indoor in [false, true] {
                let compact = coverage.qualities(receiver: r, technologies: technologies, indoor: indoor)
                let expected = technologies.compactMap { t in
                    coverage.best(receiver: r, technology: t, indoor: indoor).map { (t, $0) }
                }
                #expect(compact.keys == expected.map(\.0), "receiver \(r)")
                for (t, pair) in expected {
                    let read = try #require(compact[t])
                    #expect(read.0 == pair.0 && read.1 == pair.1, "receiver \(r) \(t)")
                    #expect(compact.downlinkMbps(t) == pair.1.downlinkMbps)
                }
                #expect(compact[.umts] == nil && compact.downlinkMbps(.umts) == nil)
                // The rate alone, per operator too, as the best pair gives it (the coverage classes read it).
                for t in technologies {
                    for operatorName in [nil] + Array(Set(coverage.services.map(\.operatorName))).sorted() {
                        #expect(
                            coverage.bestRate(receiver: r, technology: t, operatorName: operatorName, indoor: indoor)
                                == coverage.best(
                                    receiver: r, technology: t, operatorName: operatorName, indoor: indoor)?.1
                                .downlinkMbps, "receiver \(r) \(t) \(operatorName ?? "any")")
                    }
                }
                #expect(compact.bestDownlinkMbps == expected.map(\.1.1.downlinkMbps).max())
                #expect(compact.values.map(\.0) == expected.map(\.1.0), "receiver \(r): values in the order of keys")
                served += compact.count
            }
        }
        #expect(served > 3 * receivers.count)
        // The compact form's point: an entry with the stored quality, the service and the technology in 32 bytes.
        #expect(MemoryLayout<MobileQualities.Entry>.stride == 32)
    }
}
