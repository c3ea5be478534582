import Radio
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
    }

    @Test func serviceSources() {
        let all: [ServiceSource] = [.fixed, .mobile, .wlan, .none]
        #expect(Set(all).count == 4)
        #expect(all.allSatisfy { $0 == ServiceSource(rawValue: $0.rawValue) })
    }
}
