import Testing

@testable import Radio
@testable import Reports

@Suite struct DownloadTimeTextTests {
    /// The city's table exactly as published (whole seconds, two decimals for 5G, decimal comma).
    static let cityTable = """
        Downloadzeit in s   UMTS     HSDPA  LTE 100 MBit  LTE 300 MBit  5G (1 GBit)  5G (10 GBit)
        10 MP3s             1042     10     4             1             0,40         0,04
        100 MB Bilder       2083     19     8             3             0,80         0,08
        1 GB Update         20833    190    80            27            8,00         0,80
        5 GB Spiel          104167   952    400           133           40,00        4,00
        20 GB Spiel         416667   3810   1600          533           160,00       16,00
        100 GB Backup       2083333  19048  8000          2667          800,00       80,00

        """

    @Test func reproducesTheCityTableByteForByte() {
        #expect(DownloadTimeText.render(DownloadTimeTable(), .text) == Self.cityTable)
    }

    @Test func cellByCell() {
        let expected: [[String]] = Self.cityTable.split(separator: "\n").dropFirst().map {
            $0.split(separator: " ", omittingEmptySubsequences: true).suffix(6).map(String.init)
        }
        let rendered = DownloadTimeText.cells(DownloadTimeTable(), locale: .de).rows.map { Array($0.suffix(6)) }
        #expect(Array(rendered) == expected)
    }

    @Test func decimalUnitsAndUnroundedJSON() {
        // 50 MB = 4e8 bit at 0.384 Mbit/s = 1041.666… s
        #expect(abs(DownloadTimeTable.seconds(bytes: 50e6, rateMbps: 0.384) - 1041.6666667) < 1e-6)
        let json = DownloadTimeText.render(DownloadTimeTable(), .json, locale: .en)
        #expect(
            json.contains(
                "\"size_bytes\":50000000,\"technology\":\"UMTS\",\"rate_mbps\":0.384,\"seconds\":1041.6666666666667"))
    }

    @Test func englishLocaleUsesDecimalPoint() {
        let text = DownloadTimeText.render(DownloadTimeTable(), .text, locale: .en)
        #expect(text.hasPrefix("Download time in s"))
        #expect(text.contains("0.40"))
        #expect(!text.contains("0,40"))
    }

    @Test func customSizesAndRates() throws {
        let size = try #require(DownloadSize(parsing: "Film=4,5GB"))
        #expect(size.bytes == 4.5e9)
        let column = try #require(TechnologyCatalogue.rateColumn("250"))
        let table = DownloadTimeTable(
            sizes: [size], columns: [column, try #require(TechnologyCatalogue.rateColumn("lte-100"))])
        #expect(table.seconds(row: 0, column: 0) == 144)
        #expect(DownloadTimeText.render(table, .csv).contains("Film;144;360"))
        #expect(
            DownloadTimeText.render(table, .markdown).hasPrefix("| Downloadzeit in s | 250 Mbit/s | LTE 100 MBit |"))
    }
}
