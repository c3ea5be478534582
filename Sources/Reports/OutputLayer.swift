import GeoCore

/// One feature of an output layer: its geometry and its values in the layer's field order.
public struct OutputRow: Sendable {
    public var geometry: Geometry?
    public var values: FieldValues

    public init(geometry: Geometry?, values: FieldValues) {
        self.geometry = geometry
        self.values = values
    }
}

/// Builds an `OutputRow`'s values in field order with the `o["name"] = value` notation; in debug
/// builds each name is checked against the field at its position.
struct RowBuilder: ~Copyable {
    private var values: FieldValues.Builder
    let names: [String]

    init(_ names: [String]) {
        self.names = names
        // Room for a number or a short text per field: most rows fit without growing.
        values = FieldValues.Builder(capacity: 16 * names.count)
    }

    /// The values built.
    consuming func finish() -> FieldValues { values.finish() }

    subscript(name: String) -> JSONValue {
        @available(*, unavailable) get { fatalError("values are only set") }
        @inline(__always) set { append(newValue, as: name) }
    }

    /// Sets the next field to a text, null where nil: as `.string`, without making a `JSONValue` (whose
    /// text is retained and released again for each row).
    subscript(name: String) -> String? {
        @available(*, unavailable) get { fatalError("values are only set") }
        @inline(__always) set {
            expectNext(name)
            if let newValue { values.appendText(newValue) } else { values.appendNull() }
        }
    }

    /// Sets the next field to a number, null where nil.
    subscript(name: String) -> Double? {
        @available(*, unavailable) get { fatalError("values are only set") }
        @inline(__always) set {
            expectNext(name)
            if let newValue { values.append(newValue) } else { values.appendNull() }
        }
    }

    /// Sets the next field to a boolean, null where nil.
    subscript(name: String) -> Bool? {
        @available(*, unavailable) get { fatalError("values are only set") }
        @inline(__always) set {
            expectNext(name)
            if let newValue { values.append(newValue) } else { values.appendNull() }
        }
    }

    /// Sets the next field's value, which must be the field `name` (checked in debug builds); `name` is made
    /// only where it is checked, so that a name read from a field is not copied for every row.
    @inline(__always) mutating func append(_ value: JSONValue, as name: @autoclosure () -> String) {
        expectNext(name())
        values.append(value)
    }

    /// Checks in debug builds that the next field is `name` (made only there).
    @inline(__always) private func expectNext(_ name: @autoclosure () -> String) {
        assert(values.count < names.count && names[values.count] == name(), "\(name()) out of field order")
    }

    /// Sets the next field, `name`, to `value` as text (`FieldValues.Builder.appendAsText`).
    @inline(__always) mutating func appendAsText(_ value: FieldValues.Value, as name: @autoclosure () -> String) {
        expectNext(name())
        values.appendAsText(value)
    }
}

/// A layer of the run's results, in the working CRS, ready for any writer. Rows are made on
/// demand, so that a writer can stream a million buildings without holding them all.
public struct OutputLayer: Sendable {
    public var name: String
    /// GeoPackage geometry type: POINT, LINESTRING, POLYGON, MULTIPOLYGON or GEOMETRY.
    public var geometryType: String
    public var fields: [GeoPackageField]
    public var description: String
    public let count: Int
    private let make: @Sendable (Int) -> OutputRow

    public init(name: String, geometryType: String, fields: [GeoPackageField], features: [Feature], description: String)
    {
        let names = fields.map(\.name)
        self.init(
            name: name, geometryType: geometryType, fields: fields, count: features.count, description: description
        ) { i in
            let properties = features[i].properties
            // Properties made in field order are read by position, others by name.
            let values = properties.keys == names ? properties.values : names.map { properties[$0] ?? .null }
            return OutputRow(geometry: features[i].geometry, values: FieldValues(values))
        }
    }

    /// A layer whose rows are made by `row`, values in the order of `fields`.
    public init(
        name: String, geometryType: String, fields: [GeoPackageField], count: Int, description: String,
        row: @escaping @Sendable (Int) -> OutputRow
    ) {
        self.name = name
        self.geometryType = geometryType
        self.fields = fields
        self.description = description
        self.count = count
        make = row
    }

    /// Row i: geometry and values in field order.
    public func row(_ i: Int) -> OutputRow { make(i) }

    /// The type a layer of these geometries declares: MULTIPOLYGON when all are polygonal (they are
    /// written by `multi`), POINT when all are points, else GEOMETRY (QGIS then asks which to show).
    static func declaredType(_ geometries: some Collection<Geometry>) -> String {
        if geometries.allSatisfy(\.isPolygonal) { return "MULTIPOLYGON" }
        if geometries.allSatisfy({ if case .point = $0 { true } else { false } }) { return "POINT" }
        return "GEOMETRY"
    }

    /// Polygonal geometries as MULTIPOLYGON, so that the layer has one geometry type.
    static func multi(_ g: Geometry) -> Geometry { g.isPolygonal ? .multiPolygon(g.polygons) : g }
}
