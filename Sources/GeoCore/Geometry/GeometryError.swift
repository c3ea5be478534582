/// An error from a geometry operation, carrying the geometry library's own message.
public struct GeometryError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
