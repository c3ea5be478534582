import GeoCore

/// How one input file is read: its table, defaults for missing fields and an id template.
public struct InputOptions: Sendable, Hashable {
    public var table: String?
    public var defaults: JSONObject
    public var idTemplate: String?

    public init(table: String? = nil, defaults: JSONObject = JSONObject(), idTemplate: String? = nil) {
        self.table = table
        self.defaults = defaults
        self.idTemplate = idTemplate
    }

    /// Applies the defaults and the id template to every feature of `layer`. A template field that a
    /// feature lacks is an error of that feature (its id stays as it was).
    public func apply(to layer: inout FeatureLayer) {
        guard !defaults.isEmpty || idTemplate != nil else { return }
        for i in layer.features.indices {
            for (key, value) in defaults
            where layer.features[i].properties.value(forKeyIgnoringCase: key).map({ $0.value.isNull }) ?? true {
                layer.features[i].properties[key] = value
            }
            guard let idTemplate else { continue }
            switch Self.render(idTemplate, layer.features[i].properties) {
            case .success(let id): layer.features[i].properties["id"] = .string(id)
            case .failure(let missing):
                layer.problems.append(
                    InputProblem(
                        .error, code: "id-template", file: layer.source, layer: layer.name,
                        featureIndex: layer.features[i].index, featureID: layer.features[i].id, field: missing.field,
                        reason: "the id template \"\(idTemplate)\" names \(missing.field), which this feature lacks"))
            }
        }
    }

    struct MissingField: Error { let field: String }

    /// `{Field}` replaced by the feature's value (case-insensitive field names; whole numbers without ".0").
    static func render(_ template: String, _ properties: JSONObject) -> Result<String, MissingField> {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let field = String(rest[rest.index(after: open)..<close])
            guard let value = properties.value(forKeyIgnoringCase: field)?.value, !value.isNull else {
                return .failure(MissingField(field: field))
            }
            if case .number(let n) = value, n == n.rounded(), abs(n) < 1e15 {
                out += String(Int64(n))
            } else {
                out += value.text
            }
            rest = rest[rest.index(after: close)...]
        }
        return .success(out + rest)
    }
}
