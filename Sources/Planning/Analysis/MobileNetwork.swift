import Foundation
import GeoCore
import Radio

/// The sites and sectors of a scenario prepared for fast link evaluation: per sector its antenna,
/// carrier and EIRP; per carrier its noise floor and entry loss; sites in an STRtree.
public struct MobileNetwork: Sendable {
    /// One sector on one carrier.
    struct Transmitter: Sendable {
        /// Index into `sectorIDs`.
        var sector: Int32
        var antenna: SectorAntenna
        var eirpDBm: Double
        var carrier: Int
        var frequency: Int
        /// Index into the site's `antennas` (sectors on several carriers share one pattern).
        var antennaIndex: Int
        /// 10^(EIRP/10), mW.
        var eirpMilliwatt: Double
    }

    struct SiteEntry: Sendable {
        var id: String
        var location: Coordinate
        var heightM: Double
        var scenario: TR38901.Scenario
        var frequenciesMHz: [Double]
        /// The site's TR 38.901 path-loss model per frequency, prepared for the receiver height.
        var models: [TR38901.Prepared]
        var transmitters: [Transmitter]
        /// The distinct antenna patterns of the site's transmitters, each with a maximum gain of 0 dBi
        /// (the transmitters' EIRP holds theirs).
        var antennas: [SectorAntenna]
        /// Whether all `models` take the same distance powers (same scenario and heights), so that the
        /// fast link engine works them out once per receiver.
        var sharedDistancePowers: Bool
    }

    /// A carrier of one operator: its co-channel transmitters interfere with each other.
    struct Carrier: Sendable {
        var service: Int
        /// The profile's rate at a SINR (`CarrierProfile.downlinkMbps`), as a plain value read per receiver.
        var rate: CarrierProfile.DownlinkCurve
        var entryLossDB: Double
        /// The noise floor, 10^(noise/10) mW, and 10^(−entry loss/10): worked out once, not per receiver.
        var noiseMilliwatt: Double
        var entryLossFactor: Double
        /// 10 log10(12 N_RB), or 0 without resource blocks.
        var perResourceElementDB: Double
    }

    let sites: [SiteEntry]
    /// The sites flattened for the fast link engine.
    let tables: LinkTables
    let carriers: [Carrier]
    /// Every sector's id, indexed by `Transmitter.sector`.
    let sectorIDs: [String]
    public let services: [ServiceKey]
    let tree: STRtree
    /// The environment chosen for each site (as given, or from its surroundings), by site id.
    public let environments: [String: TR38901.Scenario]
    /// Sites whose heights or frequencies lie outside the TR 38.901 validity range of their scenario
    /// (the path loss there is extrapolated), with the violated limits, by site id.
    public let extrapolated: [String: [String]]

    /// Buildings per km² within 500 m above which a site is urban (UMa) rather than rural (RMa).
    public static let urbanBuildingDensity = 300.0
    /// Sites up to this height are street-level small cells (UMi).
    public static let smallCellMaximumHeightM = 12.0

    /// A carrier's identity: co-channel transmitters share all four.
    struct CarrierKey: Hashable {
        var service: ServiceKey
        var frequencyMHz: Double
        var bandwidthMHz: Double
    }

