/// The language and number format of a rendering: German (decimal comma, `;` in CSV) or English.
public enum ReportLocale: String, Sendable, CaseIterable {
    case de, en

    /// The decimal separator.
    public var decimalSeparator: String { self == .de ? "," : "." }
    /// The CSV field separator that goes with the decimal separator.
    public var csvSeparator: Character { self == .de ? ";" : "," }
}
