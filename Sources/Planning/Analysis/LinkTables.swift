import GeoCore
import Radio

/// The network flattened for the fast link engine: every site's numbers, path-loss models, antenna
/// patterns and transmitters in contiguous memory that the inner loop reads through pointers (no
/// reference counting or bounds checks per link). Built once per network, read-only afterwards.
final class LinkTables: @unchecked Sendable {
    /// One step of a site's transmitters in carrier lanes: at most one transmitter per carrier, carrier c
    /// in lane c % 4 of lane group c / 4. A lane without a transmitter has an EIRP of 0 mW (its power is 0,
    /// which adds nothing and is never the strongest).
    struct LaneStep {
        /// 10^(EIRP/10), mW, per lane.
        var eirpMilliwatt: SIMD4<Double>
        /// Per lane: index into the network's sector ids.
        var sector: SIMD4<Int64>
        /// Per lane: index into the site's antennas (a lane without a transmitter repeats a used lane's).
        var antenna: SIMD4<Int32>
        /// The antenna of every lane where they share one (the usual case: a sector's carriers on one
        /// panel), else −1.
        var sharedAntenna: Int32
    }

    /// The steps of one site in one lane group (four carriers).
    struct LaneGroup {
        /// The group: carriers (and lanes) 4 × group ..< 4 × group + 4.
        var group: Int32
        /// The steps laneSteps[stepStart ..< stepEnd].
        var stepStart: Int32
        var stepEnd: Int32
        /// Per lane: index into the site's models (a lane without a transmitter repeats a used lane's).
        var model: SIMD4<Int32>
    }

    /// The constants of a site's distance powers and LOS probability, read four sites at a time.
    struct SiteLaw {
        var power: TR38901.Prepared.PowerLaw
        /// Meaningless where `laneLOS` is false (the scalar `TR38901.losProbability` decides there).
        var los: TR38901.LOSLaw
        var laneLOS: Bool
    }

    let siteCount: Int
    let siteX: UnsafeMutableBufferPointer<Double>
    let siteY: UnsafeMutableBufferPointer<Double>
    let siteHeight: UnsafeMutableBufferPointer<Double>
    let siteScenario: UnsafeMutableBufferPointer<TR38901.Scenario>
    /// Site s has models modelStart[s] ..< modelStart[s + 1], likewise transmitters (counted).
    let modelStart: UnsafeMutableBufferPointer<Int32>
    let transmitterStart: UnsafeMutableBufferPointer<Int32>
    /// Whether all models of a site take the same distance powers.
    let sharedPowers: UnsafeMutableBufferPointer<Bool>
    /// The largest breakpoint distance of a site's models: beyond it no model needs the near term.
    let maximumBreakpoint: UnsafeMutableBufferPointer<Double>
    let models: UnsafeMutableBufferPointer<TR38901.Prepared>
    /// Each site's models four at a time, the last group padded with copies of the site's last model:
    /// site s has groups modelLaneStart[s] ..< modelLaneStart[s + 1], its model k in lane k % 4 of group
    /// modelLaneStart[s] + k / 4.
    let modelLanes: UnsafeMutableBufferPointer<TR38901.Prepared.Lanes>
    let modelLaneStart: UnsafeMutableBufferPointer<Int32>
    /// Each site's antenna patterns four at a time, the last group padded with copies of the site's last
    /// antenna: site s has groups antennaLaneStart[s] ..< antennaLaneStart[s + 1], its antenna k in lane
    /// k % 4 of group antennaLaneStart[s] + k / 4.
    let antennaLanes: UnsafeMutableBufferPointer<SectorAntenna.Lanes>
    let antennaLaneStart: UnsafeMutableBufferPointer<Int32>
    /// Each site's transmitters in carrier lanes: site s has the groups laneGroups[laneGroupStart[s] ..<
    /// laneGroupStart[s + 1]], ascending. The k-th transmitter of a carrier at a site (in the site's
    /// order) is in step k of its group, so that every carrier's powers are added in the site's order.
    let laneGroups: UnsafeMutableBufferPointer<LaneGroup>
    let laneGroupStart: UnsafeMutableBufferPointer<Int32>
    let laneSteps: UnsafeMutableBufferPointer<LaneStep>
    /// The carriers rounded up to whole lane groups.
    let laneCount: Int
    let laws: UnsafeMutableBufferPointer<SiteLaw>
    /// The most models any site has, rounded up to whole groups of four (for the per-site scratch buffer).
    let maximumModels: Int

    /// Sites are laid out in `order` (the site tree's query order, so that a receiver's candidates are
    /// read front to back); the site with network index i is at position place[i].
    let place: UnsafeMutableBufferPointer<Int32>