    /// - Parameters:
    ///   - context: the buildings' centres, for choosing UMa or RMa where a site states no environment.
    public init(sites input: [Site], context: SpatialContext, settings: AnalysisSettings) {
        var services: [ServiceKey] = []
        var carrierIndex: [CarrierKey: Int] = [:]
        var carrierKeys: [CarrierKey] = []
        var carriers: [Carrier] = []
        var sites: [SiteEntry] = []
        var environments: [String: TR38901.Scenario] = [:]
        var sectorIDs: [String] = []
        var extrapolated: [String: [String]] = [:]
        for site in input {
            let scenario = Self.environment(of: site, context: context)
            environments[site.id] = scenario
            var frequencies: [Double] = []
            var transmitters: [Transmitter] = []
            var antennas: [SectorAntenna] = []
            let operatorName = site.operatorName ?? "unknown"
            for sector in site.sectors {
                let service = ServiceKey(operatorName: operatorName, technology: sector.technology)
                if !services.contains(service) { services.append(service) }
                let key = CarrierKey(
                    service: service, frequencyMHz: sector.frequencyMHz, bandwidthMHz: sector.bandwidthMHz)
                if carrierIndex[key] == nil {
                    carrierIndex[key] = carriers.count
                    carrierKeys.append(key)
                    carriers.append(Self.carrier(sector, settings: settings))
                }
                if !frequencies.contains(sector.frequencyMHz) { frequencies.append(sector.frequencyMHz) }
                let antenna = SectorAntenna(
                    maxGainDBi: sector.antennaGainDBi, azimuthDeg: sector.azimuthDeg, downtiltDeg: sector.tiltDeg,
                    horizontalBeamwidthDeg: sector.beamwidthDeg)
                // The pattern without its maximum gain (which the EIRP holds): carriers of one sector
                // with panels of different gains share it.
                var pattern = antenna
                pattern.maxGainDBi = 0
                if !antennas.contains(pattern) { antennas.append(pattern) }
                transmitters.append(
                    Transmitter(
                        sector: Int32(sectorIDs.count), antenna: antenna, eirpDBm: sector.eirpDBm,
                        carrier: carrierIndex[key]!, frequency: frequencies.firstIndex(of: sector.frequencyMHz)!,
                        antennaIndex: antennas.firstIndex(of: pattern)!, eirpMilliwatt: Decibel.toLinear(sector.eirpDBm)
                    ))
                sectorIDs.append(sector.id)
            }
            // Only heights and frequencies can put a site outside the range; distances are the links'.
            let violations = frequencies.flatMap {
                TR38901.siteViolations(
                    scenario, frequencyMHz: $0, baseHeightM: site.heightM, userHeightM: settings.userHeightM)
            }
            if !violations.isEmpty { extrapolated[site.id] = Array(Set(violations)).sorted() }
            let models = frequencies.map {
                TR38901.Prepared(
                    scenario,
                    TR38901.Link(
                        frequencyMHz: $0, distance2DM: 0, baseHeightM: site.heightM, userHeightM: settings.userHeightM))
            }
            sites.append(
                SiteEntry(
                    id: site.id, location: site.location, heightM: site.heightM, scenario: scenario,
                    frequenciesMHz: frequencies, models: models, transmitters: transmitters, antennas: antennas,
                    sharedDistancePowers: models.allSatisfy { $0.sharesDistancePowers(with: models[0]) }))
        }
        services.sort()
        for (k, key) in carrierKeys.enumerated() { carriers[k].service = services.firstIndex(of: key.service)! }
        self.sites = sites
        self.carriers = carriers
        self.sectorIDs = sectorIDs
        self.services = services
        self.environments = environments
        self.extrapolated = extrapolated
        tree = STRtree(
            boxes: sites.map {
                BoundingBox(minX: $0.location.x, minY: $0.location.y, maxX: $0.location.x, maxY: $0.location.y)
            })
        tables = LinkTables(
            sites, order: tree.itemsInQueryOrder, carriers: carriers.count, userHeightM: settings.userHeightM)
    }

    /// The TR 38.901 scenario of a site: as given, else UMi for street-level cells, UMa where buildings
    /// are dense within 500 m, RMa elsewhere.
    static func environment(of site: Site, context: SpatialContext) -> TR38901.Scenario {
        switch site.environment {
        case .uma: return .uma
        case .umi, .indoor: return .umi
        case .rma: return .rma
        case nil:
            if site.heightM <= Self.smallCellMaximumHeightM { return .umi }
            let nearby = context.centreIndex.query(near: site.location, radius: 500).count
            return Double(nearby) / (Double.pi * 0.25) >= Self.urbanBuildingDensity ? .uma : .rma
        }
    }

    /// A sector's carrier: its catalogue profile with the sector's bandwidth and MIMO layers, noise
    /// floor and building entry loss.
    static func carrier(_ sector: Sector, settings: AnalysisSettings) -> Carrier {
        var profile = TechnologyCatalogue.carrier(
            technology: sector.technology, frequencyMHz: sector.frequencyMHz, bandwidthMHz: sector.bandwidthMHz)!
        if profile.resourceBlocks == nil { profile.bandwidthMHz = sector.bandwidthMHz }
        profile.peakDownlinkMbps *= Double(sector.layers) / Double(profile.layers)
        profile.layers = sector.layers
        let entry =
            (try? P2109.entryLoss(
                settings.entryLossClass, frequencyMHz: sector.frequencyMHz, probability: settings.entryLossProbability
            ).value) ?? 0
        let noise = Noise.powerDBm(bandwidthHz: profile.transmissionBandwidthHz, noiseFigureDB: settings.noiseFigureDB)
        return Carrier(
            service: 0, rate: profile.downlinkCurve, entryLossDB: entry, noiseMilliwatt: Decibel.toLinear(noise),
            entryLossFactor: Decibel.toLinear(-entry),
            perResourceElementDB: profile.subcarriers.map { Decibel.fromLinear(Double($0)) } ?? 0)
    }
}
