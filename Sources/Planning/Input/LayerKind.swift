/// The GeoData layers of the contract.
public enum LayerKind: String, Sendable, CaseIterable, Codable {
    case buildings, schools
    case focusPoints = "focus_points"
    case sites, wlan, fixed, districts, population, streets
    /// Polygons that define project areas (Fördergebiete) for `funding.project_areas: {by: layer}`.
    case projectAreas = "project_areas"

    /// Words in a file or table name that tell its layer, checked in this order.
    static let nameHints: [(LayerKind, [String])] = [
        (.wlan, ["wlan", "wifi", "freifunk", "hotspot", "access_point", "access-point"]),
        (.focusPoints, ["focus", "schwerpunkt"]), (.schools, ["school", "schul"]),
        (.sites, ["site", "antenna", "antenne", "standort", "mast", "cell"]),
        (.fixed, ["fixed", "festnetz", "markterkundung"]),
        (.population, ["population", "census", "zensus", "grid", "raster"]),
        (.projectAreas, ["project_area", "project-area", "projektgebiet", "foerdergebiet", "fördergebiet"]),
        (.districts, ["district", "stadtteil", "bezirk", "postcode", "postleitzahl", "plz", "stadtzelle", "gemeinde"]),
        (.streets, ["street", "road", "strasse", "straße", "highway"]),
        (.buildings, ["building", "gebaeude", "gebäude", "address", "adress", "haus"]),
    ]

    /// The layer a file or table name suggests, e.g. `buildings.geojson`, `osm-streets-2019`.
    public init?(guessingFrom name: String) {
        let lower = name.lowercased()
        guard let hit = Self.nameHints.first(where: { $0.1.contains { lower.contains($0) } }) else { return nil }
        self = hit.0
    }

    /// Whether a feature of this layer may come without geometry.
    public var geometryOptional: Bool { self == .fixed }
}
