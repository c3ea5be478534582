import Foundation

/// The progress line drawn on a terminal: stage, bar, counts, rate and the time left. It starts with
/// a carriage return and ends by erasing the rest of the line (ESC [ K), so that a shorter line never
/// leaves characters of a longer one behind.
public enum ProgressLine {
    public static func text(stage: String, done: Int, total: Int, elapsedSeconds: Double) -> String {
        let elapsed = max(elapsedSeconds, 1e-3)
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = Double(done) / elapsed
        var line =
            "\r\(stage.padding(toLength: 20, withPad: " ", startingAt: 0)) \(bar) \(done)/\(total)"
            + " (\(NumberFormat.fixed(rate, decimals: 0))/s"
        if done > 0 && done < total { line += ", \(duration(Double(total - done) / rate)) left" }
        return line + ")\u{1B}[K"
    }

    /// "42 s", "3 min 05 s", "1 h 02 min".
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
        return "\(s / 3600) h \(String(format: "%02d", (s % 3600) / 60)) min"
    }
}
