import Foundation

/// ITU-R P.1238-9 (06/2017) §3.1 site-general indoor model:
/// L_total = 20 log10 f + N log10 d + L_f(n) − 28 dB, f in MHz, d in m (d > 1 m), n floors between
/// the terminals (n ≥ 1; L_f(0) = 0).
///
/// N from Table 2 and L_f(n) from Table 3 by building type and band. Where the tables give two values
/// for residential buildings, the apartment value is used. Bands without a value for the building type
/// use the nearest band that has one, and the result is flagged; so are floor counts beyond the table.
/// Validity: 900 MHz–100 GHz in the bands of the tables, 1 m < d ≤ 100 m (indoor).
public enum P1238 {
    public enum BuildingType: String, Sendable, CaseIterable { case office, residential, commercial }

    public static let source = "ITU-R P.1238-9 §3.1 Eq. (1), Tables 2 and 3"

    /// How a table cell gives the floor loss.
    enum FloorLoss {
        case perFloor(first: Double, each: Double)  // first + each·(n − 1)
        case listed([Double])  // for n = 1, 2, 3…
    }

    struct Band {
        let range: ClosedRange<Double>  // MHz
        let n: [BuildingType: Double]
        let floors: [BuildingType: FloorLoss]
    }

    static let bands: [Band] = [
        Band(range: 800...1000, n: [.office: 33, .commercial: 20], floors: [.office: .listed([9, 19, 24])]),
        Band(range: 1200...1300, n: [.office: 32, .commercial: 22], floors: [:]),
        Band(
            range: 1800...2000, n: [.residential: 28, .office: 30, .commercial: 22],
            floors: [
                .residential: .perFloor(first: 4, each: 4), .office: .perFloor(first: 15, each: 4),
                .commercial: .perFloor(first: 6, each: 3),
            ]),
        Band(
            range: 2400...2500, n: [.residential: 28, .office: 30],
            floors: [.residential: .listed([10]), .office: .listed([14])]),
        Band(range: 3400...3800, n: [.office: 27], floors: [.office: .listed([18, 26])]),
        Band(range: 3800...4200, n: [.office: 28, .commercial: 22], floors: [:]),
        Band(
            range: 5150...5350, n: [.residential: 30, .office: 31],
            floors: [.residential: .listed([13]), .office: .listed([16])]),
        Band(range: 5725...5875, n: [.office: 24], floors: [.office: .listed([22, 28])]),
        Band(range: 57000...66000, n: [.office: 22, .commercial: 17], floors: [:]),
        Band(range: 70000...78000, n: [.office: 22], floors: [:]),
    ]

    static func nearest<T>(_ f: Double, _ pick: (Band) -> T?) -> (T, exact: Bool)? {
        if let band = bands.first(where: { $0.range.contains(f) }), let v = pick(band) { return (v, true) }
        let candidates = bands.compactMap { b in pick(b).map { (b, $0) } }
        guard let best = candidates.min(by: { distance(f, $0.0.range) < distance(f, $1.0.range) }) else { return nil }
        return (best.1, false)
    }

    static func distance(_ f: Double, _ r: ClosedRange<Double>) -> Double {
        abs(log(f / min(max(f, r.lowerBound), r.upperBound)))
    }

