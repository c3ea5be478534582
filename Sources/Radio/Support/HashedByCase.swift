/// An enum named by strings (its raw values, as files and reports spell it) that is hashed and compared
/// by its case. `RawRepresentable` hashes and compares the raw strings, which every lookup in a table
/// keyed by the enum pays for, and tables keyed by a building's reason, technology or use are counted
/// per building. Only for enums without associated values (plain data of at most eight bytes: the case's
/// tag), which a precondition checks (a constant for each type, so it costs nothing per call).
public protocol HashedByCase: RawRepresentable, Hashable where RawValue: Hashable {}

extension HashedByCase {
    /// The case's tag, as the enum's bytes hold it.
    @inlinable @inline(__always) var caseTag: UInt64 {
        precondition(_isPOD(Self.self) && MemoryLayout<Self>.size <= 8, "\(Self.self) is not a plain enum")
        var tag: UInt64 = 0
        withUnsafeBytes(of: self) { bytes in withUnsafeMutableBytes(of: &tag) { $0.copyMemory(from: bytes) } }
        return tag
    }

    /// The case's position among the enum's cases in the order they are declared (`allCases`' order):
    /// its tag. For tables indexed by the case.
    @inlinable public var caseIndex: Int { Int(caseTag) }

    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(caseTag) }

    @inlinable public static func == (a: Self, b: Self) -> Bool { a.caseTag == b.caseTag }
}
