import Foundation

/// Named carrier configurations of real German deployments, and the rate columns of the city's
/// download-time table.
public enum TechnologyCatalogue {
    /// Downlink share of the 5:1 DDDSU TDD pattern German n78 networks use (special slot 10:2:2):
    /// (3 + 10/14) / 5.
    public static let n78DownlinkShare = (3 + 10.0 / 14) / 5

    /// The carriers by name.
    public static let carriers: [CarrierProfile] = {
        func lte(_ name: String, _ label: String, _ f: Double, _ bw: Double, _ rb: Int) -> CarrierProfile {
            CarrierProfile(
                name: name, label: label, technology: .lte, frequencyMHz: f, bandwidthMHz: bw, resourceBlocks: rb,
                subcarrierSpacingKHz: 15, layers: 2, downlinkShare: 1, shannon: .lteDownlink,
                peakDownlinkMbps: UECategory.lteDownlinkMbps(category: 4)! * bw / 20,
                notes:
                    "FDD, 2×2 MIMO, 64QAM; peak: TS 36.306 category 4 (150.8 Mbit/s at 20 MHz) scaled to the bandwidth")
        }
        let n78Peak =
            (try? NRPeakRate.rateMbps(
                .init(
                    bandwidthMHz: 90, subcarrierSpacingKHz: 30, layers: 4, modulationOrder: 8,
                    tddShare: n78DownlinkShare))) ?? 0
        let n28Peak =
            (try? NRPeakRate.rateMbps(.init(bandwidthMHz: 10, subcarrierSpacingKHz: 15, layers: 2, modulationOrder: 8)))
            ?? 0
        let hsdpaCarrier = CarrierProfile(
            name: "hsdpa2100", label: "HSDPA 2100", technology: .hsdpa, frequencyMHz: 2100, bandwidthMHz: 10,
            resourceBlocks: nil, subcarrierSpacingKHz: 0, layers: 1, downlinkShare: 1,
            shannon: TruncatedShannon(
                alpha: 0.6, minimumSINRDB: -10, maximumEfficiency: 42.192 / (2 * 3.84),
                source: "assumption: TR 36.942 DL α and SINR_min, capped at TS 25.306 category 24 over 2 × 3.84 MHz"),
            peakDownlinkMbps: UECategory.hsdpaMbps(category: 24)!,
            notes: "dual-carrier HSDPA (DC-HSDPA, 2 × 5 MHz), 64QAM, category 24")
        return [
            lte("lte800", "LTE 800 (band 20)", 800, 10, 50), lte("lte1800", "LTE 1800 (band 3)", 1800, 20, 100),
            lte("lte2600", "LTE 2600 (band 7)", 2600, 20, 100),
            CarrierProfile(
                name: "nr-n78", label: "5G NR n78 (3.6 GHz)", technology: .nr, frequencyMHz: 3600, bandwidthMHz: 90,
                resourceBlocks: 245, subcarrierSpacingKHz: 30, layers: 4, downlinkShare: n78DownlinkShare,
                shannon: .nrDownlink, peakDownlinkMbps: n78Peak,
                notes: "TDD DDDSU, 90 MHz, 30 kHz SCS, 4 layers, 256QAM; peak by TS 38.306"),
            CarrierProfile(
                name: "nr-n28", label: "5G NR n28 (700 MHz)", technology: .nr, frequencyMHz: 700, bandwidthMHz: 10,
                resourceBlocks: 52, subcarrierSpacingKHz: 15, layers: 2, downlinkShare: 1, shannon: .nrDownlink,
                peakDownlinkMbps: n28Peak, notes: "FDD 10 MHz, 15 kHz SCS, 2 layers, 256QAM; peak by TS 38.306"),
            CarrierProfile(
                name: "umts2100", label: "UMTS 2100 (R99)", technology: .umts, frequencyMHz: 2100, bandwidthMHz: 5,
                resourceBlocks: nil, subcarrierSpacingKHz: 0, layers: 1, downlinkShare: 1,
                shannon: TruncatedShannon(
                    alpha: 0.6, minimumSINRDB: -10, maximumEfficiency: 0.384 / 3.84,
                    source: "assumption: TR 36.942 DL α and SINR_min, capped at the 384 kbit/s R99 bearer over 3.84 MHz"
                ), peakDownlinkMbps: UECategory.umtsR99Kbps / 1000, notes: "Release 99 DCH, 384 kbit/s bearer"),
            hsdpaCarrier,
        ]
    }()

