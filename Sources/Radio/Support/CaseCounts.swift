/// How many times each case of an enum was counted, kept at the case's index (`HashedByCase.caseIndex`):
/// counting hashes nothing, which matters where every building is counted (summaries, report tables).
public struct CaseCounts<Case: HashedByCase & CaseIterable>: Sendable {
    @usableFromInline var counts: [Int]

    /// Every case at 0.
    public init() { counts = Array(repeating: 0, count: Case.allCases.count) }

    /// Counts `c` once more.
    @inlinable public mutating func add(_ c: Case) { counts[c.caseIndex] += 1 }

    /// How many times `c` was counted.
    @inlinable public subscript(_ c: Case) -> Int { counts[c.caseIndex] }

    /// Adds `b`'s counts to `a`, case by case.
    public static func += (a: inout Self, b: Self) { for k in a.counts.indices { a.counts[k] += b.counts[k] } }

    /// The cases counted at least once, with their counts, in the order of `allCases`.
    public var counted: [(Case, Int)] { Case.allCases.compactMap { self[$0] > 0 ? ($0, self[$0]) : nil } }
}
