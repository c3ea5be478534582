/// Recognises coordinates that cannot be right for the CRS they claim to be in.
public enum CoordinateScreening {
    /// A projected CRS that coordinates appear to be in, judged from their magnitude in Germany.
    public static func guessProjectedCRS(_ c: Coordinate) -> (name: String, crs: CRS)? {
        guard c.isFinite, (5_200_000..<6_200_000).contains(c.y) else { return nil }
        switch c.x {
        case 2_400_000..<5_600_000:
            let zone = Int(c.x / 1_000_000)
            return ("Gauss-Krüger zone \(zone)", CRS(epsg: 31464 + zone))
        case 100_000..<900_000: return ("ETRS89 / UTM zone 32N", .etrs89UTM32)
        case 32_100_000..<32_900_000: return ("ETRS89 / UTM zone 32N with zone prefix", CRS(epsg: 4647))
        default: return nil
        }
    }

    /// Why a lon/lat coordinate cannot be degrees, or nil when it can.
    static func notLonLat(_ c: Coordinate) -> (code: String, reason: String)? {
        guard abs(c.x) > 180 || abs(c.y) > 90 else { return nil }
        let where_ = "x=\(JSONWriter.format(c.x)), y=\(JSONWriter.format(c.y))"
        if let guess = guessProjectedCRS(c) {
            return (
                "projected-coordinates-as-lonlat",
                "\(where_) are not longitude/latitude degrees; they look like \(guess.name) (\(guess.crs)). GeoJSON "
                    + "without a \"crs\" member is WGS84 lon/lat (RFC 7946): reproject the file or add the crs member"
            )
        }
        return ("coordinate-out-of-range", "\(where_) is outside longitude −180…180 / latitude −90…90")
    }

    /// Why a lon/lat box lies outside an area of use, or nil when it lies inside (with `margin` degrees).
    static func outsideArea(
        _ box: BoundingBox, area: BoundingBox, areaName: String, margin: Double = 0.5
    ) -> (code: String, reason: String)? {
        let allowed = area.expanded(by: margin)
        if allowed.contains(Coordinate(box.minX, box.minY)) && allowed.contains(Coordinate(box.maxX, box.maxY)) {
            return nil
        }
        let swapped = BoundingBox(minX: box.minY, minY: box.minX, maxX: box.maxY, maxY: box.maxX)
        let at =
            "lon \(JSONWriter.format(box.center.x, decimals: 5)), lat \(JSONWriter.format(box.center.y, decimals: 5))"
        let areaText =
            "\(JSONWriter.format(area.minX, decimals: 2))…\(JSONWriter.format(area.maxX, decimals: 2))°E, "
            + "\(JSONWriter.format(area.minY, decimals: 2))…\(JSONWriter.format(area.maxY, decimals: 2))°N"
        if allowed.contains(Coordinate(swapped.minX, swapped.minY))
            && allowed.contains(Coordinate(swapped.maxX, swapped.maxY))
        {
            return (
                "lat-lon-swapped",
                "\(at) is outside the area of use of \(areaName) (\(areaText)), but swapped it would lie inside: "
                    + "latitude and longitude appear swapped"
            )
        }
        return ("outside-area-of-use", "\(at) is outside the area of use of \(areaName) (\(areaText))")
    }
}
