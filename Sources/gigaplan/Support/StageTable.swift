import Foundation
import Planning

/// The `--timings` table: one line per stage, then the total of the counted stages. Each line gives the
/// wall time and, where the clock has it, the CPU time of the whole process over the stage and how many
/// cores that kept busy on average (the stages that leave a core idle stand out).
func stageTable(_ clock: StageClock) -> String {
    func line(_ name: String, _ seconds: Double, _ cpu: Double?) -> String {
        let wall = String(format: "%@ %8.2f s", name.padding(toLength: 22, withPad: " ", startingAt: 0), seconds)
        guard let cpu else { return wall + "\n" }
        let cores = seconds > 0 ? String(format: "%5.1f", cpu / seconds) : "    –"
        return wall + String(format: "   cpu %7.2f s  %@ cores\n", cpu, cores)
    }
    return clock.stages.map { line($0.name, $0.seconds, $0.cpuSeconds) }.joined()
        + line("total", clock.totalSeconds, clock.totalCPUSeconds)
}
