import ArgumentParser
import Radio
import Reports

struct DownloadTimesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download-times",
        abstract:
            "Download times per file size and technology (decimal units: 1 MB = 10^6 bytes, 1 Mbit/s = 10^6 bit/s).",
        discussion: """
            By default the city's table: 10 MP3s (50 MB), 100 MB of pictures, a 1 GB update, 5 and 20 GB games and \
            a 100 GB backup, for UMTS 0.384, HSDPA 42, LTE 100, LTE 300, 5G 1000 and 5G 10000 Mbit/s. Whole seconds, \
            two decimals in columns with values below one second.
            """)

    @Option(help: "Comma-separated sizes, e.g. 50MB,1GB or Film=4GB (decimal units).") var sizes: String?

    @Option(
        help: ArgumentHelp(
            "Comma-separated columns: table names (umts, hsdpa, lte-100, lte-300, 5g-1000, 5g-10000), catalogue "
                + "carriers (lte800, nr-n78, …) or plain rates in Mbit/s.")) var technologies: String?

    @Option(help: "de (German labels, decimal comma) or en.") var locale: ReportLocale = .de

    @Option(help: "text, csv, json or markdown.") var format: TableText.Format = .text

    /// The table the options describe, made by `validate()`.
    var table = DownloadTimeTable()

    enum CodingKeys: String, CodingKey { case sizes, technologies, locale, format }

    mutating func validate() throws {
        if let sizes {
            table.sizes = try sizes.split(separator: ",").map {
                guard let s = DownloadSize(parsing: String($0)) else {
                    throw ValidationError(
                        "--sizes: \"\($0)\" is not a size like 50MB or 1GB (above 0, at most 1000000TB)")
                }
                return s
            }
        }
        if let technologies {
            table.columns = try technologies.split(separator: ",").map {
                guard let c = TechnologyCatalogue.rateColumn(String($0)) else {
                    throw ValidationError(
                        "--technologies: \"\($0)\" is neither a table column, a catalogue carrier nor a rate in Mbit/s "
                            + "(above 0, at most 1e9)")
                }
                return c
            }
        }
    }

    func run() throws { print(DownloadTimeText.render(table, format, locale: locale), terminator: "") }
}
