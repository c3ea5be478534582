import Foundation
import GeoCore
import Radio

/// The result of analysing one scenario's GeoData.
public struct AnalysisResult: Sendable {
    public var buildings: [Building]
    public var services: [BuildingService]
    public var focusKinds: [String?]
    public var schools: [SchoolReport]
    public var areas: [UnderservedArea]
    public var districts: [AreaSummary]
    public var city: AreaSummary
    public var coveragePolygons: [(CoverageClass, Geometry)]
    public var grid: CoverageGrid?
    public var network: MobileNetwork
    public var islands: [WLANIsland]
    public var streets: [StreetCoverage]
    public var problems: [InputProblem]
    /// How line of sight was decided: the scenario's method, or `probability` when it asked for
    /// footprints and the buildings have none.
    public var losMethod: AnalysisSettings.LOSMethod
    /// Seconds per stage, in order.
    public var timings: [(stage: String, seconds: Double)]
}

/// Runs the analysis: fixed lines, mobile per building, WLAN, classification, areas, grid, summaries.
public enum Analysis {
    public static func run(_ data: GeoData, settings requested: AnalysisSettings, progress: (any ProgressObserver)? = nil) throws -> AnalysisResult {
        var settings = requested
        var timings: [(String, Double)] = []
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            let d = clock.duration(to: now)
            timings.append((stage, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
            clock = now
        }
        var problems: [InputProblem] = []
        var buildings = data.buildings
        let pointBuildings = buildings.arePoints
        if settings.losMethod == .footprints && pointBuildings {
            // Tracing rays through footprints that do not exist would make every link line of sight.
            settings.losMethod = .probability
            problems.append(InputProblem(.warning, code: "los-without-footprints", file: "scenario", layer: "buildings", field: "geometry",
                                         reason: "los: footprints was asked for, but no building has a footprint (all are points); line of sight is taken from the TR 38.901 LOS probability instead"))
        }
        try PopulationSpread.apply(&buildings, cells: data.population)
        let focus = try FocusPoints.assign(buildings: &buildings, schools: data.schools, focusPoints: data.focusPoints,
                                           distanceM: settings.joinDistances.metres(.schools, pointBuildings: pointBuildings),
                                           focusDistanceM: settings.joinDistances.metres(.focusPoints, pointBuildings: pointBuildings))
        problems += focus.problems
        let schoolsWithout = focus.problems.filter { $0.code == "school-without-building" }.count
        if !data.schools.isEmpty, Double(data.schools.count - schoolsWithout) < settings.minimumJoinRate * Double(data.schools.count) {
            throw JoinRateError(layer: "schools", joined: data.schools.count - schoolsWithout, total: data.schools.count, minimumRate: settings.minimumJoinRate,
                                likelyCause: "\(schoolsWithout) schools lie farther than \(NumberText.plain(settings.joinDistances.metres(.schools, pointBuildings: pointBuildings))) m from every building (analysis.join_distance_m.schools): do the schools and the buildings cover the same city, in the CRS they claim?")
        }
        let index = STRtree(boxes: buildings.map { $0.geometry.boundingBox! })
        lap("index")

        let fixedDistance = settings.joinDistances.metres(.fixed, pointBuildings: pointBuildings)
        let fixed = FixedService.join(data.fixed, buildings: buildings, index: index, maximumDistanceM: fixedDistance)
        problems += fixed.problems
        let (unknownIDs, tooFar) = FixedService.unmatched(fixed.problems)
        let joined = data.fixed.count - unknownIDs - tooFar
        if !data.fixed.isEmpty, Double(joined) < settings.minimumJoinRate * Double(data.fixed.count) {
            let cause = unknownIDs >= tooFar
                ? "\(unknownIDs) name a building_id that is not in the buildings layer: are they keyed to another buildings file (e.g. generated ids against real address points)?"
                : "\(tooFar) address points lie farther than \(NumberText.plain(fixedDistance)) m from every building (analysis.join_distance_m.fixed): are the buildings points, or in another CRS?"
            throw JoinRateError(layer: "fixed", joined: joined, total: data.fixed.count, minimumRate: settings.minimumJoinRate, likelyCause: cause)
        }
        lap("fixed line")

        var box = buildings.first?.geometry.boundingBox ?? data.sites.first.map { BoundingBox(minX: $0.location.x, minY: $0.location.y, maxX: $0.location.x, maxY: $0.location.y) }
            ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        for b in buildings { box = box.union(b.geometry.boundingBox!) }
        for s in data.sites { box.expand(toInclude: s.location) }
        for d in data.districts { box = box.union(d.geometry.boundingBox!) }
        box = box.expanded(by: 100)
        try AnalysisLimits.check(areaWidthM: box.width, areaHeightM: box.height, settings: settings)
        let raster = settings.losMethod == .footprints
            ? HeightRaster(box: box, cellSize: settings.heightRasterCellM, footprints: buildings.filter(\.geometry.isPolygonal).map { ($0.geometry, $0.heightM) })
            : nil
        let network = MobileNetwork(sites: data.sites, buildingCenters: buildings.compactMap(\.geometry.anchor), settings: settings)
        lap("height raster")
        let receivers = buildings.map { Receiver(position: $0.geometry.anchor!, footprint: $0.geometry.isPolygonal ? $0.geometry : nil) }
        let mobile = MobileCoverage(network: network, receivers: receivers, raster: raster, settings: settings, progress: progress, stage: "buildings")
        lap("mobile per building")

        let islands = try WLANService.islands(data.wlan, buildings: buildings, index: index, settings: settings.wlan,
                                              joinDistanceM: settings.joinDistances.metres(.wlan, pointBuildings: pointBuildings))
        var wlanByBuilding: [Int: (String, Double)] = [:]
        for island in islands {
            guard let b = island.buildingIndex else { continue }
            if island.indoorMbps > (wlanByBuilding[b]?.1 ?? -1) { wlanByBuilding[b] = (island.name, island.indoorMbps) }
        }
        let streets = try WLANService.streetCoverage(data.streets, islands: islands)
        lap("wlan")

        var services: [BuildingService] = []
        services.reserveCapacity(buildings.count)
        let technologies = Set(network.services.map(\.technology)).sorted()
        for i in buildings.indices {
            var outdoor: [Technology: (ServiceKey, LinkQuality)] = [:]
            var indoor: [Technology: (ServiceKey, LinkQuality)] = [:]
            for t in technologies {
                outdoor[t] = mobile.best(receiver: i, technology: t, indoor: false)
                indoor[t] = mobile.best(receiver: i, technology: t, indoor: true)
            }
            var service = BuildingService(fixed: fixed.services[i], mobileOutdoor: outdoor, mobileIndoor: indoor, wlanIsland: wlanByBuilding[i]?.0,
                                          wlanMbps: wlanByBuilding[i]?.1, focusKind: focus.kinds[i], funding: [:])
            var networks = service.fixed.networks.map(\.funding)
            if settings.funding.mobileCountsAsReliable, service.bestMobileIndoorMbps > 0 {
                networks.append(FundingNetwork(technology: nil, downMbps: service.bestMobileIndoorMbps, upMbps: 0))
            }
            if settings.funding.wlanCountsAsReliable, let w = service.wlanMbps { networks.append(FundingNetwork(technology: nil, downMbps: w, upMbps: w)) }
            let input = FundingInput(networks: networks, planned: service.fixed.planned.map(\.funding), isFocusPoint: focus.kinds[i] != nil)
            for p in FundingProgramme.allCases { service.funding[p] = p.verdict(input, settings.funding) }
            services.append(service)
        }
        lap("classification")

        let areaProgramme = settings.funding.areaProgramme
        let eligible = buildings.indices.filter { services[$0].funding[areaProgramme]!.eligible }
        let areas = try UnderservedAreas.make(buildings: buildings, eligible: eligible, reasons: services.map { $0.funding[areaProgramme]!.reason.rawValue },
                                              focusKinds: focus.kinds, joinDistance: settings.clusterDistanceM, districts: data.districts,
                                              cutByDistrict: settings.cutAreasByDistrict)
        lap("areas")

        var grid: CoverageGrid?
        var polygons: [(CoverageClass, Geometry)] = []
        if settings.gridResolutionM > 0 {
            let g = CoverageGrid(box: box, resolutionM: settings.gridResolutionM, network: network, raster: raster, settings: settings, progress: progress)
            for cls in settings.coverageClasses where technologies.contains(cls.technology) { polygons.append((cls, try g.polygon(for: cls))) }
            grid = g
        }
        lap("grid")

        let schools = data.schools.enumerated().map { k, school -> SchoolReport in
            let b = focus.schoolBuildings[k]
            let s = services[b]
            let classes = school.classes ?? school.students.map { Int((Double($0) / SchoolReport.pupilsPerClass).rounded(.up)) }
            let down = s.fixed.best?.downMbps
            let perClass = classes.flatMap { c in c > 0 ? down.map { $0 / Double(c) } : nil }
            return SchoolReport(schoolID: school.id, name: school.name, buildingID: buildings[b].id, connection: s.fixed.best, classes: classes,
                                mbpsPerClass: perClass, meetsClassRule: perClass.map { $0 >= SchoolReport.mbpsPerClassRule }, wlanIsland: s.wlanIsland,
                                bestMobile: s.mobileIndoor.values.max { $0.1.downlinkMbps < $1.1.downlinkMbps },
                                eligibleUnder: FundingProgramme.allCases.filter { s.funding[$0]!.eligible })
        }
        let summaries = try summarise(buildings: buildings, services: services, focusKinds: focus.kinds, districts: data.districts,
                                      grid: grid, mobile: mobile, settings: settings, box: box)
        lap("summaries")
        return AnalysisResult(buildings: buildings, services: services, focusKinds: focus.kinds, schools: schools, areas: areas,
                              districts: summaries.districts, city: summaries.city, coveragePolygons: polygons, grid: grid, network: network,
                              islands: islands, streets: streets, problems: problems, losMethod: settings.losMethod, timings: timings)
    }

    /// Counts per district and for the city; every building counts in the district that holds its centre,
    /// and in the city, so that the districts' counts add up to the city's when the districts cover it.
    static func summarise(buildings: [Building], services: [BuildingService], focusKinds: [String?], districts: [District], grid: CoverageGrid?,
                          mobile: MobileCoverage, settings: AnalysisSettings, box: BoundingBox) throws -> (districts: [AreaSummary], city: AreaSummary) {
        let classes = settings.coverageClasses
        func empty(_ id: String, _ name: String, _ area: Double) -> AreaSummary {
            AreaSummary(id: id, name: name, areaKm2: area, all: BuildingCounts(), eligible: [:],
                        coverage: classes.map { ClassCoverage(coverageClass: $0, areaKm2: 0, residents: 0) })
        }
        var city = empty("city", "City", districts.isEmpty ? box.width * box.height / 1e6 : try districts.reduce(0) { $0 + (try $1.geometry.area()) } / 1e6)
        var summaries = try districts.map { empty($0.id, $0.name, try $0.geometry.area() / 1e6) }
        let tree = STRtree(boxes: districts.map { $0.geometry.boundingBox! })
        let prepared = try districts.map { try PreparedGeometry($0.geometry) }
        func district(of p: Coordinate) throws -> Int? {
            for d in tree.query(BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) where try prepared[d].covers(p) { return d }
            return nil
        }
        func add(_ summary: inout AreaSummary, _ i: Int) {
            let b = buildings[i]
            summary.all.add(b, focusKind: focusKinds[i])
            for p in FundingProgramme.allCases where services[i].funding[p]!.eligible {
                summary.eligible[p, default: BuildingCounts()].add(b, focusKind: focusKinds[i])
            }
            for (k, cls) in classes.enumerated() {
                let q = mobile.best(receiver: i, technology: cls.technology, operatorName: cls.operatorName, indoor: false)
                if (q?.1.downlinkMbps ?? 0) >= cls.minimumMbps { summary.coverage[k].residents += b.residents ?? 0 }
            }
        }
        for i in buildings.indices {
            add(&city, i)
            if let d = try district(of: buildings[i].geometry.anchor!) { add(&summaries[d], i) }
        }
        if let grid {
            let cellKm2 = grid.resolutionM * grid.resolutionM / 1e6
            for r in 0..<grid.rows {
                for c in 0..<grid.columns {
                    let cell = r * grid.columns + c
                    let d = districts.isEmpty ? nil : try district(of: grid.center(column: c, row: r))
                    if !districts.isEmpty && d == nil { continue }
                    for (k, cls) in classes.enumerated() where grid.meets(cell, cls) {
                        city.coverage[k].areaKm2 += cellKm2
                        if let d { summaries[d].coverage[k].areaKm2 += cellKm2 }
                    }
                }
            }
        }
        return (summaries, city)
    }
}
