import GeoCore

/// A planning scenario: inputs, settings and changes over the inputs, from a YAML file (and the files it
/// extends with `base:`). The format is documented in docs/scenarios.md.
public struct Scenario: Sendable {
    public enum InvalidPolicy: String, Sendable, CaseIterable {
        /// Any input error stops the run (exit code 1).
        case fail
        /// Features with errors are left out; the report counts them.
        case skip
    }

    public var name: String
    public var description: String?
    /// The scenario file, and the files it extends, base first.
    public var files: [String]
    public var workingCRS: CRS = .etrs89UTM32
    public var csvCRS: CRS?
    public var onInvalid: InvalidPolicy = .fail
    /// Input files per layer, absolute or relative to the working directory.
    public var inputs: [LayerKind: [String]] = [:]
    public var settings = AnalysisSettings()
    public var changes: [ScenarioChange] = []

    public var file: String { files.last ?? "" }
}
