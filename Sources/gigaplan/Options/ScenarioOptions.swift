import ArgumentParser

/// The scenario a command analyses, and how much it says while doing so.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario YAML file.") var scenario: String

    @Flag(help: "No progress on the terminal (run: no summary either).") var quiet = false
}

/// Whether a command shows progress.
struct ProgressOptions: ParsableArguments { @Flag(help: "No progress on the terminal.") var quiet = false }
