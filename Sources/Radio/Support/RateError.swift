/// A rate that cannot be computed for the configuration asked (a channel the standard does not
/// have, an MCS out of range, an unknown numerology): what is wrong, in the standard's terms.
public struct RateError: Error, Sendable, CustomStringConvertible, Equatable {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
