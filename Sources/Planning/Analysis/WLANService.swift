import Foundation
import GeoCore
import Radio

/// A WLAN island: the access points of one building or square.
public struct WLANIsland: Sendable {
    public var name: String
    public var accessPoints: [WLANAccessPoint]
    /// The building it serves, when its APs stand in (or name) one.
    public var buildingIndex: Int?
    /// Indoor rate the island offers: the APs' throughput, limited by the backhaul, Mbit/s.
    public var indoorMbps: Double
    public var isPublic: Bool
    /// Outdoor coverage of its public APs (nil when none).
    public var outdoorCoverage: Geometry?
}

/// Street coverage by public WLAN.
public struct StreetCoverage: Sendable {
    public var streetID: String
    public var name: String?
    public var lengthM: Double
    public var coveredM: Double
}

/// WLAN service: indoor rates of the islands and outdoor coverage of public APs.
///
/// Indoor: each AP serves a user at `indoorDistanceM` behind `indoorWalls` walls (TGax enterprise
/// model); SNR → MCS (minimum sensitivities) → PHY rate × MAC efficiency; the island offers the sum of
/// its APs, limited by the largest `backhaul_mbps` among them. Outdoor: around each public AP the
/// distance where the rate falls below `outdoorMinimumMbps` under a log-distance model (exponent
/// `outdoorExponent`, free space at 1 m, plus the external wall for indoor APs); the islands' disks are
/// dissolved.
public enum WLANService {
    static func noise(_ bandwidthMHz: Int, _ s: WLANSettings) -> Double {
        Noise.powerDBm(bandwidthHz: Double(bandwidthMHz) * 1e6, noiseFigureDB: s.terminalNoiseFigureDB)
    }

    /// Application throughput of one AP for a user indoors, Mbit/s.
    public static func indoorMbps(_ ap: WLANAccessPoint, _ s: WLANSettings) -> Double {
        let bandwidth = s.bandwidthMHz[ap.bandMHz] ?? 20
        let pl =
            (try? TGax.pathLoss(
                .enterprise, frequencyMHz: ap.bandMHz, distanceM: s.indoorDistanceM, walls: s.indoorWalls
            ).value) ?? 0
        let snr = ap.eirpDBm - pl - noise(bandwidth, s)
        let usable = ap.standard == .n ? min(bandwidth, 40) : bandwidth
        guard let mcs = WLANRate.mcs(forSNR: snr, standard: ap.standard, bandwidthMHz: usable),
            let phy = try? WLANRate.phyRateMbps(
                ap.standard, mcs: mcs, bandwidthMHz: usable, spatialStreams: min(s.spatialStreams, 4))
        else { return 0 }
        return phy * s.macEfficiency
    }

    /// Outdoor radius of a public AP where the rate still reaches the minimum, m.
    public static func outdoorRadiusM(_ ap: WLANAccessPoint, _ s: WLANSettings) -> Double {
        let bandwidth = ap.standard == .n ? min(s.bandwidthMHz[ap.bandMHz] ?? 20, 40) : s.bandwidthMHz[ap.bandMHz] ?? 20
        guard
            let mcs = (0...WLANRate.maximumMCS(ap.standard)).first(where: {
                ((try? WLANRate.phyRateMbps(ap.standard, mcs: $0, bandwidthMHz: bandwidth, spatialStreams: 1)) ?? 0)
                    * s.macEfficiency >= s.outdoorMinimumMbps
            })
        else { return 0 }
        let maximumLoss =
            ap.eirpDBm - (ap.indoor ? s.externalWallLossDB : 0)
            - (noise(bandwidth, s) + WLANRate.requiredSNR(mcs: mcs, bandwidthMHz: bandwidth))
        let reference = FreeSpace.loss(frequencyHz: ap.bandMHz * 1e6, distanceM: 1)
        guard maximumLoss > reference else { return 0 }
        return pow(10, (maximumLoss - reference) / (10 * s.outdoorExponent))
    }

    /// Groups APs into islands and attaches each to the building it names in `building_id`, else the
    /// footprint it stands in, else the nearest building within `joinDistanceM` (for point buildings).
    public static func islands(
        _ aps: [WLANAccessPoint], in context: SpatialContext, settings: WLANSettings, joinDistanceM: Double = 0
    ) throws -> [WLANIsland] {
        let buildings = context.buildings
        let index = context.index
        let byID = context.positionByID
        var order: [String] = []
        var groups: [String: [WLANAccessPoint]] = [:]
        for ap in aps {
            let name = ap.island ?? ap.attributes["building_id"]?.text ?? ap.id
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(ap)
        }
        return try order.map { name in
            let members = groups[name]!
            var building: Int?
            for ap in members {
                if let id = ap.attributes["building_id"]?.text, let i = byID[id] {
                    building = i
                    break
                }
                if let i = index.query(near: ap.location, radius: 0.5).first(where: {
                    buildings[$0].geometry.polygons.contains { $0.contains(ap.location) }
                }) {
                    building = i
                    break
                }
            }
            if building == nil && joinDistanceM > 0 {
                var best = joinDistanceM
                for ap in members {
                    for i in index.query(near: ap.location, radius: joinDistanceM) {
                        let d = buildings[i].geometry.planarDistance(to: ap.location)
                        if d <= best {
                            best = d
                            building = i
                        }
                    }
                }
            }
            let throughput = members.reduce(0) { $0 + indoorMbps($1, settings) }
            let backhaul = members.compactMap(\.backhaulMbps).max()
            let publicAPs = members.filter(\.isPublic)
            var coverage: Geometry?
            if !publicAPs.isEmpty {
                let disks = try publicAPs.compactMap { ap -> Geometry? in
                    let r = outdoorRadiusM(ap, settings)
                    return r > 0 ? try Geometry.point(ap.location).buffer(r, quadrantSegments: 8) : nil
                }
                if !disks.isEmpty { coverage = try Geometry.union(disks) }
            }
            return WLANIsland(
                name: name, accessPoints: members, buildingIndex: building,
                indoorMbps: min(throughput, backhaul ?? throughput), isPublic: !publicAPs.isEmpty,
                outdoorCoverage: coverage)
        }
    }

    /// Length of each street inside the public WLAN coverage.
    public static func streetCoverage(_ streets: [Street], islands: [WLANIsland]) throws -> [StreetCoverage] {
        let areas = islands.compactMap(\.outdoorCoverage)
        let coverage = areas.isEmpty ? nil : try Geometry.union(areas)
        let prepared = try coverage.map { try PreparedGeometry($0) }
        return try streets.map { street in
            let length = try street.geometry.length()
            var covered = 0.0
            if let coverage, let prepared, try prepared.intersects(street.geometry) {
                covered = try street.geometry.intersection(coverage).length()
            }
            return StreetCoverage(
                streetID: street.id, name: street.attributes["name"]?.text, lengthM: length, coveredM: covered)
        }
    }
}
