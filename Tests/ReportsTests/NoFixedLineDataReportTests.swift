import Foundation
import Planning
import TestSupport
import Testing

@testable import Reports

/// A run without fixed-line records judges every building without fixed-line service: the report and each
/// project area's page of the application pack say so first, and a run with them does not.
@Suite struct NoFixedLineDataReportTests {
    @Test func reportsSayWhenTheScenarioHasNoFixedLineData() throws {
        let scenario = try ScenarioReader.read(path: Fixtures.path("Tests/Fixtures/smalltown.yaml"))
        var data = try scenario.loadData()
        #expect(!data.fixed.isEmpty)
        let with = try Analysis.run(data, scenario: scenario)
        data.fixed = []
        let without = try Analysis.run(data, scenario: scenario)
        #expect(!with.lacksFixedLineData && without.lacksFixedLineData)
        #expect(without.problems.contains { $0.code == Analysis.noFixedLineData && $0.severity == .warning })

        let banner = "id=\"no-fixed-line-data\""
        #expect(try HTMLReport.render(without).contains(banner))
        #expect(try HTMLReport.render(without, locale: .de).contains("Keine Festnetzdaten"))
        #expect(try !HTMLReport.render(with).contains(banner))

        let page = "Keine Festnetzdaten"
        #expect(!without.projectAreas.isEmpty && !with.projectAreas.isEmpty)
        #expect(try ProjectAreaPage.render(without, area: 0, trenches: []).contains(page))
        #expect(try !ProjectAreaPage.render(with, area: 0, trenches: []).contains(page))
    }
}
