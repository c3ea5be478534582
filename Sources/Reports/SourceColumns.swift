import GeoCore

/// The `src_*` columns of a layer: every input property of its features (but `sectors`), in the order
/// first seen, passed through as text. The features of one file mostly share their property keys in one
/// order; these shapes are found once, so that a row reads its values by position rather than looking
/// each key up by name. Features of another shape (beyond the first `maximumShapes`) are looked up.
struct SourceColumns: Sendable {
    /// The input property keys, in the order first seen.
    let keys: [String]
    /// The column of each key: `src_` and the key as a field name.
    let fields: [GeoPackageField]
    /// Key orders seen, each with the position of every column's key in it (nil where absent), and the
    /// column of each of its keys (−1: none) where these columns ascend.
    private let shapes: [(keys: [String], positions: [Int?], ascendingColumns: [Int]?)]
    static let maximumShapes = 8

    init(_ objects: some Sequence<SourceProperties>) {
        var keys: [String] = []
        var shapeKeys: [[String]] = []
        for o in objects {
            let objectKeys = o.keys
            if shapeKeys.contains(where: { $0 == objectKeys }) { continue }
            if shapeKeys.count < Self.maximumShapes { shapeKeys.append(objectKeys) }
            for k in objectKeys where k != "sectors" && !keys.contains(k) { keys.append(k) }
        }
        self.keys = keys
        fields = keys.map { GeoPackageField("src_" + ResultLayers.fieldName($0), .text) }
        shapes = shapeKeys.map { shape in
            let columns = shape.map { keys.firstIndex(of: $0) ?? -1 }
            let kept = columns.filter { $0 >= 0 }
            return (
                shape, keys.map { shape.firstIndex(of: $0) },
                zip(kept, kept.dropFirst()).allSatisfy { $0 < $1 } ? columns : nil
            )
        }
    }

    /// Appends the columns' values for `attributes`: each property as text, null where it is absent or null.
    func appendValues(of attributes: SourceProperties, into o: inout RowBuilder) {
        let objectKeys = attributes.keys
        if let shape = shapes.first(where: { $0.keys == objectKeys }) {
            // The usual case: each value goes as text straight from the input's bytes into its column, and the
            // columns between get null (no array of texts to fill and let go).
            if let columns = shape.ascendingColumns {
                var next = 0
                attributes.fieldValues.forEach { position, value in
                    let column = columns[position]
                    guard column >= 0 else { return }
                    while next < column {
                        o.append(.null, as: fields[next].name)
                        next += 1
                    }
                    o.appendAsText(value, as: fields[column].name)
                    next += 1
                }
                while next < fields.count {
                    o.append(.null, as: fields[next].name)
                    next += 1
                }
                return
            }
            let texts = attributes.texts
            for (k, position) in shape.positions.enumerated() {
                o.append(position.map { texts[$0] } ?? .null, as: fields[k].name)
            }
        } else {
            for (k, key) in keys.enumerated() { o.append(Self.text(attributes[key]), as: fields[k].name) }
        }
    }

    private static func text(_ value: JSONValue?) -> JSONValue {
        value.map { $0.isNull ? .null : .string($0.text) } ?? .null
    }
}
