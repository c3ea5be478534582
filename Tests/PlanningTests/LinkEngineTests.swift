import Foundation
import GeoCore
import Radio
import TestSupport
import Testing

@testable import Planning

/// The fast link engine against the plain reference (each link's path loss in dB, every power through
/// 10^(x/10), libm throughout) on a generated 10,000-building city: every building's RSRP and SINR
/// within 0.01 dB, and every verdict the same.
@Suite struct LinkEngineTests {
    static func city() -> GeoData {
        var random = SplitMix64(state: 2018)
        let origin = Coordinate(400_000, 5_750_000)
        var data = GeoData(crs: .etrs89UTM32)
        // 100 × 100 buildings on a 30 m raster (3 km square), footprints 8–16 m, 3–24 m high.
        for row in 0..<100 {
            for column in 0..<100 {
                let cx = origin.x + Double(column) * 30 + random.unit() * 6
                let cy = origin.y + Double(row) * 30 + random.unit() * 6
                let half = 4 + random.unit() * 4
                let box = BoundingBox(minX: cx - half, minY: cy - half, maxX: cx + half, maxY: cy + half * 0.8)
                data.buildings.append(
                    Building(
                        id: "b\(row)-\(column)", geometry: .polygon(.rectangle(box)), use: .residential, households: 2,
                        floors: 1 + Int(random.unit() * 7), heightM: 3 + random.unit() * 21))
            }
        }
        // 30 sites of two operators, three sectors on LTE 800/1800 and NR 3600, 18–45 m high. Two of every
        // three sites put a sector's carriers on one panel (one tilt per sector: three patterns, one group of
        // antenna lanes, so that four such sites take `MobileCoverage.fourGains`); the third tilts every
        // carrier on its own (nine patterns in three groups, one site at a time).
        for k in 0..<30 {
            let location = Coordinate(origin.x - 500 + random.unit() * 4000, origin.y - 500 + random.unit() * 4000)
            let azimuth = random.unit() * 120
            let panelTilts = (0..<3).map { _ in 2 + random.unit() * 8 }
            var sectors: [Sector] = []
            for (t, carrier) in [(Technology.lte, 800.0), (.lte, 1800), (.nr, 3600)].enumerated() {
                for s in 0..<3 {
                    let carrierTilt = 2 + random.unit() * 8
                    sectors.append(
                        Sector(
                            id: "s\(k)-\(t)-\(s)", azimuthDeg: azimuth + Double(s) * 120,
                            tiltDeg: k % 3 == 2 ? carrierTilt : panelTilts[s], beamwidthDeg: 65, technology: carrier.0,
                            frequencyMHz: carrier.1, bandwidthMHz: carrier.0 == .nr ? 100 : 10,
                            eirpDBm: 58 + random.unit() * 8, antennaGainDBi: 17, layers: 2))
                }
            }
            data.sites.append(
                Site(
                    id: "site\(k)", location: location, operatorName: k % 2 == 0 ? "A" : "B",
                    heightM: 18 + random.unit() * 27, environment: nil, sectors: sectors, attributes: JSONObject()))
        }
        return data
    }

    @Test(arguments: [AnalysisSettings.LOSMethod.probability, .footprints]) func fastEqualsReference(
        _ los: AnalysisSettings.LOSMethod
    ) throws {
        let data = Self.city()
        var settings = AnalysisSettings()
        settings.gridResolutionM = 0
        settings.losMethod = los
        settings.interferenceLoad = 1
        var reference = settings
        reference.linkEngine = .reference
        let fast = try Analysis.run(data, settings: settings)
        let plain = try Analysis.run(data, settings: reference)
        #expect(fast.linkCount == plain.linkCount && fast.linkCount > 1_000_000)
        var worst = 0.0
        for i in fast.buildings.indices {
            let a = fast.buildings[i].service
            let b = plain.buildings[i].service
            for t in [Technology.lte, .nr] {
                for (x, y) in [(a.mobileOutdoor[t], b.mobileOutdoor[t]), (a.mobileIndoor[t], b.mobileIndoor[t])] {
                    let qa = try #require(x?.1)
                    let qb = try #require(y?.1)
                    worst = max(worst, abs(qa.rsrpDBm - qb.rsrpDBm), abs(qa.sinrDB - qb.sinrDB))
                    #expect(qa.sectorID == qb.sectorID, "building \(i) \(t)")
                }
            }
            #expect(a.funding == b.funding, "building \(i)")
        }
        #expect(worst <= 0.01, "largest difference \(worst) dB")
    }

