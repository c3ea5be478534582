/// The files `gigaplan run` can write.
public enum OutputFormat: String, Sendable, CaseIterable {
    case gpkg, geojson, csv, html
}