    public static func carrier(named name: String) -> CarrierProfile? {
        carriers.first { $0.name == name.lowercased() }
    }

    /// The carrier closest to a technology and frequency, with the bandwidth replaced when given.
    public static func carrier(
        technology: Technology, frequencyMHz: Double, bandwidthMHz: Double? = nil
    ) -> CarrierProfile? {
        let candidates = carriers.filter { $0.technology == technology }
        guard
            var best = candidates.min(by: { abs($0.frequencyMHz - frequencyMHz) < abs($1.frequencyMHz - frequencyMHz) })
        else { return nil }
        best.frequencyMHz = frequencyMHz
        if let bandwidthMHz, bandwidthMHz != best.bandwidthMHz,
            let rbs = resourceBlocks(technology, bandwidthMHz, best.subcarrierSpacingKHz)
        {
            best.peakDownlinkMbps *= Double(rbs) / Double(best.resourceBlocks ?? rbs)
            best.bandwidthMHz = bandwidthMHz
            best.resourceBlocks = rbs
        }
        return best
    }

    /// LTE: TS 36.101 Table 5.6-1 (1.4/3/5/10/15/20 MHz → 6/15/25/50/75/100 RB); NR: TS 38.101-1.
    public static func resourceBlocks(_ technology: Technology, _ bandwidthMHz: Double, _ scsKHz: Double) -> Int? {
        guard bandwidthMHz.isFinite, scsKHz.isFinite, (0...1000).contains(bandwidthMHz), (0...1000).contains(scsKHz)
        else { return nil }
        switch technology {
        case .lte: return [1.4: 6, 3: 15, 5: 25, 10: 50, 15: 75, 20: 100][bandwidthMHz]
        case .nr: return NRPeakRate.resourceBlocksFR1[Int(scsKHz)]?[Int(bandwidthMHz)]
        default: return nil
        }
    }

    /// A rate column of the download-time table.
    public struct RateColumn: Sendable, Hashable {
        public var name: String
        public var labelDE: String
        public var labelEN: String
        public var rateMbps: Double
    }

    /// The six columns of the city's 2018 table: UMTS 0.384, HSDPA 42, LTE 100, LTE 300, 5G 1000, 5G 10000 Mbit/s.
    public static let tableColumns: [RateColumn] = [
        RateColumn(name: "umts", labelDE: "UMTS", labelEN: "UMTS", rateMbps: 0.384),
        RateColumn(name: "hsdpa", labelDE: "HSDPA", labelEN: "HSDPA", rateMbps: 42),
        RateColumn(name: "lte-100", labelDE: "LTE 100 MBit", labelEN: "LTE 100 Mbit", rateMbps: 100),
        RateColumn(name: "lte-300", labelDE: "LTE 300 MBit", labelEN: "LTE 300 Mbit", rateMbps: 300),
        RateColumn(name: "5g-1000", labelDE: "5G (1 GBit)", labelEN: "5G (1 Gbit)", rateMbps: 1000),
        RateColumn(name: "5g-10000", labelDE: "5G (10 GBit)", labelEN: "5G (10 Gbit)", rateMbps: 10000),
    ]

    /// The largest plain rate a table column takes, in Mbit/s (1 Pbit/s).
    public static let maximumRateMbps = 1e9

    /// A table column by name: a table column, a carrier (its peak rate) or a plain rate in Mbit/s
    /// (above 0, at most `maximumRateMbps`).
    public static func rateColumn(_ text: String) -> RateColumn? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let c = tableColumns.first(where: { $0.name == key }) { return c }
        if let carrier = carrier(named: key) {
            return RateColumn(
                name: carrier.name, labelDE: carrier.label, labelEN: carrier.label, rateMbps: carrier.peakDownlinkMbps)
        }
        let number = key.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "mbit/s", with: "")
            .trimmingCharacters(in: .whitespaces)
        if let rate = Double(number), rate > 0, rate <= maximumRateMbps {
            let label = "\(NumberText.plain(rate)) Mbit/s"
            return RateColumn(
                name: label, labelDE: label.replacingOccurrences(of: ".", with: ","), labelEN: label, rateMbps: rate)
        }
        return nil
    }
}
