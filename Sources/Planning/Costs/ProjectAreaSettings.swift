/// How eligible buildings are grouped into project areas (Fördergebiete), `funding.project_areas`.
public struct ProjectAreaSettings: Sendable, Equatable {
    public enum Grouping: String, Sendable, CaseIterable {
        /// One project area per district of the districts layer (buildings outside every district form one more).
        case district
        /// One per polygon of the `project_areas` input; areas outside every polygon form one more.
        case layer
        /// Underserved areas merged nearest first while the merged cost per home stays within the maximum.
        case cluster
    }

    public var grouping: Grouping = .district
    /// With `cluster`: the highest cost per home a merged project area may have, €.
    public var maximumCostPerHome = 8000.0
    /// With `cluster`: underserved areas farther apart than this are not merged, m.
    public var mergeDistanceM = 1000.0

    public init() {}
}
