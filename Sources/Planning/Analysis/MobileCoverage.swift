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
    /// The services (operator × technology), in the order of every receiver's slots.
    public var services: [ServiceKey] { names.services }
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
    /// The services' and sectors' names, shared by every building's `MobileQualities`.
    public let names: MobileNames
    public let receiverCount: Int
    /// How many receiver × transmitter links were evaluated.
    public let linkCount: Int

    public func quality(receiver: Int, service: Int, indoor isIndoor: Bool) -> LinkQuality? {
        let q = (isIndoor ? indoor : outdoor)[receiver * services.count + service]
        guard q.sector >= 0 else { return nil }
        return names.linkQuality(q)
    }

    /// The number of sectors (serving-sector indexes run from 0 to this).
    public var sectorCount: Int { names.sectorIDs.count }

    /// The serving sector (an index below `sectorCount`) and the rate of a service at a receiver, without
    /// making a `LinkQuality`; nil without service.
    public func servingLink(receiver: Int, service: Int, indoor isIndoor: Bool) -> (sector: Int, mbps: Double)? {
        let q = (isIndoor ? indoor : outdoor)[receiver * services.count + service]
        return q.sector >= 0 ? (Int(q.sector), q.mbps) : nil
    }

    /// Per technology in `technologies` with service, the best quality at a receiver over all operators, as
    /// `best(receiver:technology:indoor:)` finds it, kept compactly.
    public func qualities(receiver: Int, technologies: [Technology], indoor isIndoor: Bool) -> MobileQualities {
        var qualities = MobileQualities(names: names, capacity: technologies.count)
        for t in technologies {
            guard let (service, q) = bestSlot(receiver: receiver, technology: t, operatorName: nil, indoor: isIndoor)
            else { continue }
            qualities.append(t, service: service, quality: q)
        }
        return qualities
    }

    /// The best quality of a technology at a receiver over all operators (by Mbit/s), with its service.
    public func best(
        receiver: Int, technology: Technology, operatorName: String? = nil, indoor isIndoor: Bool
    ) -> (ServiceKey, LinkQuality)? {
        bestSlot(receiver: receiver, technology: technology, operatorName: operatorName, indoor: isIndoor).map {
            (service, q) in (services[service], names.linkQuality(q))
        }
    }

    /// The rate of `best(receiver:technology:operatorName:indoor:)`, Mbit/s, without making its quality;
    /// nil without service.
    public func bestRate(
        receiver: Int, technology: Technology, operatorName: String? = nil, indoor isIndoor: Bool
    ) -> Double? {
        bestSlot(receiver: receiver, technology: technology, operatorName: operatorName, indoor: isIndoor)?.1.mbps
    }

    /// The service (an index into `services`) with the highest rate of a technology at a receiver, of every
    /// operator or of one, the first on a tie; nil without service.
    private func bestSlot(
        receiver: Int, technology: Technology, operatorName: String?, indoor isIndoor: Bool
    ) -> (Int, Stored)? {
        let slots = isIndoor ? indoor : outdoor
        let services = names.services
        let first = receiver * services.count
        var best: (Int, Stored)?
        for (s, key) in services.enumerated()
        where key.technology == technology && (operatorName == nil || key.operatorName == operatorName) {
            let q = slots[first + s]
            if q.sector >= 0, q.mbps > (best?.1.mbps ?? -1) { best = (s, q) }
        }
        return best
    }

    /// How the links are evaluated: `fast` (the default) works out each site's geometry, distance
    /// powers and antenna gains once and sums the transmitters in the linear domain; `reference` is
    /// the plain form (every link's path loss in dB, every power through 10^(x/10)), kept to check
    /// the fast one against (the test requires 0.01 dB).
    public enum LinkEngine: Sendable { case fast, reference }

    /// - Parameter footprints: the receivers' footprints, `FootprintSet(receivers.map(\.footprint))`, where the
    ///   caller made them beforehand (beside other work); made here when nil.
    public init(
        network: MobileNetwork, receivers: [Receiver], footprints: FootprintSet? = nil, raster: HeightRaster?,
        settings: AnalysisSettings, progress: (any ProgressObserver)? = nil, stage: String = "mobile"
    ) {
        precondition(footprints.map { $0.count == receivers.count } ?? true, "one footprint entry per receiver")
        let engine = settings.linkEngine
        receiverCount = receivers.count
        let serviceCount = network.services.count
        progress?.begin(stage, total: receivers.count)
        defer { progress?.end() }
        names = MobileNames(services: network.services, sectorIDs: network.sectorIDs)
        let footprints = footprints ?? FootprintSet(receivers.map(\.footprint))
        let positions = receivers.map(\.position)
        // Each receiver's qualities are written where they are kept, outdoor and indoor, by the thread
        // that works them out (no two threads share a receiver), which also sets them to none first: the
        // memory is first touched on every core. The chunks return the links counted.
        let slotCount = receivers.count * serviceCount
        var indoor: [Stored] = []
        var links: [Int] = []
        let outdoor = [Stored](unsafeUninitializedCapacity: slotCount) { outdoorSlots, outdoorCount in
            indoor = [Stored](unsafeUninitializedCapacity: slotCount) { indoorSlots, indoorCount in
                nonisolated(unsafe) let slots = (outdoor: outdoorSlots, indoor: indoorSlots)
                links = parallelMap(count: receivers.count, chunkSize: 256) { range in
                    defer { progress?.advance(range.count) }
                    var state = CarrierState(count: network.carriers.count)
                    let scratch = Scratch(network.tables)
                    if engine == .fast {
                        Self.gatherNearby(positions[range], network: network, settings: settings, into: scratch)
                    }
                    return range.map { r in
                        switch engine {
                        case .fast:
                            Self.evaluateFast(
                                r, positions[r], footprints, network: network, raster: raster, settings: settings,
                                state: &state, scratch: scratch)
                        case .reference:
                            Self.evaluate(
                                receivers[r], network: network, raster: raster, settings: settings, state: &state)
                        }
                        guard serviceCount > 0 else { return state.links }
                        let (outdoorOfR, indoorOfR) = (
                            slots.outdoor.baseAddress! + r * serviceCount, slots.indoor.baseAddress! + r * serviceCount
                        )
                        outdoorOfR.initialize(repeating: .none, count: serviceCount)
                        indoorOfR.initialize(repeating: .none, count: serviceCount)
                        Self.summarise(
                            network: network, state: state, settings: settings, outdoor: outdoorOfR, indoor: indoorOfR)
                        return state.links
                    }
                }
                indoorCount = slotCount
            }
            outdoorCount = slotCount
        }
        linkCount = links.reduce(0, +)
        self.outdoor = outdoor
        self.indoor = indoor
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

    /// Buffers the fast engine reuses from receiver to receiver (no allocation in the loop): per
    /// candidate site, per candidate antenna and per carrier, padded to whole groups of four lanes.
    final class Scratch {
        /// The tree's answer where it is asked (`candidates(_:network:settings:into:sorted:)`).
        var found: [Int] = []
        /// The receiver's candidate sites, in the tables' layout: the first `candidateCount`.
        let candidates: UnsafeMutableBufferPointer<Int>
        var candidateCount = 0
        /// The sites within the candidate radius of some receiver of the chunk (`gatherNearby`), in the
        /// tables' layout, ascending, and their coordinates in groups of four (padded with +∞); empty
        /// where the chunk's receivers lie too far apart.
        var nearby: [Int] = []
        var nearbyX: [Double] = []
        var nearbyY: [Double] = []
        let pathGain: UnsafeMutableBufferPointer<Double>
        /// Per carrier (in `LinkTables.laneCount` lanes): the strongest power, the sum of all powers and
        /// the strongest power's sector (−1: none yet).
        let bestMilliwatt: UnsafeMutableBufferPointer<Double>
        let totalMilliwatt: UnsafeMutableBufferPointer<Double>
        let bestSector: UnsafeMutableBufferPointer<Int64>
        /// Per candidate: offset and distance to the façade point, whether a breakpoint lies beyond it,
        /// the LOS probability where the lanes do not decide it (else −1), and the lanes' results.
        let dx, dy, distance, fixedLOS, losProbability, near, far, nlos: UnsafeMutableBufferPointer<Double>
        let needsNear: UnsafeMutableBufferPointer<Bool>
        /// Per candidate: where its antennas' gains start in `antennaGain`.
        let antennaOffset: UnsafeMutableBufferPointer<Int32>
        /// Per candidate antenna: its gain towards the receiver, in the groups of four of
        /// `LinkTables.antennaLanes`.
        let antennaGain: UnsafeMutableBufferPointer<Double>

        init(_ tables: LinkTables) {
            pathGain = .allocate(capacity: max(tables.maximumModels, 1))
            bestMilliwatt = .allocate(capacity: max(tables.laneCount, 4))
            totalMilliwatt = .allocate(capacity: max(tables.laneCount, 4))
            bestSector = .allocate(capacity: max(tables.laneCount, 4))
            let sites = tables.siteCount + 4
            func doubles(_ n: Int) -> UnsafeMutableBufferPointer<Double> {
                let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
                b.initialize(repeating: 0)
                return b
            }
            (dx, dy, distance, fixedLOS) = (doubles(sites), doubles(sites), doubles(sites), doubles(sites))
            (losProbability, near, far, nlos) = (doubles(sites), doubles(sites), doubles(sites), doubles(sites))
            needsNear = .allocate(capacity: sites)
            needsNear.initialize(repeating: false)
            antennaOffset = .allocate(capacity: sites)
            antennaOffset.initialize(repeating: 0)
            antennaGain = doubles(4 * max(tables.antennaLanes.count, 1))
            // Room for every site, and for the three lanes written past the last one kept.
            candidates = .allocate(capacity: tables.siteCount + 4)
        }

        deinit {
            for b in [pathGain, bestMilliwatt, totalMilliwatt, dx, dy, distance, fixedLOS] { b.deallocate() }
            for b in [losProbability, near, far, nlos, antennaGain] { b.deallocate() }
            bestSector.deallocate()
            candidates.deallocate()
            needsNear.deallocate()
            antennaOffset.deallocate()
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

    /// Fills `scratch.nearby` for a chunk of receivers: the sites within the candidate radius of the
    /// chunk's box (the radius `fastCandidates` filters them with), from the site tree once (in the
    /// tables' layout, ascending). Left empty where the receivers spread over more than twice the radius
    /// in x or y (they were given in no spatial order), and where no site is near: each receiver then
    /// asks the tree itself.
    static func gatherNearby(
        _ positions: ArraySlice<Coordinate>, network: MobileNetwork, settings: AnalysisSettings, into scratch: Scratch
    ) {
        let radius = settings.candidateRadiusM
        scratch.nearby.removeAll(keepingCapacity: true)
        scratch.nearbyX.removeAll(keepingCapacity: true)
        scratch.nearbyY.removeAll(keepingCapacity: true)
        guard let box = BoundingBox(covering: positions), box.maxX - box.minX <= 2 * radius,
            box.maxY - box.minY <= 2 * radius
        else { return }
        let t = network.tables
        // The query box holds every receiver's box of ±radius (rounding is monotonic).
        let query = BoundingBox(
            minX: box.minX - radius, minY: box.minY - radius, maxX: box.maxX + radius, maxY: box.maxY + radius)
        scratch.nearby = network.tree.query(query).map { Int(t.place[$0]) }.sorted()
        for p in scratch.nearby {
            scratch.nearbyX.append(t.siteX[p])
            scratch.nearbyY.append(t.siteY[p])
        }
        while scratch.nearbyX.count % 4 != 0 {
            scratch.nearbyX.append(.infinity)
            scratch.nearbyY.append(.infinity)
        }
    }

    /// The fast engine's candidate sites of a receiver, in the tables' layout and ascending: the sites
    /// that `candidates(_:network:settings:into:sorted:)` finds, in the order the tree finds them. From
    /// the chunk's `nearby` sites where there are any: a site is a point, and the tree takes one whose
    /// box meets the box of ±radius around `p` and lies within the radius (`BoundingBox.intersects`,
    /// `BoundingBox.distance(to:)`); the lanes below test the same, operation for operation, and keep
    /// the tree's order, which is the tables' layout.
    static func fastCandidates(_ p: Coordinate, network: MobileNetwork, settings: AnalysisSettings, scratch: Scratch) {
        let radius = settings.candidateRadiusM
        if !scratch.nearby.isEmpty {
            let (minX, maxX) = (p.x - radius, p.x + radius)
            let (minY, maxY) = (p.y - radius, p.y + radius)
            let out = scratch.candidates.baseAddress!
            var count = 0
            scratch.nearby.withUnsafeBufferPointer { nearby in
                scratch.nearbyX.withUnsafeBufferPointer { xs in
                    scratch.nearbyY.withUnsafeBufferPointer { ys in
                        for j in stride(from: 0, to: xs.count, by: 4) {
                            let x = UnsafeRawPointer(xs.baseAddress! + j).loadUnaligned(as: SIMD4<Double>.self)
                            let y = UnsafeRawPointer(ys.baseAddress! + j).loadUnaligned(as: SIMD4<Double>.self)
                            let dx = x - p.x
                            let dy = y - p.y
                            let within =
                                (x .<= maxX) .& (x .>= minX) .& (y .<= maxY) .& (y .>= minY)
                                .& ((dx * dx + dy * dy).squareRoot() .<= radius)
                            guard any(within) else { continue }
                            // Each lane's site is written, and kept by counting it (a padding lane is never).
                            for lane in 0..<4 {
                                out[count] = j + lane < nearby.count ? nearby[j + lane] : 0
                                count += within[lane] ? 1 : 0
                            }
                        }
                    }
                }
            }
            scratch.candidateCount = count
            if count >= settings.minimumCandidateSites { return }
            network.tree.query(near: p, radius: settings.extendedRadiusM, into: &scratch.found, sorted: false)
        } else {
            candidates(p, network: network, settings: settings, into: &scratch.found, sorted: false)
        }
        // From the network's site indexes to the tables' layout: ascending, in the order found.
        let place = network.tables.place
        for (i, site) in scratch.found.enumerated() { scratch.candidates[i] = Int(place[site]) }
        scratch.candidateCount = scratch.found.count
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

    /// The fast link engine, in four passes over the receiver's candidate sites: (1) the façade point,
    /// offset and distance per site; (2) four sites at a time in SIMD lanes, the distance powers, LOS
    /// probability, bearing and zenith angle (`LaneMath`, no libm call); (3) the antenna gains, four
    /// antennas at a time (`SectorAntenna.Lanes`); (4) per frequency the path gain from
    /// the distance powers (two multiplications), four frequencies at a time (`TR38901.Prepared.Lanes`),
    /// and the transmitters' powers in mW, four carriers at a time (`addPowers`), read from the flat
    /// `LinkTables`. The candidates come from the chunk's nearby
    /// sites (`fastCandidates`). Transmitters are summed in the same order as by `evaluate`.
    static func evaluateFast(
        _ r: Int, _ position: Coordinate, _ footprints: FootprintSet, network: MobileNetwork, raster: HeightRaster?,
        settings: AnalysisSettings, state: inout CarrierState, scratch: Scratch
    ) {
        let t = network.tables
        let carriers = state.bestDBm.count
        let best = scratch.bestMilliwatt
        let total = scratch.totalMilliwatt
        let sector = scratch.bestSector
        for c in 0..<t.laneCount {
            best[c] = 0
            total[c] = 0
            sector[c] = -1
        }
        fastCandidates(position, network: network, settings: settings, scratch: scratch)
        state.links = 0
        let candidates = UnsafeBufferPointer(rebasing: scratch.candidates[..<scratch.candidateCount])
        if !candidates.isEmpty {
            measure(candidates, r, position, footprints, t, raster, settings, scratch)
            evaluateLanes(candidates, t, settings, scratch)
            state.links = accumulate(candidates, t, scratch)
        }
        for c in 0..<carriers {
            state.bestDBm[c] = best[c] > 0 ? Decibel.fromLinear(best[c]) : -.infinity
            state.totalMilliwatt[c] = total[c]
            state.bestSector[c] = Int32(sector[c])
        }
    }

    /// Pass 1: per candidate the façade point's offset and distance (four candidates at a time), whether
    /// the near LOS term is needed, and the LOS probability where the lanes do not decide it (traced
    /// through the height raster, or a scenario without the lane form); the last group of four is
    /// padded with copies.
    @inline(__always) static func measure(
        _ candidates: UnsafeBufferPointer<Int>, _ r: Int, _ position: Coordinate, _ footprints: FootprintSet,
        _ t: LinkTables, _ raster: HeightRaster?, _ settings: AnalysisSettings, _ scratch: Scratch
    ) {
        let n = candidates.count
        let ue = settings.userHeightM
        let traced = settings.losMethod == .footprints
        let traceDistance = settings.losTraceDistanceM
        // Four candidates at a time (the last group padded with copies of the last candidate): the
        // façade points nearest to their sites, the offsets and distances in lanes.
        for i in stride(from: 0, to: n, by: 4) {
            let s = SIMD4<Int>(
                candidates[i], candidates[min(i + 1, n - 1)], candidates[min(i + 2, n - 1)],
                candidates[min(i + 3, n - 1)])
            let siteX = SIMD4(t.siteX[s[0]], t.siteX[s[1]], t.siteX[s[2]], t.siteX[s[3]])
            let siteY = SIMD4(t.siteY[s[0]], t.siteY[s[1]], t.siteY[s[2]], t.siteY[s[3]])
            let point =
                footprints.nearestPoints(r, toX: siteX, y: siteY) ?? (
                    SIMD4(repeating: position.x), SIMD4(repeating: position.y)
                )
            let dx = point.x - siteX
            let dy = point.y - siteY
            var distance = (dx * dx + dy * dy).squareRoot()
            // max(10, distance) as Swift's `max` takes it.
            distance.replace(with: 10, where: .!(distance .>= 10))
            store(dx, scratch.dx, i)
            store(dy, scratch.dy, i)
            store(distance, scratch.distance, i)
            for j in 0..<min(4, n - i) {
                let s = s[j]
                scratch.needsNear[i + j] = distance[j] <= t.maximumBreakpoint[s]
                if traced && distance[j] <= traceDistance {
                    let location = Coordinate(siteX[j], siteY[j])
                    let clear =
                        raster?.lineOfSight(
                            from: location, height: t.siteHeight[s], to: Coordinate(point.x[j], point.y[j]), height: ue)
                        ?? true
                    scratch.fixedLOS[i + j] = clear ? 1 : 0
                } else if !t.laws[s].laneLOS {
                    scratch.fixedLOS[i + j] = TR38901.losProbability(
                        t.siteScenario[s], distance2DM: distance[j], userHeightM: ue)
                } else {
                    scratch.fixedLOS[i + j] = -1
                }
            }
        }
        for i in n..<((n + 3) & ~3) { scratch.needsNear[i] = false }
    }

    /// Passes 2 and 3: four candidates at a time, their distance powers, LOS probabilities, bearings
    /// and zenith angles; then each candidate's antenna gains, four antennas at a time.
    @inline(__always) static func evaluateLanes(
        _ candidates: UnsafeBufferPointer<Int>, _ t: LinkTables, _ settings: AnalysisSettings, _ scratch: Scratch
    ) {
        let n = candidates.count
        let ue = settings.userHeightM
        let laws = UnsafePointer(t.laws.baseAddress!)
        let lanes = UnsafePointer(t.antennaLanes.baseAddress!)
        var antennas = 0
        for i in stride(from: 0, to: n, by: 4) {
            let s = SIMD4<Int>(
                candidates[i], candidates[min(i + 1, n - 1)], candidates[min(i + 2, n - 1)],
                candidates[min(i + 3, n - 1)])
            let (bearing, zenith) = siteLanes(s, from: i, laws, ue, t, scratch)
            antennas = antennaGains(s, min(4, n - i), bearing, zenith, from: i, at: antennas, lanes, t, scratch)
        }
    }

    /// Pass 2 for a group of four candidates (sites `s`, the first at `first`): their distance powers and
    /// LOS probabilities, stored; their bearings and zenith angles, returned. A function of its own, so
    /// that the lane functions are inlined here and their independent chains overlap.
    @inline(never) static func siteLanes(
        _ s: SIMD4<Int>, from i: Int, _ laws: UnsafePointer<LinkTables.SiteLaw>, _ ue: Double, _ t: LinkTables,
        _ scratch: Scratch
    ) -> (bearing: SIMD4<Double>, zenith: SIMD4<Double>) {
        func gather(_ value: (LinkTables.SiteLaw) -> Double) -> SIMD4<Double> {
            SIMD4(value(laws[s[0]]), value(laws[s[1]]), value(laws[s[2]]), value(laws[s[3]]))
        }
        let dx = load(scratch.dx, i)
        let dy = load(scratch.dy, i)
        let distance = load(scratch.distance, i)
        let needsNear =
            scratch.needsNear[i] || scratch.needsNear[i + 1] || scratch.needsNear[i + 2] || scratch.needsNear[i + 3]
        let powers = TR38901.Prepared.distancePowers(
            distance2DM: distance, heightDifference2: gather(\.power.heightDifference2),
            nearExponent: gather(\.power.nearExponent), nlosExponent: gather(\.power.nlosExponent),
            rmaC: gather(\.power.rmaC), needsNear: needsNear)
        let p = TR38901.losProbability(
            distance2DM: distance, clearDistanceM: gather(\.los.clearDistanceM), a: gather(\.los.a),
            shiftM: gather(\.los.shiftM), scaleM: gather(\.los.scaleM))
        let height = SIMD4(t.siteHeight[s[0]], t.siteHeight[s[1]], t.siteHeight[s[2]], t.siteHeight[s[3]])
        let bearing = LaneMath.atan2(dx, dy) * 180 / Double.pi
        let zenith = 90 + LaneMath.atan2(height - ue, distance) * 180 / Double.pi
        store(powers.near, scratch.near, i)
        store(powers.far, scratch.far, i)
        store(powers.nlos, scratch.nlos, i)
        store(p, scratch.losProbability, i)
        return (bearing, zenith)
    }

    /// Pass 3 for a group of `count` candidates (sites `s`, the first at `first`): each site's antennas four
    /// at a time, at the receiver's bearing and zenith angle from the site, stored from `antennas` on;
    /// returns where the next site's gains go. A function of its own, so that the patterns' arithmetic is
    /// inlined here and the sites' gains overlap (in the receiver loop it stayed a call per site).
    @inline(never) static func antennaGains(
        _ s: SIMD4<Int>, _ count: Int, _ bearing: SIMD4<Double>, _ zenith: SIMD4<Double>, from first: Int,
        at antennas: Int, _ lanes: UnsafePointer<SectorAntenna.Lanes>, _ t: LinkTables, _ scratch: Scratch
    ) -> Int {
        var antennas = antennas
        // The usual case: four sites of one group of antennas each (a site's sectors on up to four
        // patterns). Their gains are four independent chains in one block (`fourGains`), which overlap,
        // where one site at a time waited on each chain in turn.
        let start = SIMD4<Int>(
            Int(t.antennaLaneStart[s[0]]), Int(t.antennaLaneStart[s[1]]), Int(t.antennaLaneStart[s[2]]),
            Int(t.antennaLaneStart[s[3]]))
        let end = SIMD4<Int>(
            Int(t.antennaLaneStart[s[0] + 1]), Int(t.antennaLaneStart[s[1] + 1]), Int(t.antennaLaneStart[s[2] + 1]),
            Int(t.antennaLaneStart[s[3] + 1]))
        if count == 4 && end &- start == SIMD4(repeating: 1) {
            fourGains(lanes, start, bearing, zenith, scratch.antennaGain.baseAddress! + antennas)
            for j in 0..<4 { scratch.antennaOffset[first + j] = Int32(antennas + 4 * j) }
            return antennas + 16
        }
        for j in 0..<count {
            scratch.antennaOffset[first + j] = Int32(antennas)
            let bearing = SIMD4(repeating: bearing[j])
            let zenith = SIMD4(repeating: zenith[j])
            var g = start[j]
            while g < end[j] {
                store(lanes[g].gain(bearingDeg: bearing, zenithDeg: zenith), scratch.antennaGain, antennas)
                antennas += 4
                g += 1
            }
        }
        return antennas
    }

    /// The gains of four sites' single groups of antennas (groups `g`) at the receiver's bearings and
    /// zenith angles from them, stored one group after the other from `out`, as `antennaGains` stores
    /// them one site at a time: the same arithmetic, four independent chains in one block.
    @inline(never) static func fourGains(
        _ lanes: UnsafePointer<SectorAntenna.Lanes>, _ g: SIMD4<Int>, _ bearing: SIMD4<Double>, _ zenith: SIMD4<Double>,
        _ out: UnsafeMutablePointer<Double>
    ) {
        let g0 = lanes[g[0]].gain(bearingDeg: SIMD4(repeating: bearing[0]), zenithDeg: SIMD4(repeating: zenith[0]))
        let g1 = lanes[g[1]].gain(bearingDeg: SIMD4(repeating: bearing[1]), zenithDeg: SIMD4(repeating: zenith[1]))
        let g2 = lanes[g[2]].gain(bearingDeg: SIMD4(repeating: bearing[2]), zenithDeg: SIMD4(repeating: zenith[2]))
        let g3 = lanes[g[3]].gain(bearingDeg: SIMD4(repeating: bearing[3]), zenithDeg: SIMD4(repeating: zenith[3]))
        let raw = UnsafeMutableRawPointer(out)
        raw.storeBytes(of: g0, as: SIMD4<Double>.self)
        raw.storeBytes(of: g1, toByteOffset: 32, as: SIMD4<Double>.self)
        raw.storeBytes(of: g2, toByteOffset: 64, as: SIMD4<Double>.self)
        raw.storeBytes(of: g3, toByteOffset: 96, as: SIMD4<Double>.self)
    }

    /// Stores four doubles into a buffer, starting at `i`.
    @inline(__always) static func store(_ v: SIMD4<Double>, _ b: UnsafeMutableBufferPointer<Double>, _ i: Int) {
        UnsafeMutableRawPointer(b.baseAddress! + i).storeBytes(of: v, as: SIMD4<Double>.self)
    }

    /// Four doubles from a buffer, starting at `i`.
    @inline(__always) static func load(_ b: UnsafeMutableBufferPointer<Double>, _ i: Int) -> SIMD4<Double> {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Pass 4: per candidate, the expected path gain per frequency over the LOS/NLOS states (four
    /// frequencies at a time where the site's models share their distance powers, else one at a time), and
    /// each transmitter's power added to its carrier (`addPowers`). Returns the number of links.
    @inline(__always) static func accumulate(
        _ candidates: UnsafeBufferPointer<Int>, _ t: LinkTables, _ scratch: Scratch
    ) -> Int {
        let models = UnsafePointer(t.models.baseAddress!)
        let modelLanes = UnsafePointer(t.modelLanes.baseAddress!)
        let pathGain = scratch.pathGain
        var links = 0
        for i in 0..<candidates.count {
            let s = candidates[i]
            let distance = scratch.distance[i]
            let p = scratch.fixedLOS[i] >= 0 ? scratch.fixedLOS[i] : scratch.losProbability[i]
            let firstModel = Int(t.modelStart[s])
            var powers = TR38901.Prepared.DistancePowers(
                near: scratch.near[i], far: scratch.far[i], nlos: scratch.nlos[i])
            if t.sharedPowers[s] {
                // The site's models four at a time from the same distance powers (padding lanes fill the
                // scratch past the site's models).
                var g = Int(t.modelLaneStart[s])
                let groupEnd = Int(t.modelLaneStart[s + 1])
                var k = 0
                while g < groupEnd {
                    let gains = modelLanes[g].pathGains(powers, distance2DM: distance)
                    // Expected received power over the LOS/NLOS states, as below.
                    let expected =
                        p >= 1
                        ? gains.los
                        : p <= 0 ? gains.nlos : SIMD4(repeating: p) * gains.los + SIMD4(repeating: 1 - p) * gains.nlos
                    store(expected, pathGain, k)
                    k += 4
                    g += 1
                }
            } else {
                // `while` rather than `for … in a..<b`: the range's iterator compares through a witness call here.
                var m = firstModel
                let modelEnd = Int(t.modelStart[s + 1])
                while m < modelEnd {
                    if m > firstModel { powers = models[m].distancePowers(distance2DM: distance) }
                    let g = models[m].pathGains(powers, distance2DM: distance)
                    // Expected received power over the LOS/NLOS states.
                    pathGain[m - firstModel] = p >= 1 ? g.los : p <= 0 ? g.nlos : p * g.los + (1 - p) * g.nlos
                    m += 1
                }
            }
            links += Int(t.transmitterStart[s + 1] - t.transmitterStart[s])
            addPowers(site: s, antennaBase: Int(scratch.antennaOffset[i]), t, scratch)
        }
        return links
    }

    /// Adds the powers of site `s`'s transmitters (in the tables' layout) to their carriers, four carriers
    /// at a time in the carrier lanes of `LinkTables.laneGroups`: each lane does what one transmitter at a
    /// time does, in the site's order of the carrier's transmitters. The power is EIRP × antenna gain
    /// (`scratch.antennaGain` from `antennaBase`, in the site's antenna order) × path gain
    /// (`scratch.pathGain`, in the site's model order); it is added to the carrier's sum, and it is the
    /// carrier's strongest where it is stronger (`>`) than the strongest so far.
    @inline(__always) static func addPowers(site s: Int, antennaBase: Int, _ t: LinkTables, _ scratch: Scratch) {
        let groups = UnsafePointer(t.laneGroups.baseAddress!)
        let steps = UnsafePointer(t.laneSteps.baseAddress!)
        let pathGain = scratch.pathGain
        let gains = scratch.antennaGain
        let best = UnsafeMutableRawPointer(scratch.bestMilliwatt.baseAddress!)
        let total = UnsafeMutableRawPointer(scratch.totalMilliwatt.baseAddress!)
        let sector = UnsafeMutableRawPointer(scratch.bestSector.baseAddress!)
        var k = Int(t.laneGroupStart[s])
        let groupEnd = Int(t.laneGroupStart[s + 1])
        while k < groupEnd {
            let group = groups[k]
            let model = group.model
            let gain = SIMD4(
                pathGain[Int(model[0])], pathGain[Int(model[1])], pathGain[Int(model[2])], pathGain[Int(model[3])])
            let offset = 32 * Int(group.group)
            var totalLanes = total.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            var bestLanes = best.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            var sectorLanes = sector.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int64>.self)
            var j = Int(group.stepStart)
            while j < Int(group.stepEnd) {
                let step = steps + j
                let antennaGain: SIMD4<Double>
                let sharedAntenna = Int(step.pointee.sharedAntenna)
                if sharedAntenna >= 0 {
                    antennaGain = SIMD4(repeating: gains[antennaBase + sharedAntenna])
                } else {
                    let a = step.pointee.antenna
                    antennaGain = SIMD4(
                        gains[antennaBase + Int(a[0])], gains[antennaBase + Int(a[1])], gains[antennaBase + Int(a[2])],
                        gains[antennaBase + Int(a[3])])
                }
                let power = step.pointee.eirpMilliwatt * antennaGain * gain
                totalLanes += power
                let stronger = power .> bestLanes
                bestLanes.replace(with: power, where: stronger)
                sectorLanes.replace(with: step.pointee.sector, where: stronger)
                j += 1
            }
            total.storeBytes(of: totalLanes, toByteOffset: offset, as: SIMD4<Double>.self)
            best.storeBytes(of: bestLanes, toByteOffset: offset, as: SIMD4<Double>.self)
            sector.storeBytes(of: sectorLanes, toByteOffset: offset, as: SIMD4<Int64>.self)
            k += 1
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
    /// rates, written over the receiver's slots (one per service, from `.none`) at `outdoor` and `indoor`.
    static func summarise(
        network: MobileNetwork, state: CarrierState, settings: AnalysisSettings, outdoor: UnsafeMutablePointer<Stored>,
        indoor: UnsafeMutablePointer<Stored>
    ) {
        // Read in place (the carriers are shared by every thread).
        network.carriers.withUnsafeBufferPointer { carriers in
            for c in carriers.indices where state.bestDBm[c] > -.infinity {
                summarise(
                    carrier: carriers.baseAddress! + c, c, state: state, settings: settings, outdoor: outdoor,
                    indoor: indoor)
            }
        }
    }

    /// The outdoor and indoor qualities of carrier `c` (at `carrier`, read in place) merged into its
    /// service's slots, as `summarise(network:state:settings:outdoor:indoor:)` does for every carrier.
    @inline(__always) private static func summarise(
        carrier: UnsafePointer<MobileNetwork.Carrier>, _ c: Int, state: CarrierState, settings: AnalysisSettings,
        outdoor: UnsafeMutablePointer<Stored>, indoor: UnsafeMutablePointer<Stored>
    ) {
        // The strongest power in mW, as the dBm figure gives it back (the same on both sides).
        let strongest = Decibel.toLinear(state.bestDBm[c])
        for side in 0..<2 {
            let isIndoor = side == 1
            let loss = isIndoor ? carrier.pointee.entryLossDB : 0
            let signal = state.bestDBm[c] - loss
            // 10^(−0/10) is 1 exactly.
            let interference =
                max(0, state.totalMilliwatt[c] - strongest) * (isIndoor ? carrier.pointee.entryLossFactor : 1)
            let sinr =
                signal - Decibel.fromLinear(carrier.pointee.noiseMilliwatt + settings.interferenceLoad * interference)
            let mbps = carrier.pointee.rate.mbps(sinrDB: sinr)
            let rsrp = signal - carrier.pointee.perResourceElementDB
            let slot = (isIndoor ? indoor : outdoor) + carrier.pointee.service
            let current = slot.pointee
            var merged = Stored(rsrp: rsrp, sinr: sinr, mbps: mbps, sector: state.bestSector[c])
            if current.sector >= 0 {
                merged.mbps += current.mbps
                if current.rsrp >= rsrp {
                    merged.rsrp = current.rsrp
                    merged.sinr = current.sinr
                    merged.sector = current.sector
                }
            }
            slot.pointee = merged
        }
    }
}