    /// The transmitters' powers added in carrier lanes (`MobileCoverage.addPowers`) against one
    /// transmitter at a time in each site's order, the form the lanes replace: every carrier's sum,
    /// strongest power and its sector to the bit, over sites whose carriers span two lane groups, whose
    /// sectors put carriers on panels of their own (antenna gains gathered lane by lane), that lack a
    /// carrier in one sector or carry one twice, and whose powers tie (the first stays the strongest).
    @Test func carrierLanesAddAsOneTransmitterAtATime() throws {
        var random = SplitMix64(state: 38_901)
        var data = GeoData(crs: .etrs89UTM32)
        let bands: [(Technology, Double)] = [(.lte, 700), (.lte, 800), (.lte, 1800), (.lte, 2600), (.nr, 3600)]
        for k in 0..<12 {
            var sectors: [Sector] = []
            for s in 0..<3 {
                // Site 0 mod 3: one tilt per sector (shared panels); 1 mod 3: one per carrier; 2 mod 3: the
                // second sector without 1800 MHz and with 800 MHz twice.
                let sectorTilt = 2 + random.unit() * 8
                for (b, band) in bands.enumerated() where !(k % 3 == 2 && s == 1 && band.1 == 1800) {
                    let copies = k % 3 == 2 && s == 1 && band.1 == 800 ? 2 : 1
                    for copy in 0..<copies {
                        sectors.append(
                            Sector(
                                id: "site\(k)-\(s)-\(b)-\(copy)", azimuthDeg: Double(s) * 120,
                                tiltDeg: k % 3 == 1 ? 2 + random.unit() * 8 : sectorTilt, beamwidthDeg: 65,
                                technology: band.0, frequencyMHz: band.1, bandwidthMHz: 20,
                                // Few distinct EIRPs, so that powers tie.
                                eirpDBm: [60.0, 63][Int(random.unit() * 2)], antennaGainDBi: 17, layers: 2))
                    }
                }
            }
            data.sites.append(
                Site(
                    id: "site\(k)", location: Coordinate(400_000 + Double(k) * 300, 5_750_000),
                    operatorName: ["A", "B", "C"][k % 3], heightM: 30, environment: .uma, sectors: sectors,
                    attributes: JSONObject()))
        }
        let settings = AnalysisSettings()
        let network = MobileNetwork(
            sites: data.sites, context: try SpatialContext(data: data, settings: settings), settings: settings)
        let t = network.tables
        #expect(t.laneCount == 16, "three operators' five carriers in four lane groups")
        let scratch = MobileCoverage.Scratch(t)
        for c in 0..<t.laneCount {
            scratch.totalMilliwatt[c] = 0
            scratch.bestMilliwatt[c] = 0
            scratch.bestSector[c] = -1
        }
        var total = [Double](repeating: 0, count: network.carriers.count)
        var best = total
        var sector = [Int32](repeating: -1, count: network.carriers.count)
        var gathered = false
        for (i, site) in network.sites.enumerated() {
            // Path gains that make every sum depend on its order; antenna gains from three values, so that
            // equal EIRPs on one carrier tie.
            for m in site.models.indices { scratch.pathGain[m] = 1e-12 * (1 + random.unit()) }
            for a in site.antennas.indices { scratch.antennaGain[a] = [0.25, 0.5, 1][Int(random.unit() * 3)] }
            MobileCoverage.addPowers(site: Int(t.place[i]), antennaBase: 0, t, scratch)
            for tx in site.transmitters {
                let power = tx.eirpMilliwatt * scratch.antennaGain[tx.antennaIndex] * scratch.pathGain[tx.frequency]
                total[tx.carrier] += power
                if power > best[tx.carrier] {
                    best[tx.carrier] = power
                    sector[tx.carrier] = tx.sector
                }
            }
            let p = Int(t.place[i])
            for g in Int(t.laneGroupStart[p])..<Int(t.laneGroupStart[p + 1]) {
                for j in Int(t.laneGroups[g].stepStart)..<Int(t.laneGroups[g].stepEnd) {
                    gathered = gathered || t.laneSteps[j].sharedAntenna < 0
                }
            }
        }
        #expect(gathered, "some step gathers its antenna gains lane by lane")
        for c in network.carriers.indices {
            #expect(scratch.totalMilliwatt[c].bitPattern == total[c].bitPattern, "carrier \(c) sum")
            #expect(scratch.bestMilliwatt[c].bitPattern == best[c].bitPattern, "carrier \(c) strongest")
            #expect(Int32(scratch.bestSector[c]) == sector[c], "carrier \(c) sector")
        }
    }

