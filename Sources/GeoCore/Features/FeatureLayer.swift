/// The features of one layer of one file, in the CRS named by `crs`.
public struct FeatureLayer: Sendable {
    /// Layer name: the GeoPackage table, or the file name without extension.
    public var name: String
    /// Path of the file it came from.
    public var source: String
    public var crs: CRS
    public var features: [Feature]
    /// Problems found while reading (a bad geometry, an unparsable number…).
    public var problems: [InputProblem]
    /// Top-level members of the file other than the features (e.g. a `generated` note), kept for reports.
    public var metadata: JSONObject

    public init(
        name: String, source: String, crs: CRS, features: [Feature], problems: [InputProblem] = [],
        metadata: JSONObject = JSONObject()
    ) {
        self.name = name
        self.source = source
        self.crs = crs
        self.features = features
        self.problems = problems
        self.metadata = metadata
    }

    /// Gives the layer another name, in its problems too.
    public mutating func rename(_ newName: String) {
        name = newName
        for i in problems.indices where problems[i].layer != nil { problems[i].layer = newName }
    }
}
