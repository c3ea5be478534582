import Foundation
import GeoCore
import Radio

/// A point where service is computed: a building (its footprint, so that each site is seen at the
/// nearest façade) or a grid cell centre.
public struct Receiver: Sendable {
    public var position: Coordinate
    public var footprint: Geometry?

    public init(position: Coordinate, footprint: Geometry? = nil) {
        self.position = position
        self.footprint = footprint
    }
}

/// Downlink service of every mobile network at many receivers, outdoors and indoors.
///
/// Per receiver and site: the 2D distance to the façade nearest the site, line of sight from the height
/// raster (or the TR 38.901 LOS probability), the TR 38.901 path loss of the site's environment per
/// frequency; per sector: EIRP − antenna discrimination − path loss. Per carrier: the strongest sector
/// serves, every other co-channel sector interferes with the load factor; SINR → Mbit/s by the carrier's
/// truncated Shannon curve. Indoors, the P.2109 entry loss lowers signal and interference alike.
/// Per service (operator × technology): the best RSRP and its SINR, and the sum of the carriers' rates.
public struct MobileCoverage: Sendable {
    public let services: [ServiceKey]
    /// Per receiver, per service: outdoor and indoor quality, compactly (32 bytes each; sector −1: no service).
    struct Stored: Sendable {
        var rsrp: Double
        var sinr: Double
        var mbps: Double
        var sector: Int32

        static let none = Stored(rsrp: 0, sinr: 0, mbps: 0, sector: -1)
    }

    private let outdoor: [Stored]
    private let indoor: [Stored]
    private let sectorIDs: [String]
    public let receiverCount: Int
    /// How many receiver × transmitter links were evaluated.
    public let linkCount: Int

    public func quality(receiver: Int, service: Int, indoor isIndoor: Bool) -> LinkQuality? {
        let q = (isIndoor ? indoor : outdoor)[receiver * services.count + service]
        guard q.sector >= 0 else { return nil }
        return LinkQuality(rsrpDBm: q.rsrp, sinrDB: q.sinr, downlinkMbps: q.mbps, sectorID: sectorIDs[Int(q.sector)])
    }

    /// The number of sectors (serving-sector indexes run from 0 to this).
    public var sectorCount: Int { sectorIDs.count }

    /// The serving sector (an index below `sectorCount`) and the rate of a service at a receiver, without
    /// making a `LinkQuality`; nil without service.
    public func servingLink(receiver: Int, service: Int, indoor isIndoor: Bool) -> (sector: Int, mbps: Double)? {
        let q = (isIndoor ? indoor : outdoor)[receiver * services.count + service]
        return q.sector >= 0 ? (Int(q.sector), q.mbps) : nil
    }

    /// The best quality of a technology at a receiver over all operators (by Mbit/s), with its service.
    public func best(
        receiver: Int, technology: Technology, operatorName: String? = nil, indoor isIndoor: Bool
    ) -> (ServiceKey, LinkQuality)? {
        var best: (ServiceKey, LinkQuality)?
        for (s, key) in services.enumerated()
        where key.technology == technology && (operatorName == nil || key.operatorName == operatorName) {
            if let q = quality(receiver: receiver, service: s, indoor: isIndoor),
                q.downlinkMbps > (best?.1.downlinkMbps ?? -1)
            {
                best = (key, q)
            }
        }
        return best
    }

    /// How the links are evaluated: `fast` (the default) works out each site's geometry, distance
    /// powers and antenna gains once and sums the transmitters in the linear domain; `reference` is
    /// the plain form (every link's path loss in dB, every power through 10^(x/10)), kept to check
    /// the fast one against (the test requires 0.01 dB).
    public enum LinkEngine: Sendable { case fast, reference }

