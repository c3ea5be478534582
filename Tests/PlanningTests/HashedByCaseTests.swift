import Radio
import TestSupport
import Testing

@testable import Planning

/// The enums named by strings but hashed and compared by their case (`HashedByCase`): every case is
/// equal to itself and to no other, hashes as its tag, which is its place in the declaration (and
/// `allCases`, which `caseIndex` gives), not as its name (which `RawRepresentable` would hash), and
/// tables keyed by them keep one entry per case.
@Suite struct HashedByCaseTests {
    static func check<T: HashedByCase & CaseIterable>(_: T.Type) {
        let cases = Array(T.allCases)
        #expect(cases.count > 1)
        for (i, a) in cases.enumerated() {
            for (j, b) in cases.enumerated() { #expect((a == b) == (i == j), "\(a) == \(b)") }
            var byTag = Hasher()
            byTag.combine(UInt64(i))
            var byName = Hasher()
            byName.combine(a.rawValue)
            #expect(a.caseIndex == i, "\(a)")
            let hash = a.hashValue
            #expect(hash == byTag.finalize() && hash != byName.finalize(), "\(a)")
        }
        var counts: [T: Int] = [:]
        for _ in 0..<3 { for c in cases { counts[c, default: 0] += 1 } }
        #expect(counts.count == cases.count && counts.values.allSatisfy { $0 == 3 })
        #expect(Set(cases.map(\.rawValue)).count == cases.count)
    }

    @Test func everyTaggedEnum() {
        Self.check(FundingProgramme.self)
        Self.check(FundingReason.self)
        Self.check(FixedTechnology.self)
        Self.check(Technology.self)
        Self.check(BuildingUse.self)
        Self.check(Surface.self)
        Self.check(ServiceSource.self)
    }

    /// The summary lists the best services in this order (`allCases`).
    @Test func serviceSources() {
        #expect(ServiceSource.allCases == [.fixed, .mobile, .wlan, .none])
        #expect(ServiceSource.allCases.allSatisfy { $0 == ServiceSource(rawValue: $0.rawValue) })
    }

    /// `CaseCounts` counts what a dictionary counts: per case, in two parts added together, and lists the
    /// cases counted at least once in the order of `allCases`.
    @Test func caseCountsCountWhatADictionaryCounts() {
        var g = SplitMix64(state: 11)
        let cases = FundingReason.allCases
        for _ in 0..<50 {
            var parts = [CaseCounts<FundingReason>(), CaseCounts<FundingReason>()]
            var expected: [FundingReason: Int] = [:]
            // A few cases only, so that some stay at zero.
            let used = (0..<3).map { _ in cases[g.below(cases.count)] }
            for _ in 0..<g.below(200) {
                let c = used[g.below(used.count)]
                parts[g.below(2)].add(c)
                expected[c, default: 0] += 1
            }
            var total = parts[0]
            total += parts[1]
            for c in cases { #expect(total[c] == expected[c] ?? 0, "\(c)") }
            let counted = total.counted
            #expect(counted.map(\.0) == cases.filter { expected[$0] != nil })
            #expect(counted.allSatisfy { $0.1 == expected[$0.0] })
        }
    }
}
