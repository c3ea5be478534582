import GeoCore
import Planning

/// The lines `gigaplan run` prints when it is done.
public enum RunHeadline {
    public static func text(_ s: RunSummary, directory: String, files: Int) -> String {
        func n(_ v: Double) -> String { JSONWriter.format(v) }
        var lines = ["\(s.scenario): \(s.buildings.total) buildings → \(directory)"]
        for (name, p) in s.programmes.members {
            lines.append(
                "  \(name.padding(toLength: 13, withPad: " ", startingAt: 0)) eligible: \(p.eligibleBuildings) "
                    + "buildings, " + "\(n(p.eligibleHouseholds)) households, \(p.eligibleSchools) schools")
        }
        for c in s.coverage { lines.append("  \(c.label): \(n(c.areaKm2)) km², \(n(c.residents)) residents") }
        lines.append("  underserved areas: \(s.underservedAreas.count); files: \(files)")
        return lines.joined(separator: "\n")
    }
}
