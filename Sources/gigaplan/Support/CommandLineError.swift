import ArgumentParser
import GeoCore
import Planning
import Reports

/// An error the command line reports as its message with its own exit code:
/// 1 for input the analysis cannot use, 2 for input that cannot be read and for refused writes.
protocol CommandLineError: Error, CustomStringConvertible { var exitCode: Int32 { get } }

extension UnreadableScenario: CommandLineError { var exitCode: Int32 { 2 } }
extension UnreadableFile: CommandLineError { var exitCode: Int32 { 2 } }
extension ScenarioError: CommandLineError { var exitCode: Int32 { 1 } }
extension OutputRefusal: CommandLineError { var exitCode: Int32 { 2 } }
extension FileWriteError: CommandLineError { var exitCode: Int32 { 2 } }
extension SQLiteError: CommandLineError { var exitCode: Int32 { 2 } }
extension GeoPackageError: CommandLineError { var exitCode: Int32 { 2 } }
extension AnalysisLimitError: CommandLineError { var exitCode: Int32 { 1 } }
extension JoinRateError: CommandLineError { var exitCode: Int32 { 1 } }
extension InputErrors: CommandLineError { var exitCode: Int32 { 1 } }

/// Runs `body`; a `CommandLineError` is printed and exits with its code.
func exitOnError<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as any CommandLineError {
        printError(e.description)
        throw ExitCode(e.exitCode)
    }
}

/// Input errors in a scenario's layers that stop an analysis (`on_invalid: fail`).
struct InputErrors: Error, CustomStringConvertible {
    var problems: [InputProblem]

    var description: String {
        let errors = problems.filter { $0.severity == .error }
        return
            (errors.map { "\($0)" } + [
                "\(errors.count) input error(s); nothing written (set on_invalid: skip in the scenario to leave those "
                    + "features out)"
            ]).joined(separator: "\n")
    }
}
