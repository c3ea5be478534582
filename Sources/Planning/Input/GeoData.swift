import GeoCore

/// Every input layer of a planning run, in the working CRS, with the problems found while loading.
public struct GeoData: Sendable {
    public var crs: CRS
    public var buildings: [Building] = []
    public var schools: [School] = []
    public var focusPoints: [FocusPoint] = []
    public var sites: [Site] = []
    public var wlan: [WLANAccessPoint] = []
    public var fixed: [FixedLineRecord] = []
    public var districts: [District] = []
    public var population: [PopulationCell] = []
    public var streets: [Street] = []
    public var problems: [InputProblem] = []
    /// Features left out per layer because of errors.
    public var dropped: [LayerKind: Int] = [:]
    /// Top-level notes of the files per layer (e.g. that a layer is generated), for the reports.
    public var notes: [LayerKind: JSONObject] = [:]
    /// The same notes per file path.
    public var fileNotes: [String: JSONObject] = [:]

    public init(crs: CRS) {
        self.crs = crs
    }

    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
}
