/// A coordinate reference system named by an authority code, e.g. `EPSG:25832`.
///
/// Accepts `EPSG:25832`, `epsg:25832`, `25832`, `urn:ogc:def:crs:EPSG::25832`, `EPSG::25832`,
/// `http://www.opengis.net/def/crs/EPSG/0/25832` and `urn:ogc:def:crs:OGC:1.3:CRS84` (= EPSG:4326 in lon/lat order).
public struct CRS: Sendable, Hashable, CustomStringConvertible, Codable {
    /// Authority and code, e.g. `EPSG:25832`.
    public let identifier: String

    public static let wgs84 = CRS(uncheckedIdentifier: "EPSG:4326")
    /// ETRS89 / UTM zone 32N, the working CRS by default.
    public static let etrs89UTM32 = CRS(uncheckedIdentifier: "EPSG:25832")
    /// DHDN / 3-degree Gauss-Krüger zone 3.
    public static let gaussKruger3 = CRS(uncheckedIdentifier: "EPSG:31467")

    private init(uncheckedIdentifier: String) { identifier = uncheckedIdentifier }

    /// Parses one of the accepted spellings; nil when it is none of them.
    public init?(_ text: String) {
        let t = text.trimmingWhitespace
        let lower = t.lowercased()
        if lower.hasSuffix("crs84") || lower.hasSuffix("crs:84") {
            self.init(uncheckedIdentifier: "EPSG:4326")
            return
        }
        var authority = "EPSG"
        var code: Substring
        if let r = lower.range(of: "/def/crs/") {
            let parts = t[r.upperBound...].split(separator: "/")
            guard parts.count >= 3 else { return nil }
            authority = parts[0].uppercased()
            code = parts[2]
        } else if lower.hasPrefix("urn:ogc:def:crs:") {
            let parts = t.dropFirst("urn:ogc:def:crs:".count).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return nil }
            authority = parts[0].uppercased()
            code = parts[parts.count - 1]
        } else if let colon = t.firstIndex(of: ":") {
            authority = t[..<colon].uppercased()
            code = t[t.index(after: colon)...].drop(while: { $0 == ":" })
        } else {
            code = Substring(t)
        }
        guard !code.isEmpty, code.allSatisfy({ $0.isNumber }), !authority.isEmpty,
            authority.allSatisfy({ $0.isLetter || $0.isNumber })
        else { return nil }
        self.init(uncheckedIdentifier: "\(authority):\(code)")
    }

    public init(epsg: Int) { self.init(uncheckedIdentifier: "EPSG:\(epsg)") }

    /// The EPSG code, when the authority is EPSG.
    public var epsgCode: Int? { identifier.hasPrefix("EPSG:") ? Int(identifier.dropFirst(5)) : nil }

    public var description: String { identifier }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let crs = CRS(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a CRS code"))
        }
        self = crs
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(identifier)
    }
}
