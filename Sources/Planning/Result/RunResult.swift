import GeoCore
import Radio

/// Everything a run found, self-contained: the writers, the run history and the command line read
/// only this (never the inputs or the settings on their own).
public struct RunResult: Sendable {
    /// The scenario as analysed (its settings as used: `los` may have fallen back to `probability`).
    public var scenario: Scenario
    /// Per building, in input order (then the point buildings of schools that matched none).
    public var buildings: [BuildingResult]
    public var schools: [SchoolReport]
    public var focusPoints: [FocusPoint]
    public var sites: [Site]
    /// The sites prepared for the link budget: services, site environments, validity-range violations.
    public var network: MobileNetwork
    public var islands: [WLANIsland]
    public var streets: [Street]
    public var streetCoverage: [StreetCoverage]
    /// Clusters of buildings eligible under `funding.area_programme`.
    public var areas: [UnderservedArea]
    /// Per district of the districts layer, in its order, with its outline.
    public var districts: [AreaSummary]
    public var city: AreaSummary
    /// Outdoor coverage per coverage class, as dissolved grid cells.
    public var coveragePolygons: [(CoverageClass, Geometry)]
    public var grid: CoverageGrid?
    /// Input problems first, then those the analysis found.
    public var problems: [InputProblem]
    /// Features left out per layer because of input errors.
    public var dropped: [LayerKind: Int]
    /// The input layers marked as generated (demo data, not real).
    public var generatedLayers: [String]
    /// Every input file with its attribution.
    public var sources: [InputSource]
    /// Seconds per analysis stage.
    public var timings: StageClock
    /// Building × transmitter links the mobile stage evaluated.
    public var linkCount = 0
    /// What connecting the eligible buildings (and the scenario's fibre) costs, and the sites and access
    /// points the scenario adds.
    public var costs: CostPlan? = nil
    /// The date the data stands for ("Stand"), `Scenario.standDate()`.
    public var standDate = CalendarDate(year: 1970, month: 1, day: 1)!
    /// The eligible buildings grouped into project areas (Fördergebiete), with costs, gap and split.
    public var projectAreas: [ProjectArea] = []
    /// The headline numbers (summary.json, the run history, `--json`); made from the rest of the
    /// result by `Analysis.run`, the only place that makes a `RunResult`.
    public internal(set) var summary: RunSummary!

    public var settings: AnalysisSettings { scenario.settings }
    /// The cost of connecting a building, when it is one the cost plan connects.
    public func cost(ofBuilding i: Int) -> BuildingCost? { costs?.cost(ofBuilding: i) }
    /// How line of sight was decided: the scenario's method, or `probability` when it asked for
    /// footprints and the buildings have none.
    public var losMethod: AnalysisSettings.LOSMethod { scenario.settings.losMethod }
    /// The technologies of the network's services, sorted.
    public var technologies: [Technology] { Set(network.services.map(\.technology)).sorted() }
    /// How many input features had errors (left out).
    public var inputErrorCount: Int { problems.filter { $0.severity == .error }.count }
    public var warningCount: Int { problems.filter { $0.severity == .warning }.count }
    /// Whether the scenario had no fixed-line records (the analysis's warning `Analysis.noFixedLineData`):
    /// every building was then judged without fixed-line service, and the reports say so first.
    public var lacksFixedLineData: Bool { problems.contains { $0.code == Analysis.noFixedLineData } }
}
