/// A mistake in a scenario file: where (file, line, column, key) and what.
public struct ScenarioError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The key path, e.g. `changes[2].add_fibre.select.ids`.
    public var key: String
    public var message: String
    /// True when a file could not be read at all (exit code 2), false for a wrong value (exit code 1).
    public var unreadable: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String, message: String, unreadable: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        self.unreadable = unreadable
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(key.isEmpty ? "" : "\(key): ")\(message)"
    }
}
