import ArgumentParser
import Foundation
import GeoCore
import Planning
import Reports

/// `gigaplan survey …`: the market survey (Markterkundungsverfahren).
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "The market survey: operators' returns matched to the official addresses.",
        subcommands: [SurveyMatchCommand.self])
}

struct SurveyMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match operators' returns (CSV) to the official addresses and write them as a fixed-line layer.",
        discussion: """
            Each return row (operator, street, number, suffix, postcode, town, technology, down/up Mbit/s, and \
            optionally planned technology, down/up and date; German or English column names) is normalised \
            (Str./Straße, ß/ss, umlauts, case, hyphens, "12a"/"12 A", ranges "12-14") and matched to the \
            addresses of --addresses, cross-checked by postcode and town. Writes fixed.csv (the fixed layer of the \
            matched buildings, for a scenario's inputs), unmatched.csv (every ambiguous, unmatched or invalid \
            row with its reason and the nearest addresses) and match_rates.csv under --out. Exit codes: 0 done \
            (rows may be unmatched: see unmatched.csv), 1 the address layer has no addresses, 2 a file cannot \
            be read or the output folder is refused.
            """)

    @Argument(help: "The operators' returns, CSV files.") var returns: [String]

    @Option(help: "The official addresses: a buildings or address-point layer (GeoJSON, CSV, GeoPackage).")
    var addresses: String

    @Option(help: "The CRS of x/y columns in a CSV address layer, e.g. EPSG:25832.") var crs: CRS?

    @Option(help: "Output folder.") var out = "out/survey-match"

    @Option(help: "CSV files: en or de (semicolon, decimal comma, UTF-8 with BOM).") var locale: ReportLocale = .en

    @Flag(help: "Print nothing but errors.") var quiet = false

    func run() throws {
        let protected = returns + [addresses]
        try exitOnError { _ = try OutputFolder.check(out, protecting: protected) }
        var data = GeoData(crs: .etrs89UTM32)
        try exitOnError {
            try GeoDataLoader(workingCRS: .etrs89UTM32, csvCRS: crs).load(path: addresses, as: .buildings, into: &data)
        }
        let official = data.buildings.compactMap { b in
            b.address.map { SurveyMatcher.Address(buildingID: b.id, address: $0) }
        }
        guard !official.isEmpty else {
            printError(
                "\(addresses): no feature has an address (street and house number: addr:street/addr:housenumber, "
                    + "strasse/hausnummer or HK-DE STN/HNR; docs/input-layers.md)")
            throw ExitCode(1)
        }
        let matcher = SurveyMatcher(addresses: official)
        var matches: [SurveyMatcher.Match] = []
        var invalid: [SurveyRowProblem] = []
        for path in returns {
            let (rows, problems) = try exitOnError { try SurveyReturnReader.read(path: path) }
            matches += rows.map(matcher.match)
            invalid += problems
        }
        let files: [String] = try exitOnError {
            try OutputFolder.claim(out, owner: "survey-match", protecting: protected).fill { root in
                try SurveyMatchReport.write(
                    matches, invalid: invalid, files: returns, root: root, relative: { $0 }, locale: locale)
            }
        }
        if !quiet {
            let total = SurveyMatchReport.rates(matches, invalid: invalid, files: returns).last!
            print(
                "\(total.rows) return rows against \(official.count) addresses: \(total.matched) matched "
                    + "(\(NumberFormat.fixed(total.share * 100, decimals: 1)) %), \(total.ambiguous) ambiguous, "
                    + "\(total.unmatched) unmatched, \(total.invalid) invalid → \(out) ("
                    + files.joined(separator: ", ") + ")")
        }
    }
}
