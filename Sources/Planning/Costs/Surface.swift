import Radio

/// How a trench is built, by the surface it crosses: the cost classes of the cost catalogue.
public enum Surface: String, Sendable, CaseIterable, Codable, HashedByCase {
    case asphaltRoad = "asphalt_road"
    case pavedFootway = "paved_footway"
    case unpaved
    case microTrenching = "micro_trenching"
    case directionalDrilling = "directional_drilling"
    case aerial

    public var labelDE: String {
        switch self {
        case .asphaltRoad: "Asphaltstraße"
        case .pavedFootway: "Gehweg (gepflastert)"
        case .unpaved: "unbefestigt"
        case .microTrenching: "Micro-Trenching"
        case .directionalDrilling: "Spülbohrung"
        case .aerial: "oberirdisch"
        }
    }

    /// The class of a street from its OpenStreetMap tags: `surface` first (asphalt, concrete → road;
    /// paving stones, sett, cobblestone → footway; gravel, ground, grass … → unpaved), then `highway`
    /// (footway, path, cycleway, pedestrian, steps → footway; track → unpaved); nil when neither says.
    public static func of(surfaceTag: String?, highway: String?) -> Surface? {
        if let tag = surfaceTag?.lowercased() {
            if let direct = Surface(rawValue: tag) { return direct }
            switch tag {
            case "asphalt", "concrete", "paved", "chipseal", "concrete:lanes": return .asphaltRoad
            case "paving_stones", "sett", "cobblestone", "unhewn_cobblestone", "concrete:plates", "bricks",
                "grass_paver", "stone":
                return .pavedFootway
            case "unpaved", "gravel", "fine_gravel", "compacted", "dirt", "earth", "ground", "grass", "mud", "sand",
                "pebblestone", "woodchips":
                return .unpaved
            default: break
            }
        }
        switch highway?.lowercased() {
        case "footway", "path", "cycleway", "pedestrian", "steps", "bridleway": return .pavedFootway
        case "track": return .unpaved
        default: return nil
        }
    }
}
