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

    public func quality(receiver: Int, service: Int, indoor isIndoor: Bool) -> LinkQuality? {
        let q = (isIndoor ? indoor : outdoor)[receiver * services.count + service]
        guard q.sector >= 0 else { return nil }
        return LinkQuality(rsrpDBm: q.rsrp, sinrDB: q.sinr, downlinkMbps: q.mbps, sectorID: sectorIDs[Int(q.sector)])
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

    public init(
        network: MobileNetwork, receivers: [Receiver], raster: HeightRaster?, settings: AnalysisSettings,
        progress: (any ProgressObserver)? = nil, stage: String = "mobile"
    ) {
        services = network.services
        receiverCount = receivers.count
        let serviceCount = network.services.count
        progress?.begin(stage, total: receivers.count)
        defer { progress?.end() }
        sectorIDs = network.sectorIDs
        let results: [(Stored, Stored)] = parallelMap(count: receivers.count, chunkSize: 256) { range in
            defer { progress?.advance(range.count) }
            var out: [(Stored, Stored)] = []
            out.reserveCapacity(range.count * serviceCount)
            var state = CarrierState(count: network.carriers.count)
            for r in range {
                Self.evaluate(receivers[r], network: network, raster: raster, settings: settings, state: &state)
                out += Self.summarise(network: network, state: state, settings: settings)
            }
            return out
        }
        outdoor = results.map(\.0)
        indoor = results.map(\.1)
    }

    /// Per carrier: the strongest sector and the linear sum of all sectors.
    struct CarrierState {
        var bestDBm: [Double]
        var bestSector: [Int32]
        var totalMilliwatt: [Double]

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

    static func evaluate(
        _ receiver: Receiver, network: MobileNetwork, raster: HeightRaster?, settings: AnalysisSettings,
        state: inout CarrierState
    ) {
        state.reset()
        var candidates = network.tree.query(near: receiver.position, radius: settings.candidateRadiusM)
        if candidates.count < settings.minimumCandidateSites {
            candidates = network.tree.query(near: receiver.position, radius: settings.extendedRadiusM)
        }
        let ue = settings.userHeightM
        var pathLoss: [Double] = []
        for s in candidates {
            let site = network.sites[s]
            let point = receiver.footprint?.nearestPoint(to: site.location) ?? receiver.position
            let dx = point.x - site.location.x
            let dy = point.y - site.location.y
            let distance = max(10, (dx * dx + dy * dy).squareRoot())
            var losProbability: Double
            switch settings.losMethod {
            case .footprints where distance <= settings.losTraceDistanceM:
                let clear =
                    raster?.lineOfSight(from: site.location, height: site.heightM, to: point, height: ue) ?? true
                losProbability = clear ? 1 : 0
            case .footprints:
                losProbability = TR38901.losProbability(site.scenario, distance2DM: distance, userHeightM: ue)
            case .probability:
                losProbability = TR38901.losProbability(site.scenario, distance2DM: distance, userHeightM: ue)
            }
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

    static func summarise(network: MobileNetwork, state: CarrierState, settings: AnalysisSettings) -> [(Stored, Stored)]
    {
        var out = [(Stored, Stored)](repeating: (.none, .none), count: network.services.count)
        for (c, carrier) in network.carriers.enumerated() where state.bestDBm[c] > -.infinity {
            for isIndoor in [false, true] {
                let loss = isIndoor ? carrier.entryLossDB : 0
                let signal = state.bestDBm[c] - loss
                let interference =
                    max(0, state.totalMilliwatt[c] - Decibel.toLinear(state.bestDBm[c])) * Decibel.toLinear(-loss)
                let sinr =
                    signal
                    - Decibel.fromLinear(Decibel.toLinear(carrier.noiseDBm) + settings.interferenceLoad * interference)
                let mbps = carrier.profile.downlinkMbps(sinrDB: sinr)
                let rsrp = signal - carrier.perResourceElementDB
                let current = isIndoor ? out[carrier.service].1 : out[carrier.service].0
                var merged = Stored(rsrp: rsrp, sinr: sinr, mbps: mbps, sector: state.bestSector[c])
                if current.sector >= 0 {
                    merged.mbps += current.mbps
                    if current.rsrp >= rsrp {
                        merged.rsrp = current.rsrp
                        merged.sinr = current.sinr
                        merged.sector = current.sector
                    }
                }
                if isIndoor { out[carrier.service].1 = merged } else { out[carrier.service].0 = merged }
            }
        }
        return out
    }
}
