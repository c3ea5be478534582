/// A mistake in a scenario file: where (file, line, column, key) and what.
public struct ScenarioError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The key path, e.g. `changes[2].add_fibre.select.ids`.
    public var key: String
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(key.isEmpty ? "" : "\(key): ")\(message)"
    }
}

/// A scenario file (or a file it extends) that cannot be read at all: missing, not UTF-8, empty or
/// not YAML. Where it is and what is wrong, as for `ScenarioError`.
public struct UnreadableScenario: Error, Sendable, CustomStringConvertible, Equatable {
    public var problem: ScenarioError

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String = "", message: String) {
        problem = ScenarioError(file: file, line: line, column: column, key: key, message: message)
    }

    public var description: String { problem.description }
}
