import Foundation
import Planning
import Reports
import Synchronization

/// A progress bar on standard error with counts and rate, drawn only when standard error is a terminal.
final class TerminalProgress: ProgressObserver {
    private struct State {
        var stage = ""
        var total = 0
        var done = 0
        var started = ContinuousClock.now
        var lastDraw = ContinuousClock.now
    }

    private let state = Mutex(State())

    static func make(quiet: Bool) -> TerminalProgress? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : TerminalProgress()
    }

    func begin(_ stage: String, total: Int) {
        state.withLock { $0 = State(stage: stage, total: total, done: 0, started: .now, lastDraw: .now) }
        draw(force: true)
    }

    func advance(_ count: Int) {
        state.withLock { $0.done += count }
        draw(force: false)
    }

    func end() {
        draw(force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(force: Bool) {
        let line: String? = state.withLock { s in
            let now = ContinuousClock.now
            guard force || s.lastDraw.duration(to: now) > .milliseconds(200) else { return nil }
            s.lastDraw = now
            let elapsed = s.started.duration(to: now)
            return ProgressLine.text(
                stage: s.stage, done: s.done, total: s.total,
                elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
