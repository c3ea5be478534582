import ArgumentParser

/// `gigaplan radio …`: the radio models on their own.
struct RadioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radio", abstract: "The radio models: path loss, throughput, peak rates and whole links.",
        subcommands: [PathLossCommand.self, ThroughputCommand.self, PeakRateCommand.self, LinkCommand.self])
}
