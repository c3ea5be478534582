import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator, so that the same seed gives
/// the same city on every machine.
struct RandomSource: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func integer(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    /// A Poisson-distributed count (Knuth's method for small means, normal approximation above 30).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            let u1 = max(unit(), 1e-12)
            let u2 = unit()
            let z = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
            return max(0, Int((mean + z * mean.squareRoot()).rounded()))
        }
        let limit = Foundation.exp(-mean)
        var k = 0
        var p = unit()
        while p > limit {
            k += 1
            p *= unit()
        }
        return k
    }

    /// A sub-generator for one part of the city, so that changing one layer does not reshuffle the others.
    func fork(_ salt: UInt64) -> RandomSource {
        var copy = RandomSource(seed: state ^ (salt &* 0x9E37_79B9_7F4A_7C15))
        _ = copy.next()
        return copy
    }
}