    public static func pathLoss(
        _ type: BuildingType, frequencyMHz f: Double, distanceM d: Double, floors: Int = 0,
        policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck("p1238-\(type.rawValue)")
        check.require("frequency", f, 800...100_000, "MHz")
        check.require("distance", d, 1...100, "m")
        check.require("floors", Double(floors), 0...Double.infinity, "")
        var assumptions: [String] = []
        guard let (n, exactN) = nearest(f, { $0.n[type] }) else {
            throw OutsideValidityRange(model: check.model, violations: ["no coefficient"])
        }
        if !exactN {
            check.fail("Table 2 gives no N for \(type.rawValue) at \(RangeCheck.format(f)) MHz (nearest band used)")
        }
        if type == .residential { assumptions.append("residential values for apartments") }
        var lf = 0.0
        if floors > 0 {
            guard let (cell, exactF) = nearest(f, { $0.floors[type] }) else {
                throw OutsideValidityRange(model: check.model, violations: ["no floor loss"])
            }
            if !exactF {
                check.fail(
                    "Table 3 gives no floor loss for \(type.rawValue) at \(RangeCheck.format(f)) MHz (nearest band "
                        + "used)")
            }
            switch cell {
            case .perFloor(let first, let each): lf = first + each * Double(floors - 1)
            case .listed(let values):
                if floors > values.count {
                    check.fail(
                        "Table 3 lists floor loss up to \(values.count) floor(s); the last value is used for \(floors)")
                }
                lf = values[min(floors, values.count) - 1]
            }
        }
        let loss = 20 * log10(f) + n * log10(d) + lf - 28
        return try check.result(loss, source: source, assumptions: assumptions, policy: policy)
    }
}

/// Log-distance path loss: PL(d) = PL_fs(d0) + 10 n log10(d / d0), with the free-space loss at the
/// reference distance d0 (Rappaport, Wireless Communications, 2nd ed., Eq. 4.68). Valid for d ≥ d0.
public enum LogDistance {
    public static let source = "log-distance model (Rappaport 2002, Eq. 4.68) with free-space reference ITU-R P.525"

    public static func pathLoss(
        frequencyMHz f: Double, distanceM d: Double, exponent n: Double, referenceDistanceM d0: Double = 1,
        policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck("log-distance")
        check.require("distance", d, d0...Double.greatestFiniteMagnitude, "m")
        check.require("exponent", n, 1...8, "")
        let loss = FreeSpace.loss(frequencyHz: f * 1e6, distanceM: d0) + 10 * n * log10(d / d0)
        return try check.result(
            loss, source: source, assumptions: ["d0 = \(RangeCheck.format(d0)) m, n = \(n)"], policy: policy)
    }
}

/// IEEE 802.11ax (TGax) evaluation channel models, IEEE 802.11-14/0980r16 §2:
/// PL(d) = 40.05 + 20 log10(fc/2.4) + 20 log10(min(d, dBP)) + [d > dBP] 35 log10(d/dBP) + walls/floors,
/// fc in GHz, d in m.
/// - Residential (scenario 1): dBP = 5 m, + 18.3 F^((F+2)/(F+1) − 0.46) + 5 W (F floors, W walls).
/// - Enterprise (scenario 2): dBP = 10 m, + 7 W.
/// Validity: 2.4 and 5 GHz bands (here 2.4–7.125 GHz to cover 6 GHz as 802.11ax evaluations do), d ≥ 1 m.
public enum TGax {
    public enum Scenario: String, Sendable, CaseIterable {
        case residential = "tgax-residential"
        case enterprise = "tgax-enterprise"
    }

    public static let source = "IEEE 802.11-14/0980r16 (TGax simulation scenarios) §2"

    public static func pathLoss(
        _ scenario: Scenario, frequencyMHz: Double, distanceM d: Double, walls: Int = 0, floors: Int = 0,
        policy: RangePolicy = .extrapolate
    ) throws -> ModelResult {
        var check = RangeCheck(scenario.rawValue)
        check.require("frequency", frequencyMHz, 2400...7125, "MHz")
        check.require("distance", d, 1...Double.greatestFiniteMagnitude, "m")
        let fc = frequencyMHz / 1000
        let dBP = scenario == .residential ? 5.0 : 10.0
        var loss = 40.05 + 20 * log10(fc / 2.4) + 20 * log10(min(d, dBP))
        if d > dBP { loss += 35 * log10(d / dBP) }
        switch scenario {
        case .residential:
            if floors > 0 {
                let f = Double(floors)
                loss += 18.3 * pow(f, (f + 2) / (f + 1) - 0.46)
            }
            loss += 5 * Double(walls)
        case .enterprise:
            if floors > 0 { check.fail("the enterprise model has no floor term") }
            loss += 7 * Double(walls)
        }
        return try check.result(loss, source: source, policy: policy)
    }
}
