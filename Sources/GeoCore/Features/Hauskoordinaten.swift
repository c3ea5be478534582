/// The official house coordinates of Germany (Hauskoordinaten Deutschland, HK-DE) as the central office
/// (ZSHH) delivers them: UTF-8 text, `;`-separated, no header line, 18 fields per address: NBA, OI
/// (16-character id, "DE" + Land), QUA, LAN, RBZ, KRS, GMD, OTT, SSS, HNR, ADZ, the ETRS89/UTM easting
/// with its zone in front ("32405734,930"), the northing, STN, PLZ, ONM, ZON, POT.
///
/// `CSVFeatureReader` recognises such a file, names its columns (the coordinates `x` and `y`) and takes
/// the CRS from the zone (32 → EPSG:25832, 33 → EPSG:25833).
enum Hauskoordinaten {
    static let header = [
        "NBA", "OI", "QUA", "LAN", "RBZ", "KRS", "GMD", "OTT", "SSS", "HNR", "ADZ", "x", "y", "STN", "PLZ", "ONM",
        "ZON", "POT",
    ]

    /// Whether a first line is an HK-DE record rather than a header: 18 `;`-separated fields, the second a
    /// 16-character id that starts with "DE", the easting a number.
    static func isRecord(_ line: String) -> Bool {
        let fields = line.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 18 else { return false }
        let id = fields[1].trimmingCharacters(in: [" ", "\""])
        return id.count == 16 && id.hasPrefix("DE") && DecimalText.parse(String(fields[11])) != nil
    }

    /// The UTM zone and the easting without it, for an easting with its zone in front (eight digits before
    /// the decimal separator); nil for a plain easting.
    static func splitZone(_ easting: Double) -> (zone: Int, easting: Double)? {
        guard easting >= 10_000_000, easting < 100_000_000 else { return nil }
        let zone = Int(easting / 1_000_000)
        return (zone, easting - Double(zone) * 1_000_000)
    }
}
