import Foundation
import TestSupport
import Testing

@testable import Reports

/// `OneDecimal` writes what C's printf("%.1f") writes (the independent reader here is glibc's printf).
@Suite struct OneDecimalTests {
    static func printf(_ v: Double) -> String { String(format: "%.1f", v) }

    @Test func tiesAndNearTiesRoundAsPrintfDoes() {
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 2.5, -0.25, -0.04, -0.05, 0x1p49 - 0.25]
        // Every k/20 up to 2,000 (the halves between tenths), each with its neighbours one ulp away.
        for k in 0...40_000 {
            let v = Double(k) / 20
            values += [v, v.nextUp, v.nextDown, -v, -v.nextUp]
        }
        // Quarters, eighths and sixteenths: binary fractions whose tenths end in an exact half.
        for n in 0..<4_000 { values += [Double(n) / 4, Double(n) / 8, Double(n) / 16, -Double(n) / 16] }
        var mismatches: [String] = []
        for v in values where OneDecimal.text(v) != Self.printf(v) {
            mismatches.append("\(v): \(OneDecimal.text(v)) vs \(Self.printf(v))")
        }
        let count = mismatches.count
        #expect(count == 0, "\(mismatches.prefix(10))")
    }

    @Test func randomValuesOverManyMagnitudesMatchPrintf() {
        var generator = SplitMix64(state: 2018)
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let exponent = Double(Int(generator.next() % 60)) - 10
            let v = (Double(generator.next() % (1 << 52)) / Double(1 << 52) - 0.5) * pow(2, exponent)
            if OneDecimal.text(v) != Self.printf(v) { mismatches.append("\(v)") }
        }
        for v in [Double.nan, .infinity, -.infinity, 0x1p49, 0x1p60, -0x1p55] where OneDecimal.text(v) != Self.printf(v)
        { mismatches.append("\(v)") }
        let count = mismatches.count
        #expect(count == 0, "\(mismatches.prefix(10))")
    }
}
