import Foundation
import Planning
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
            let elapsed = max(
                1e-3,
                Double(s.started.duration(to: now).components.attoseconds) / 1e18
                    + Double(s.started.duration(to: now).components.seconds))
            let fraction = s.total > 0 ? Double(s.done) / Double(s.total) : 1
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            return String(
                format: "\r%@ %@ %d/%d (%.0f/s)", s.stage.padding(toLength: 20, withPad: " ", startingAt: 0), bar,
                s.done, s.total, Double(s.done) / elapsed)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
