/// One feature of a layer as read from a file: its position in the file, its geometry (nil when the
/// file gives none) and its properties in file order.
public struct Feature: Sendable, Hashable {
    /// 0-based position of the feature (GeoJSON) or data row (CSV) or row (GeoPackage) in the source.
    public var index: Int
    public var geometry: Geometry?
    public var properties: JSONObject

    public init(index: Int, geometry: Geometry?, properties: JSONObject = JSONObject()) {
        self.index = index
        self.geometry = geometry
        self.properties = properties
    }

    /// The `id` property (or GeoJSON feature id) as text, if any.
    public var id: String? {
        guard let v = properties.value(forKeyIgnoringCase: "id")?.value, !v.isNull else { return nil }
        let t = v.text
        return t.isEmpty ? nil : t
    }
}