    public init(
        network: MobileNetwork, receivers: [Receiver], raster: HeightRaster?, settings: AnalysisSettings,
        progress: (any ProgressObserver)? = nil, stage: String = "mobile"
    ) {
        let engine = settings.linkEngine
        services = network.services
        receiverCount = receivers.count
        let serviceCount = network.services.count
        progress?.begin(stage, total: receivers.count)
        defer { progress?.end() }
        sectorIDs = network.sectorIDs
        let footprints = FootprintSet(receivers.map(\.footprint))
        let positions = receivers.map(\.position)
        let chunkSize = 256
        let chunks = (receivers.count + chunkSize - 1) / chunkSize
        let linksPerChunk = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(chunks, 1))
        linksPerChunk.initialize(repeating: 0)
        defer { linksPerChunk.deallocate() }
        nonisolated(unsafe) let links = linksPerChunk
        let results: [(Stored, Stored)] = parallelMap(count: receivers.count, chunkSize: chunkSize) { range in
            defer { progress?.advance(range.count) }
            var out = [(Stored, Stored)](repeating: (.none, .none), count: range.count * serviceCount)
            var count = 0
            var state = CarrierState(count: network.carriers.count)
            let scratch = Scratch(network.tables, carriers: network.carriers.count)
            for r in range {
                switch engine {
                case .fast:
                    Self.evaluateFast(
                        r, positions[r], footprints, network: network, raster: raster, settings: settings,
                        state: &state, scratch: scratch)
                case .reference:
                    Self.evaluate(receivers[r], network: network, raster: raster, settings: settings, state: &state)
                }
                Self.summarise(
                    network: network, state: state, settings: settings, into: &out,
                    at: (r - range.lowerBound) * serviceCount)
                count += state.links
            }
            links[range.lowerBound / chunkSize] = count
            return out
        }
        linkCount = linksPerChunk.reduce(0, +)
        outdoor = results.map(\.0)
        indoor = results.map(\.1)
    }

    /// Per carrier: the strongest sector and the linear sum of all sectors.
    struct CarrierState {
        var bestDBm: [Double]
        var bestSector: [Int32]
        var totalMilliwatt: [Double]
        /// The links of the last receiver.
        var links = 0

        init(count: Int) {
            bestDBm = Array(repeating: -.infinity, count: count)
            bestSector = Array(repeating: -1, count: count)
            totalMilliwatt = Array(repeating: 0, count: count)
        }

        mutating func reset() {
            for i in bestDBm.indices {
                bestDBm[i] = -.infinity
                totalMilliwatt[i] = 0
            }
        }
    }

    /// Buffers the fast engine reuses from receiver to receiver (no allocation in the loop).
    final class Scratch {
        var candidates: [Int] = []
        let pathGain: UnsafeMutableBufferPointer<Double>
        let antennaGain: UnsafeMutableBufferPointer<Double>
        let bestMilliwatt: UnsafeMutableBufferPointer<Double>
        let totalMilliwatt: UnsafeMutableBufferPointer<Double>
        let bestSector: UnsafeMutableBufferPointer<Int32>

        init(_ tables: LinkTables, carriers: Int) {
            pathGain = .allocate(capacity: max(tables.maximumModels, 1))
            antennaGain = .allocate(capacity: max(tables.maximumAntennas, 1))
            bestMilliwatt = .allocate(capacity: max(carriers, 1))
            totalMilliwatt = .allocate(capacity: max(carriers, 1))
            bestSector = .allocate(capacity: max(carriers, 1))
        }

        deinit {
            pathGain.deallocate()
            antennaGain.deallocate()
            bestMilliwatt.deallocate()
            totalMilliwatt.deallocate()
            bestSector.deallocate()
        }
    }

    /// The candidate sites of a receiver: within the candidate radius, or the extended one when too few;
    /// ascending for the reference engine, in the tree's (deterministic) order for the fast one.
    static func candidates(
        _ p: Coordinate, network: MobileNetwork, settings: AnalysisSettings, into out: inout [Int], sorted: Bool = true
    ) {
        network.tree.query(near: p, radius: settings.candidateRadiusM, into: &out, sorted: sorted)
        if out.count < settings.minimumCandidateSites {
            network.tree.query(near: p, radius: settings.extendedRadiusM, into: &out, sorted: sorted)
        }
    }

    /// The LOS probability of a link: traced through the height raster up to the trace distance
    /// (0 or 1), else TR 38.901's.
    @inline(__always) static func losProbability(
        _ site: MobileNetwork.SiteEntry, to point: Coordinate, distance: Double, raster: HeightRaster?,
        settings: AnalysisSettings
    ) -> Double {
        let ue = settings.userHeightM
        if settings.losMethod == .footprints && distance <= settings.losTraceDistanceM {
            let clear = raster?.lineOfSight(from: site.location, height: site.heightM, to: point, height: ue) ?? true
            return clear ? 1 : 0
        }
        return TR38901.losProbability(site.scenario, distance2DM: distance, userHeightM: ue)
    }

    /// The fast link engine: per site the façade point, distance, bearing, elevation, LOS probability
    /// and the distance powers once; per frequency two multiplications; per antenna pattern one
    /// exponential; per transmitter a multiply-add in mW, read from the flat `LinkTables`.
    static func evaluateFast(
        _ r: Int, _ position: Coordinate, _ footprints: FootprintSet, network: MobileNetwork, raster: HeightRaster?,
        settings: AnalysisSettings, state: inout CarrierState, scratch: Scratch
    ) {
        let t = network.tables
        let carriers = state.bestDBm.count
        let best = scratch.bestMilliwatt
        let total = scratch.totalMilliwatt
        let sector = scratch.bestSector
        let pathGain = scratch.pathGain
        let antennaGain = scratch.antennaGain
        for c in 0..<carriers {
            best[c] = 0
            total[c] = 0
            sector[c] = -1
        }
        candidates(position, network: network, settings: settings, into: &scratch.candidates, sorted: false)
        state.links = 0
        let ue = settings.userHeightM
        let losMethod = settings.losMethod
        let traceDistance = settings.losTraceDistanceM
        for s in scratch.candidates {
            let location = Coordinate(t.siteX[s], t.siteY[s])
            let height = t.siteHeight[s]
            let point = footprints.nearestPoint(r, to: location) ?? position
            let dx = point.x - location.x
            let dy = point.y - location.y
            let distance = max(10, (dx * dx + dy * dy).squareRoot())
            let p: Double
            if losMethod == .footprints && distance <= traceDistance {
                let clear = raster?.lineOfSight(from: location, height: height, to: point, height: ue) ?? true
                p = clear ? 1 : 0
            } else {
                p = TR38901.losProbability(t.siteScenario[s], distance2DM: distance, userHeightM: ue)
            }
            let firstModel = Int(t.modelStart[s])
            let endModel = Int(t.modelStart[s + 1])
            let needsNear = distance <= t.maximumBreakpoint[s]
            var powers = t.models[firstModel].distancePowers(distance2DM: distance, needsNear: needsNear)
            let shared = t.sharedPowers[s]
            for m in firstModel..<endModel {
                let model = t.models[m]
                if m > firstModel && !shared { powers = model.distancePowers(distance2DM: distance) }
                let g = model.pathGains(powers, distance2DM: distance)
                // Expected received power over the LOS/NLOS states.
                pathGain[m - firstModel] = p >= 1 ? g.los : p <= 0 ? g.nlos : p * g.los + (1 - p) * g.nlos
            }
            let bearing = atan2(dx, dy) * 180 / Double.pi
            let zenith = 90 + atan2(height - ue, distance) * 180 / Double.pi
            let firstAntenna = Int(t.antennaStart[s])
            for a in firstAntenna..<Int(t.antennaStart[s + 1]) {
                // At the pattern's floor (A_m, behind the antenna) the gain is a constant: no exponential.
                let antenna = t.patterns[a]
                let discrimination = antenna.discriminationDB(bearingDeg: bearing, zenithDeg: zenith)
                antennaGain[a - firstAntenna] =
                    discrimination >= antenna.floorDB ? antenna.floorGain : Decibel.toLinear(-discrimination)
            }
            state.links += Int(t.transmitterStart[s + 1] - t.transmitterStart[s])
            for k in Int(t.transmitterStart[s])..<Int(t.transmitterStart[s + 1]) {
                let tx = t.transmitters[k]
                let c = Int(tx.carrier)
                let power =
                    tx.eirpMilliwatt * antennaGain[Int(tx.antenna) - firstAntenna]
                    * pathGain[Int(tx.model) - firstModel]
                total[c] += power
                if power > best[c] {
                    best[c] = power
                    sector[c] = tx.sector
                }
            }
        }
        for c in 0..<carriers {
            state.bestDBm[c] = best[c] > 0 ? Decibel.fromLinear(best[c]) : -.infinity
            state.totalMilliwatt[c] = total[c]
            state.bestSector[c] = sector[c]
        }
    }

    /// The reference link engine: each link's path loss in dB and its power through 10^(x/10).
    static func evaluate(
        _ receiver: Receiver, network: MobileNetwork, raster: HeightRaster?, settings: AnalysisSettings,
        state: inout CarrierState
    ) {
        state.reset()
        state.links = 0
        var candidates: [Int] = []
        Self.candidates(receiver.position, network: network, settings: settings, into: &candidates)
        let ue = settings.userHeightM
        var pathLoss: [Double] = []
        for s in candidates {
            let site = network.sites[s]
            let point = receiver.footprint?.nearestPoint(to: site.location) ?? receiver.position
            let dx = point.x - site.location.x
            let dy = point.y - site.location.y
            let distance = max(10, (dx * dx + dy * dy).squareRoot())
            let losProbability = losProbability(site, to: point, distance: distance, raster: raster, settings: settings)
            pathLoss.removeAll(keepingCapacity: true)
            for model in site.models {
                if losProbability >= 1 {
                    pathLoss.append(model.pathLoss(distance2DM: distance, lineOfSight: true))
                } else if losProbability <= 0 {
                    pathLoss.append(model.pathLoss(distance2DM: distance, lineOfSight: false))
                } else {
                    // Expected received power over the LOS/NLOS states.
                    let los = model.pathLoss(distance2DM: distance, lineOfSight: true)
                    let nlos = model.pathLoss(distance2DM: distance, lineOfSight: false)
                    pathLoss.append(
                        -Decibel.fromLinear(
                            losProbability * Decibel.toLinear(-los) + (1 - losProbability) * Decibel.toLinear(-nlos)))
                }
            }
            let bearing = atan2(dx, dy) * 180 / Double.pi
            let zenith = 90 + atan2(site.heightM - ue, distance) * 180 / Double.pi
            state.links += site.transmitters.count
            for tx in site.transmitters {
                let gain = tx.antenna.gain(bearingDeg: bearing, zenithDeg: zenith)
                let power = tx.eirpDBm - (tx.antenna.maxGainDBi - gain) - pathLoss[tx.frequency]
                state.totalMilliwatt[tx.carrier] += Decibel.toLinear(power)
                if power > state.bestDBm[tx.carrier] {
                    state.bestDBm[tx.carrier] = power
                    state.bestSector[tx.carrier] = tx.sector
                }
            }
        }
    }

    /// Per service, outdoors and indoors: the best carrier's RSRP and SINR and the sum of the carriers'
    /// rates, written at `offset` of `out`.
    static func summarise(
        network: MobileNetwork, state: CarrierState, settings: AnalysisSettings, into out: inout [(Stored, Stored)],
        at offset: Int
    ) {
        for (c, carrier) in network.carriers.enumerated() where state.bestDBm[c] > -.infinity {
            for side in 0..<2 {
                let isIndoor = side == 1
                let loss = isIndoor ? carrier.entryLossDB : 0
                let signal = state.bestDBm[c] - loss
                let interference =
                    max(0, state.totalMilliwatt[c] - Decibel.toLinear(state.bestDBm[c])) * Decibel.toLinear(-loss)
                let sinr =
                    signal
                    - Decibel.fromLinear(Decibel.toLinear(carrier.noiseDBm) + settings.interferenceLoad * interference)
                let mbps = carrier.profile.downlinkMbps(sinrDB: sinr)
                let rsrp = signal - carrier.perResourceElementDB
                let slot = offset + carrier.service
                let current = isIndoor ? out[slot].1 : out[slot].0
                var merged = Stored(rsrp: rsrp, sinr: sinr, mbps: mbps, sector: state.bestSector[c])
                if current.sector >= 0 {
                    merged.mbps += current.mbps
                    if current.rsrp >= rsrp {
                        merged.rsrp = current.rsrp
                        merged.sinr = current.sinr
                        merged.sector = current.sector
                    }
                }
                if isIndoor { out[slot].1 = merged } else { out[slot].0 = merged }
            }
        }
    }
}
