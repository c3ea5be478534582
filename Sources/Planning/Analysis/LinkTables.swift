import GeoCore
import Radio

/// The network flattened for the fast link engine: every site's numbers, path-loss models, antenna
/// patterns and transmitters in contiguous memory that the inner loop reads through pointers (no
/// reference counting or bounds checks per link). Built once per network, read-only afterwards.
final class LinkTables: @unchecked Sendable {
    /// One transmitter (a sector on a carrier), 32 bytes.
    struct Transmitter {
        /// 10^(EIRP/10), mW.
        var eirpMilliwatt: Double
        /// Index into `antennas` (global).
        var antenna: Int32
        /// Index into `models` (global).
        var model: Int32
        var carrier: Int32
        /// Index into the network's sector ids.
        var sector: Int32
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
    /// Site s has models modelStart[s] ..< modelStart[s + 1], likewise antennas and transmitters.
    let modelStart: UnsafeMutableBufferPointer<Int32>
    let antennaStart: UnsafeMutableBufferPointer<Int32>
    let transmitterStart: UnsafeMutableBufferPointer<Int32>
    /// Whether all models of a site take the same distance powers.
    let sharedPowers: UnsafeMutableBufferPointer<Bool>
    /// The largest breakpoint distance of a site's models: beyond it no model needs the near term.
    let maximumBreakpoint: UnsafeMutableBufferPointer<Double>
    let models: UnsafeMutableBufferPointer<TR38901.Prepared>
    /// Each site's antenna patterns four at a time, the last group padded with copies of the site's last
    /// antenna: site s has groups antennaLaneStart[s] ..< antennaLaneStart[s + 1], its antenna k in lane
    /// k % 4 of group antennaLaneStart[s] + k / 4.
    let antennaLanes: UnsafeMutableBufferPointer<SectorAntenna.Lanes>
    let antennaLaneStart: UnsafeMutableBufferPointer<Int32>
    let transmitters: UnsafeMutableBufferPointer<Transmitter>
    let laws: UnsafeMutableBufferPointer<SiteLaw>
    /// The most models any site has (for the per-site scratch buffer).
    let maximumModels: Int

    /// Sites are laid out in `order` (the site tree's query order, so that a receiver's candidates are
    /// read front to back); the site with network index i is at position place[i].
    let place: UnsafeMutableBufferPointer<Int32>

    init(_ networkSites: [MobileNetwork.SiteEntry], order: [Int], userHeightM: Double) {
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
        let modelStarts = starts(sites.map(\.models.count))
        let antennaStarts = starts(sites.map(\.antennas.count))
        modelStart = buffer(modelStarts)
        antennaStart = buffer(antennaStarts)
        transmitterStart = buffer(starts(sites.map(\.transmitters.count)))
        sharedPowers = buffer(sites.map(\.sharedDistancePowers))
        maximumBreakpoint = buffer(sites.map { $0.models.map(\.breakpointDistanceM).max() ?? .infinity })
        models = buffer(sites.flatMap(\.models))
        let groups = sites.map { site -> [SectorAntenna.Lanes] in
            let p = site.antennas.map(SectorAntenna.Prepared.init)
            return stride(from: 0, to: p.count, by: 4).map { g in
                SectorAntenna.Lanes(
                    p[g], p[min(g + 1, p.count - 1)], p[min(g + 2, p.count - 1)], p[min(g + 3, p.count - 1)])
            }
        }
        antennaLanes = buffer(groups.flatMap { $0 })
        antennaLaneStart = buffer(starts(groups.map(\.count)))
        transmitters = buffer(
            sites.indices.flatMap { s in
                sites[s].transmitters.map { tx in
                    Transmitter(
                        eirpMilliwatt: tx.eirpMilliwatt, antenna: antennaStarts[s] + Int32(tx.antennaIndex),
                        model: modelStarts[s] + Int32(tx.frequency), carrier: Int32(tx.carrier), sector: tx.sector)
                }
            })
        laws = buffer(
            sites.map { site in
                let law = TR38901.losLaw(site.scenario, userHeightM: userHeightM)
                return SiteLaw(
                    power: site.models.first?.powerLaw
                        ?? .init(heightDifference2: 0, nearExponent: 0, nlosExponent: 0, rmaC: 0),
                    los: law ?? .init(clearDistanceM: 0, a: 0, shiftM: 0, scaleM: 1), laneLOS: law != nil)
            })
        maximumModels = sites.map(\.models.count).max() ?? 0
    }

    deinit {
        for b in [siteX, siteY, siteHeight, maximumBreakpoint] { b.deallocate() }
        siteScenario.deallocate()
        for b in [modelStart, antennaStart, transmitterStart, place, antennaLaneStart] { b.deallocate() }
        sharedPowers.deallocate()
        models.deallocate()
        antennaLanes.deallocate()
        transmitters.deallocate()
        laws.deallocate()
    }
}
