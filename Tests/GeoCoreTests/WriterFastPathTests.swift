import Foundation
import TestSupport
import Testing

@testable import GeoCore

/// The writers' byte paths against independent formatting.
@Suite struct WriterFastPathTests {
    /// The text a rounded number must have: the shortest round-trip form of the rounded double (Swift's
    /// `description`), without ".0"; below 1 in fixed notation where that form has an exponent (`printf`).
    static func reference(_ n: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let r = (n * scale).rounded() / scale
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        let s = "\(r)"
        guard s.contains("e"), abs(r) < 1 else { return s }
        var fixed = String(format: "%.\(decimals)f", r)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }

    @Test func roundedNumbersAreTheShortestRoundTripText() {
        var g = SplitMix64(state: 7)
        var values: [Double] = [
            0, -0.0, 0.5, -0.5, 1.5, 7.5409356, 51.92169045, -180, 1e-8, -4e-8, 123456.7, 1e15, 3e20,
        ]
        for _ in 0..<50000 {
            let magnitude = pow(10, Double(g.below(14)) - 6)
            let sign = g.below(2) == 0 ? -1.0 : 1.0
            values.append(sign * magnitude * Double(g.next() % 1_000_000_007) / 1_000_000_007)
        }
        for n in values {
            for decimals in [0, 1, 2, 6, 7, 9] {
                #expect(
                    JSONWriter.format(n, decimals: decimals) == Self.reference(n, decimals: decimals),
                    "\(n) \(decimals)")
            }
        }
    }

    @Test func integersAndQuotedStrings() {
        for v: UInt64 in [0, 7, 10, 99, 1_000_000, UInt64.max] {
            var out: [UInt8] = []
            JSONWriter.appendInteger(v, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(v))
        }
        #expect(JSONWriter.quote("a\"b\\c\nd\u{1}é") == #""a\"b\\c\nd\u0001é""#)
        #expect(
            JSONWriter.serialize(
                .object(JSONObject([("a", .array([.number(1.5), .null, .bool(true)]))])), pretty: true)
                == "{\n  \"a\": [\n    1.5,\n    null,\n    true\n  ]\n}")
    }
}
