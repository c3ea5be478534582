import Radio
import TestSupport
import Testing

@testable import Planning

@Suite struct SmallMapTests {
    /// After any sequence of sets, removals and default-subscript updates, the map holds what a
    /// `Dictionary` given the same operations holds: the same count, keys and values, each key's value,
    /// and equality that does not depend on the order the keys were set in.
    @Test func holdsWhatADictionaryHolds() {
        var g = SplitMix64(state: 11)
        let keys = Technology.allCases
        for _ in 0..<500 {
            var map: SmallMap<Technology, Int> = [:]
            var reference: [Technology: Int] = [:]
            for _ in 0..<Int(g.below(20)) {
                let key = keys[Int(g.below(keys.count))]
                switch g.below(4) {
                case 0:
                    map[key] = nil
                    reference[key] = nil
                case 1:
                    map[key, default: 100] += 1
                    reference[key, default: 100] += 1
                default:
                    let value = Int(g.below(10))
                    map[key] = value
                    reference[key] = value
                }
                #expect(map.count == reference.count)
                #expect(map.isEmpty == reference.isEmpty)
                #expect(Set(map.keys) == Set(reference.keys) && map.keys.count == reference.keys.count)
                #expect(map.values.sorted() == reference.values.sorted())
                for k in keys { #expect(map[k] == reference[k]) }
                #expect(Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) }) == reference)
            }
            // The same pairs set in the reverse order make an equal map; a changed value does not.
            var reversed: SmallMap<Technology, Int> = [:]
            for (k, v) in map.reversed() { reversed[k] = v }
            #expect(reversed == map)
            if let k = map.keys.first {
                reversed[k]! += 1
                #expect(reversed != map)
            }
        }
    }

    /// Keys stay in the order they were first set; a literal's repeated key keeps its last value.
    @Test func keepsTheOrderKeysWereFirstSetIn() {
        var map: SmallMap<FundingProgramme, Int> = [.gigabit2023: 1, .grey2021: 2, .gigabit2023: 3]
        #expect(map.keys == [.gigabit2023, .grey2021] && map.values == [3, 2])
        map[.nga2015] = 4
        map[.gigabit2023] = nil
        map[.gigabit2023] = 5
        #expect(map.keys == [.grey2021, .nga2015, .gigabit2023] && map.values == [2, 4, 5])
    }
}
