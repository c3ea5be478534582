/// A problem with input data: what, where (file, layer, feature index, id, field) and why.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The feature cannot be used as it is.
        case error
        /// The feature was used, after a repair or with a default; the user should know.
        case warning
    }

    public var severity: Severity
    /// Machine-readable kind, e.g. `null-geometry`, `unclosed-ring`, `duplicate-id`.
    public var code: String
    public var file: String
    public var layer: String?
    public var featureIndex: Int?
    public var featureID: String?
    public var field: String?
    public var reason: String

    public init(
        _ severity: Severity, code: String, file: String, layer: String? = nil, featureIndex: Int? = nil,
        featureID: String? = nil, field: String? = nil, reason: String
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.layer = layer
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.field = field
        self.reason = reason
    }

    /// `file: layer: feature 3 (id "b7"), field height_m: error: reason [code]`
    public var description: String {
        var place = file
        if let layer { place += ": layer \(layer)" }
        if let featureIndex { place += ": feature \(featureIndex)" }
        if let featureID { place += " (id \"\(featureID)\")" }
        if let field { place += ", field \(field)" }
        return "\(place): \(severity.rawValue): \(reason) [\(code)]"
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["severity"] = .string(severity.rawValue)
        o["code"] = .string(code)
        o["file"] = .string(file)
        o["layer"] = layer.map { .string($0) } ?? .null
        o["feature_index"] = featureIndex.map { .number(Double($0)) } ?? .null
        o["id"] = featureID.map { .string($0) } ?? .null
        o["field"] = field.map { .string($0) } ?? .null
        o["reason"] = .string(reason)
        return .object(o)
    }
}

/// A file that cannot be read at all: the run stops with its path and the reason.
public struct UnreadableFile: Error, Sendable, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot read: \(reason)" }
}
