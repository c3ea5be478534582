import Foundation
import Planning

/// The `--timings` table: one line per stage, then the total of the counted stages.
func stageTable(_ clock: StageClock) -> String {
    func line(_ name: String, _ seconds: Double) -> String {
        String(format: "%@ %8.2f s\n", name.padding(toLength: 22, withPad: " ", startingAt: 0), seconds)
    }
    return clock.stages.map { line($0.name, $0.seconds) }.joined() + line("total", clock.totalSeconds)
}
