import GeoCore
import Planning

/// The settings of a scenario as JSON, for the history store.
public enum ScenarioSettings {
    public static func json(_ s: Scenario) -> JSONValue {
        let a = s.settings
        return .object(
            JSONObject([
                ("crs", .string(s.workingCRS.identifier)), ("on_invalid", .string(s.onInvalid.rawValue)),
                ("los", .string(a.losMethod.rawValue)), ("ue_height_m", .number(a.userHeightM)),
                ("interference_load", .number(a.interferenceLoad)), ("noise_figure_db", .number(a.noiseFigureDB)),
                ("entry_loss", .string(a.entryLossClass.rawValue)), ("grid_resolution_m", .number(a.gridResolutionM)),
                ("cluster_distance_m", .number(a.clusterDistanceM)),
                ("area_programme", .string(a.funding.areaProgramme.rawValue)),
                ("coverage_classes", .array(a.coverageClasses.map { .string($0.name) })),
                ("changes", .number(Double(s.changes.count))),
            ]))
    }
}