    /// A receiver's candidate sites filtered in lanes from its chunk's nearby sites
    /// (`MobileCoverage.gatherNearby`, `fastCandidates`) against the site tree's own query, mapped to the
    /// tables' layout: the same sites in the same order, also for sites exactly at the candidate radius
    /// and one step beyond it, for receivers that look out to the extended radius, and for a chunk spread
    /// too wide to gather (each receiver then asks the tree).
    @Test func chunkCandidatesAreTheTreesCandidates() throws {
        var random = SplitMix64(state: 4_000)
        var settings = AnalysisSettings()
        settings.candidateRadiusM = 4000
        let origin = Coordinate(400_000.3, 5_750_000.7)
        // Receivers in clusters of 2 km; the last cluster at the sites' edge, where fewer than six sites lie
        // within 4 km.
        let centres = [(5000.0, 5000.0), (12_000, 9000), (15_000, 15_000), (29_000, 16_000)]
        var chunks: [[Coordinate]] = centres.map { centre in
            (0..<64).map { _ in
                Coordinate(
                    origin.x + centre.0 + random.unit() * 2000 - 1000, origin.y + centre.1 + random.unit() * 2000 - 1000
                )
            }
        }
        var locations = (0..<300).map { _ in
            Coordinate(origin.x + random.unit() * 30_000, origin.y + random.unit() * 20_000)
        }.filter { $0.x < origin.x + 26_000 }
        // Sites exactly at the radius from a receiver, and one step further.
        for receiver in [chunks[0][0], chunks[1][5], chunks[2][9]] {
            locations.append(Coordinate(receiver.x + settings.candidateRadiusM, receiver.y))
            locations.append(Coordinate(receiver.x, (receiver.y - settings.candidateRadiusM).nextDown))
        }
        chunks.append(chunks.map { $0[0] })
        var data = GeoData(crs: .etrs89UTM32)
        for (k, location) in locations.enumerated() {
            let sector = Sector(
                id: "s\(k)", azimuthDeg: 0, tiltDeg: 4, beamwidthDeg: 65, technology: .lte, frequencyMHz: 800,
                bandwidthMHz: 10, eirpDBm: 60, antennaGainDBi: 17, layers: 2)
            data.sites.append(
                Site(
                    id: "site\(k)", location: location, operatorName: "A", heightM: 30, environment: .uma,
                    sectors: [sector], attributes: JSONObject()))
        }
        let network = MobileNetwork(
            sites: data.sites, context: try SpatialContext(data: data, settings: settings), settings: settings)
        let scratch = MobileCoverage.Scratch(network.tables)
        var extended = 0
        var found: [Int] = []
        for (k, chunk) in chunks.enumerated() {
            MobileCoverage.gatherNearby(chunk[...], network: network, settings: settings, into: scratch)
            #expect(scratch.nearby.isEmpty == (k == chunks.count - 1), "chunk \(k) gathered")
            for p in chunk {
                MobileCoverage.fastCandidates(p, network: network, settings: settings, scratch: scratch)
                let lanes = Array(scratch.candidates[..<scratch.candidateCount])
                MobileCoverage.candidates(p, network: network, settings: settings, into: &found, sorted: false)
                let tree = found.map { Int(network.tables.place[$0]) }
                #expect(lanes == tree, "receiver at \(p.x), \(p.y)")
                if tree.count > 0 && network.tree.query(near: p, radius: settings.candidateRadiusM).count < 6 {
                    extended += 1
                }
            }
        }
        #expect(extended > 0, "some receivers look out to the extended radius")
    }
}
