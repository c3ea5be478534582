import Foundation
import TestSupport
import Testing

@testable import Radio

/// `LaneMath` against the C library's long-double functions (64-bit significands, far more precise
/// than the bounds under test), over the whole working range of each function.
@Suite struct LaneMathTests {
    /// Applies a four-lane function to a list of values, four at a time.
    static func lanes(_ xs: [Double], _ f: (SIMD4<Double>) -> SIMD4<Double>) -> [Double] {
        var out: [Double] = []
        var i = 0
        while i < xs.count {
            var v = SIMD4<Double>(repeating: xs[i])
            for j in 0..<4 where i + j < xs.count { v[j] = xs[i + j] }
            let r = f(v)
            for j in 0..<4 where i + j < xs.count { out.append(r[j]) }
            i += 4
        }
        return out
    }

    #if arch(x86_64)
    typealias Precise = Float80
    #else
    typealias Precise = Double
    #endif

    @Test func expIsWithinItsBoundOverTheWholeRange() {
        var g = SplitMix64(state: 11)
        var xs: [Double] = [0, -0.0, 1, -1, 0.5 * M_LN2, -0.5 * M_LN2, 708.9, -707.9, 709, -708]
        for _ in 0..<200_000 { xs.append(-708 + 1417 * g.unit()) }
        // The engine's arguments: path-gain exponents, LOS probabilities and antenna gains.
        for _ in 0..<100_000 { xs.append(-40 * g.unit()) }
        let ys = Self.lanes(xs, LaneMath.exp)
        var worst = 0.0
        for (x, y) in zip(xs, ys) {
            let exact = Foundation.exp(Precise(x))
            worst = max(worst, Double(abs((Precise(y) - exact) / exact)))
        }
        #expect(worst < 1e-15, "largest relative error \(worst)")
        #expect(Self.lanes([0], LaneMath.exp) == [1])
        #expect(Self.lanes([-708.5, -1e4, 709.5, 1e4], LaneMath.exp) == [0, 0, .infinity, .infinity])
    }

    @Test func logIsWithinItsBoundForAllNormalNumbers() {
        var g = SplitMix64(state: 12)
        var xs: [Double] = [
            1, 2, 0.5, (2.0).squareRoot(), (0.5).squareRoot(), 100, 1e8, .leastNormalMagnitude,
            .greatestFiniteMagnitude,
        ]
        xs += [(1.0).nextUp, (1.0).nextDown, (2.0).squareRoot().nextUp, (2.0).squareRoot().nextDown]
        for _ in 0..<200_000 { xs.append(Foundation.exp(-708 + 1416 * g.unit())) }
        // The engine's arguments: squared 3D distances from 10 m to 100 km.
        for _ in 0..<100_000 { xs.append(100 + 1e10 * g.unit() * g.unit()) }
        let ys = Self.lanes(xs, LaneMath.log)
        var worst = 0.0
        for (x, y) in zip(xs, ys) {
            let exact = Foundation.log(Precise(x))
            let bound = 0x1p-52 * Double(abs(exact)) + 5e-16
            worst = max(worst, Double(abs(Precise(y) - exact)) / bound)
        }
        #expect(worst < 1, "largest error \(worst) of the bound")
        #expect(Self.lanes([1], LaneMath.log) == [0])
    }

    @Test func atan2IsWithinItsBoundInEveryOctant() {
        var g = SplitMix64(state: 13)
        var pairs: [(Double, Double)] = [(0, 0), (0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, -1), (1, -1), (-1, 1)]
        let edge = 2 - (3.0).squareRoot()
        pairs += [(edge, 1), (edge.nextUp, 1), (edge.nextDown, 1), (1, edge), (-edge, -1), (1e-300, 1), (1, 1e-300)]
        for _ in 0..<200_000 {
            let scale = Foundation.pow(10, 8 * g.unit() - 4)
            pairs.append(((2 * g.unit() - 1) * scale, (2 * g.unit() - 1) * Foundation.pow(10, 8 * g.unit() - 4)))
        }
        var ys: [Double] = []
        var i = 0
        while i < pairs.count {
            var y = SIMD4<Double>(repeating: 0)
            var x = SIMD4<Double>(repeating: 1)
            for j in 0..<4 where i + j < pairs.count { (y[j], x[j]) = pairs[i + j] }
            let r = LaneMath.atan2(y, x)
            for j in 0..<4 where i + j < pairs.count { ys.append(r[j]) }
            i += 4
        }
        var worst = 0.0
        for ((y, x), a) in zip(pairs, ys) {
            let exact = Foundation.atan2(Precise(y), Precise(x))
            worst = max(worst, Double(abs(Precise(a) - exact)))
        }
        #expect(worst < 2e-15, "largest error \(worst) rad")
        #expect(ys[0] == 0 && ys[1] == 0 && ys[2] == Double.pi && ys[3] == Double.pi / 2 && ys[4] == -Double.pi / 2)
    }
}
