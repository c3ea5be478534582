import Foundation
import GeoCore

/// The command line of a benchmark tool (`bench-loader`, `bench-writers`): its `--name value` options are
/// taken out one by one, the rest are its positional arguments. Making it sets the allocator as a run
/// sets it (`gigaplan` does so at its start), so that the tool measures what a run does.
public struct BenchArguments {
    /// What is left once the options asked for are taken out.
    public private(set) var positional: [String]
    private let usage: String

    /// - Parameter usage: the line printed (with `usage: `) when the positional argument is missing.
    public init(usage: String) {
        Allocator.useRunThresholds()
        positional = Array(CommandLine.arguments.dropFirst())
        self.usage = usage
    }

    /// The value after `name`, taken out of the arguments; nil where `name` is not given.
    public mutating func option(_ name: String) -> String? {
        guard let k = positional.firstIndex(of: name), k + 1 < positional.count else { return nil }
        defer { positional.removeSubrange(k...(k + 1)) }
        return positional[k + 1]
    }

    /// The first positional argument; without one, the usage on standard error and exit status 2.
    public func first() -> String {
        guard let value = positional.first else { fail() }
        return value
    }

    /// Ends the tool with its usage on standard error and exit status 2 (a wrong or missing argument).
    public func fail() -> Never {
        FileHandle.standardError.write(Data("usage: \(usage)\n".utf8))
        exit(2)
    }
}

/// Runs a benchmark tool's work; an error it throws (a file that does not exist or does not read) is
/// printed on standard error after the tool's name, with exit status 1, instead of a crash at the top level.
public func runReportingErrors(tool: String, _ work: () throws -> Void) {
    do { try work() } catch {
        // Foundation's file errors say the path and the reason more plainly than their description.
        let text = (error as? CocoaError).flatMap { e in e.filePath.map { "\($0): \(e.localizedDescription)" } }
        FileHandle.standardError.write(Data("\(tool): \(text ?? "\(error)")\n".utf8))
        exit(1)
    }
}
