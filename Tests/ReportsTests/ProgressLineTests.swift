import Testing

@testable import Reports

@Suite struct ProgressLineTests {
    @Test func aLineStartsAtTheMarginAndErasesWhatALongerOneLeft() {
        let long = ProgressLine.text(stage: "buildings", done: 5_000, total: 100_000, elapsedSeconds: 2)
        let short = ProgressLine.text(stage: "wlan", done: 1, total: 1, elapsedSeconds: 0.5)
        for line in [long, short] {
            #expect(line.hasPrefix("\r") && line.hasSuffix("\u{1B}[K"), "\(line.debugDescription)")
        }
        // 95,000 left at 2,500/s: 38 s.
        #expect(long.contains("5000/100000 (2500/s, 38 s left)"), "\(long.debugDescription)")
        #expect(!short.contains("left"))
        #expect(ProgressLine.duration(185) == "3 min 05 s" && ProgressLine.duration(3720) == "1 h 02 min")
    }
}
