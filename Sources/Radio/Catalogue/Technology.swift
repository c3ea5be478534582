/// The radio access technologies the planner knows.
public enum Technology: String, Sendable, CaseIterable, Codable, Comparable, HashedByCase {
    case umts, hsdpa, lte, nr, wlan

    /// The order in which technologies are listed (oldest first).
    public static func < (a: Technology, b: Technology) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var displayName: String {
        switch self {
        case .umts: "UMTS"
        case .hsdpa: "HSDPA"
        case .lte: "LTE"
        case .nr: "5G NR"
        case .wlan: "WLAN"
        }
    }
}