    init(_ networkSites: [MobileNetwork.SiteEntry], order: [Int], carriers: Int, userHeightM: Double) {
        precondition(order.sorted() == Array(networkSites.indices), "the order is not a permutation of the sites")
        let sites = order.map { networkSites[$0] }
        siteCount = sites.count
        func buffer<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
            _ = b.initialize(from: values)
            return b
        }
        var place = [Int32](repeating: 0, count: sites.count)
        for (k, i) in order.enumerated() { place[i] = Int32(k) }
        self.place = buffer(place)
        func starts(_ counts: [Int]) -> [Int32] {
            var out: [Int32] = [0]
            for c in counts { out.append(out.last! + Int32(c)) }
            return out
        }
        siteX = buffer(sites.map(\.location.x))
        siteY = buffer(sites.map(\.location.y))
        siteHeight = buffer(sites.map(\.heightM))
        siteScenario = buffer(sites.map(\.scenario))
        modelStart = buffer(starts(sites.map(\.models.count)))
        transmitterStart = buffer(starts(sites.map(\.transmitters.count)))
        sharedPowers = buffer(sites.map(\.sharedDistancePowers))
        maximumBreakpoint = buffer(sites.map { $0.models.map(\.breakpointDistanceM).max() ?? .infinity })
        models = buffer(sites.flatMap(\.models))
        let modelGroups = sites.map { site -> [TR38901.Prepared.Lanes] in
            let m = site.models
            return stride(from: 0, to: m.count, by: 4).map { g in
                TR38901.Prepared.Lanes(
                    m[g], m[min(g + 1, m.count - 1)], m[min(g + 2, m.count - 1)], m[min(g + 3, m.count - 1)])
            }
        }
        modelLanes = buffer(modelGroups.flatMap { $0 })
        modelLaneStart = buffer(starts(modelGroups.map(\.count)))
        let groups = sites.map { site -> [SectorAntenna.Lanes] in
            let p = site.antennas.map(SectorAntenna.Prepared.init)
            return stride(from: 0, to: p.count, by: 4).map { g in
                SectorAntenna.Lanes(
                    p[g], p[min(g + 1, p.count - 1)], p[min(g + 2, p.count - 1)], p[min(g + 3, p.count - 1)])
            }
        }
        antennaLanes = buffer(groups.flatMap { $0 })
        antennaLaneStart = buffer(starts(groups.map(\.count)))
        laneCount = (carriers + 3) & ~3
        var laneGroups: [LaneGroup] = []
        var laneSteps: [LaneStep] = []
        var laneGroupStarts: [Int32] = [0]
        for site in sites {
            // Per carrier, the site's transmitters on it, in the site's order.
            var onCarrier: [Int: [MobileNetwork.Transmitter]] = [:]
            for tx in site.transmitters { onCarrier[tx.carrier, default: []].append(tx) }
            for group in Set(onCarrier.keys.map { $0 / 4 }).sorted() {
                let lanes = (0..<4).map { onCarrier[4 * group + $0] ?? [] }
                let used = lanes.first { !$0.isEmpty }!.first!
                var model = SIMD4<Int32>(repeating: Int32(used.frequency))
                for (lane, txs) in lanes.enumerated() where !txs.isEmpty { model[lane] = Int32(txs[0].frequency) }
                let stepStart = laneSteps.count
                for k in 0..<lanes.map(\.count).max()! {
                    let present = lanes.map { k < $0.count ? $0[k] : nil }
                    let first = present.first { $0 != nil }!!
                    var step = LaneStep(
                        eirpMilliwatt: .zero, sector: .zero, antenna: SIMD4(repeating: Int32(first.antennaIndex)),
                        sharedAntenna: Int32(first.antennaIndex))
                    for (lane, tx) in present.enumerated() {
                        guard let tx else { continue }
                        step.eirpMilliwatt[lane] = tx.eirpMilliwatt
                        step.sector[lane] = Int64(tx.sector)
                        step.antenna[lane] = Int32(tx.antennaIndex)
                        if tx.antennaIndex != first.antennaIndex { step.sharedAntenna = -1 }
                    }
                    laneSteps.append(step)
                }
                laneGroups.append(
                    LaneGroup(
                        group: Int32(group), stepStart: Int32(stepStart), stepEnd: Int32(laneSteps.count), model: model)
                )
            }
            laneGroupStarts.append(Int32(laneGroups.count))
        }
        self.laneGroups = buffer(laneGroups)
        self.laneGroupStart = buffer(laneGroupStarts)
        self.laneSteps = buffer(laneSteps)
        laws = buffer(
            sites.map { site in
                let law = TR38901.losLaw(site.scenario, userHeightM: userHeightM)
                return SiteLaw(
                    power: site.models.first?.powerLaw
                        ?? .init(heightDifference2: 0, nearExponent: 0, nlosExponent: 0, rmaC: 0),
                    los: law ?? .init(clearDistanceM: 0, a: 0, shiftM: 0, scaleM: 1), laneLOS: law != nil)
            })
        maximumModels = ((sites.map(\.models.count).max() ?? 0) + 3) & ~3
    }

    deinit {
        for b in [siteX, siteY, siteHeight, maximumBreakpoint] { b.deallocate() }
        siteScenario.deallocate()
        for b in [modelStart, transmitterStart, place, antennaLaneStart, modelLaneStart] { b.deallocate() }
        sharedPowers.deallocate()
        models.deallocate()
        modelLanes.deallocate()
        antennaLanes.deallocate()
        laneGroups.deallocate()
        laneGroupStart.deallocate()
        laneSteps.deallocate()
        laws.deallocate()
    }
}
