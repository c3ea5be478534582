import ArgumentParser
import Foundation
import GeoCore
import Reports

/// The `gigaplan` command. Exit codes: 0 done, 1 input problems, 2 unreadable input or usage error.
@main struct Gigaplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gigaplan", abstract: "Broadband, WLAN and 5G infrastructure planning for cities.",
        discussion: """
            Exit codes: 0 done; 1 input problems were found; 2 an input could not be read at all, or the \
            command line was wrong.
            """, version: RunHistory.versionNumber,
        subcommands: [
            RunCommand.self, CompareCommand.self, ReportCommand.self, HistoryCommand.self, ValidateCommand.self,
            TableCommand.self, RadioCommand.self, SurveyCommand.self,
        ])

    /// Without a subcommand: the usage on standard error, exit 2 (the command line was incomplete).
    func run() throws {
        FileHandle.standardError.write(Data((Self.helpMessage() + "\n").utf8))
        throw ExitCode(2)
    }

    static func main() {
        Allocator.useRunThresholds()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode { Foundation.exit(exit.rawValue) } catch {
            let code = exitCode(for: error)
            if code == .success { Self.exit(withError: error) }
            // Usage errors (ArgumentParser's 64) are exit code 2 here, as are unreadable inputs.
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure || code == .failure ? 2 : code.rawValue)
        }
    }
}

func printError(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
