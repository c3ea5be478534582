/// One row of an operator's return in the market survey (Markterkundungsverfahren): the address as the
/// operator wrote it, what it offers there today, and what it plans.
public struct SurveyReturn: Sendable, Equatable {
    /// The file and its 1-based line.
    public var file: String
    public var line: Int
    public var operatorName: String
    public var street: String
    /// The house number as written ("12", "12a", "12 A", "12-14").
    public var houseNumber: String
    public var suffix: String
    public var postcode: String
    public var town: String
    public var technology: FixedTechnology
    public var downMbps: Double
    public var upMbps: Double?
    /// The planned network, when the operator announces one.
    public var planned: Planned?

    public struct Planned: Sendable, Equatable {
        public var technology: FixedTechnology
        public var downMbps: Double
        public var upMbps: Double?
        public var date: CalendarDate?
    }

    /// The address as written, for reports.
    public var addressText: String {
        PostalAddress(street: street, houseNumber: houseNumber, suffix: suffix, postcode: postcode, town: town).text
    }
}
