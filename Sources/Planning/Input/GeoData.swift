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
    /// The polygons of the `project_areas` input (named like districts).
    public var projectAreaPolygons: [District] = []
    public var problems: [InputProblem] = []
    /// Features left out per layer because of errors.
    public var dropped: [LayerKind: Int] = [:]
    /// Top-level notes of the files per layer (e.g. that a layer is generated), for the reports.
    public var notes: [LayerKind: JSONObject] = [:]
    /// The same notes per file path.
    public var fileNotes: [String: JSONObject] = [:]
    /// What the scenario's changes build (sites, access points, fibre), for the cost plan.
    public var works = ScenarioWorks()

    public init(crs: CRS) { self.crs = crs }

    public var errorCount: Int { problems.filter { $0.severity == .error }.count }

    /// The layers marked as generated: a top-level `generated` member of a file, or features that
    /// carry `generated`.
    public var generatedLayers: [String] {
        LayerKind.allCases.filter { kind in
            if notes[kind]?["generated"] != nil { return true }
            switch kind {
            case .buildings: return buildings.contains { $0.attributes["generated"] != nil }
            case .sites: return sites.contains { $0.attributes["generated"] != nil }
            case .wlan: return wlan.contains { $0.attributes["generated"] != nil }
            case .fixed: return fixed.contains(where: \.markedGenerated)
            case .focusPoints: return focusPoints.contains { $0.attributes["generated"] != nil }
            case .districts: return districts.contains { $0.attributes["generated"] != nil }
            default: return false
            }
        }.map(\.rawValue)
    }
}
