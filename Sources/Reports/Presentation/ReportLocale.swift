import Planning

/// The language and number format of a rendering: German (decimal comma, `;` in CSV) or English.
public enum ReportLocale: String, Sendable, CaseIterable {
    case de, en

    /// The decimal separator.
    public var decimalSeparator: String { self == .de ? "," : "." }
    /// The CSV field separator that goes with the decimal separator.
    public var csvSeparator: Character { self == .de ? ";" : "," }

    /// The CRSs of German survey data (ETRS89 / UTM 32N and 33N, also with zone-prefixed eastings, and
    /// DHDN / Gauss-Krüger zones 2–5): a scenario in one of them is German data.
    public static let germanCRSs: Set<String> = [
        "EPSG:25832", "EPSG:25833", "EPSG:4647", "EPSG:5650", "EPSG:31466", "EPSG:31467", "EPSG:31468", "EPSG:31469",
    ]

    /// The language of a scenario's reports and CSV files: the one asked for (`--locale`), else the
    /// scenario's `locale`, else German for German data (its working CRS), else English.
    public static func of(_ scenario: Scenario, asked: ReportLocale?) -> ReportLocale {
        if let asked { return asked }
        if let code = scenario.locale, let locale = ReportLocale(rawValue: code) { return locale }
        return germanCRSs.contains(scenario.workingCRS.identifier) ? .de : .en
    }
}
