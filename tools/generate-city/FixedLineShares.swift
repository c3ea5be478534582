import Foundation
import GeoCore

/// Shares of households (0…1) reached by each fixed-line class, read from a Breitbandatlas row.
struct FixedLineShares {
    var dsl: [(minimumMbps: Double, share: Double)]
    var catvAny: Double
    var catv1000: Double
    var fibreAny: Double
    var fibre1000: Double

    /// Münster, mid-2021 (used for synthetic cities).
    static let muenster2021 = FixedLineShares(
        dsl: [(1, 1), (6, 0.9943), (16, 0.9661), (30, 0.9472), (50, 0.9426), (100, 0.8945), (200, 0.7273)],
        catvAny: 0.9031, catv1000: 0.7701, fibreAny: 0.068, fibre1000: 0.0515)

    init(dsl: [(Double, Double)], catvAny: Double, catv1000: Double, fibreAny: Double, fibre1000: Double) {
        self.dsl = dsl.map { (minimumMbps: $0.0, share: $0.1) }
        self.catvAny = catvAny
        self.catv1000 = catv1000
        self.fibreAny = fibreAny
        self.fibre1000 = fibre1000
    }

    init(breitbandatlasRow path: String) throws {
        let table = try CSVTable.parse([UInt8](FileManager.default.contents(atPath: path) ?? Data()), path: path)
        guard let row = table.rows.first else { throw UnreadableFile(path: path, reason: "no data row") }
        func share(_ column: String) throws -> Double {
            guard let i = table.header.firstIndex(of: column), let v = DecimalText.parse(row[i]) else {
                throw UnreadableFile(path: path, reason: "column \"\(column)\" missing")
            }
            return v / 100
        }
        self.init(
            dsl: try [1, 6, 16, 30, 50, 100, 200].map { (Double($0), try share("DSL ≥ \($0) Mbit/s")) },
            catvAny: try share("CATV ≥ 1 Mbit/s"), catv1000: try share("CATV ≥ 1000 Mbit/s"),
            fibreAny: try share("FTTH/B ≥ 100 Mbit/s"), fibre1000: try share("FTTH/B ≥ 1000 Mbit/s"))
    }
}
