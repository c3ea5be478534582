import Foundation
import GeoCore
import Radio

/// Runs the analysis of one scenario as named stages over one `SpatialContext`, each timed on one
/// clock, and returns the self-contained `RunResult` that every writer reads:
///
/// prepare → fixed → mobile → wlan → classify → areas → costs → grid → summarise
public enum Analysis {
    /// The stages, in the order they run.
    public enum Stage: String, Sendable, CaseIterable {
        case prepare, fixed, mobile, wlan, classify, areas, costs, grid, summarise
    }

    /// The code of the warning that a scenario has no fixed-line records.
    public static let noFixedLineData = "no-fixed-line-data"

    /// Analyses a scenario's data. The data is the analysis's own: it lets go of the input buildings once
    /// the spatial context holds them and of the fixed-line records once they are joined, so that a caller
    /// that hands it over (`Optional.take()`) does not keep them through the later stages and the writing.
    /// - Throws: `JoinRateError` when too few schools or fixed-line records find a building,
    ///   `AnalysisLimitError` when the area is too large for the settings, `GEOSError` from geometry.
    public static func run(
        _ data: consuming GeoData, scenario: Scenario, progress: (any ProgressObserver)? = nil
    ) throws -> RunResult {
        let result = try stages(data, scenario: scenario, progress: progress)
        // The stages' working data (coverage, network) is gone: the result remains. The spatial context is let go
        // on a thread of its own, which gives its memory back in turn (`stages`).
        Allocator.returnFreeMemory()
        return result
    }

    /// The stages of `run`, one after the other.
    private static func stages(
        _ data: consuming GeoData, scenario: Scenario, progress: (any ProgressObserver)?
    ) throws -> RunResult {
        var data = data
        var clock = StageClock()
        var settings = scenario.settings
        var problems: [InputProblem] = []

        // prepare: the spatial context, the LOS method the buildings allow, the analysis extent.
        if settings.losMethod == .footprints && data.buildings.arePoints {
            // Tracing rays through footprints that do not exist would make every link line of sight.
            settings.losMethod = .probability
            problems.append(
                InputProblem(
                    .warning, code: "los-without-footprints", file: "scenario", layer: "buildings", field: "geometry",
                    reason: "los: footprints was asked for, but no building has a footprint (all are points); "
                        + "line of sight is taken from the TR 38.901 LOS probability instead"))
        }
        if data.fixed.isEmpty && !data.buildings.isEmpty {
            // Nothing is dropped, but every verdict then rests on mobile and WLAN service alone: a forgotten
            // `fixed:` input would make nearly every building eligible without a word.
            problems.append(
                InputProblem(
                    .warning, code: noFixedLineData, file: "scenario", layer: "fixed",
                    reason: "the scenario has no fixed-line records (inputs: fixed): every building is judged "
                        + "without fixed-line service, so the funding verdicts rest on mobile and WLAN service alone"))
        }
        // What the result tells of the input layers, read before they are let go.
        let generatedLayers = data.generatedLayers
        let sources = InputSource.list(scenario, fileNotes: data.fileNotes, generatedLayers: generatedLayers)
        // The buildings move into the spatial context, which adds to them without a copy.
        let inputBuildings = data.buildings
        data.buildings = []
        let context = try SpatialContext(buildings: consume inputBuildings, data: data, settings: settings)
        problems += context.focus.problems
        try checkSchoolJoin(data.schools.count, context: context, settings: settings)
        let box = try extent(data, context: context, settings: settings)
        // The height raster is made on a thread of its own while the network and the fixed-line stage, which
        // do not read it, run on this one.
        var rasterJob: BackgroundJob<HeightRaster>?
        if settings.losMethod == .footprints {
            let footprints = context.buildings.compactMap { $0.geometry.isPolygonal ? ($0.geometry, $0.heightM) : nil }
            let cellSize = settings.heightRasterCellM
            rasterJob = BackgroundJob { HeightRaster(box: box, cellSize: cellSize, footprints: footprints) }
        }
        // The mobile stage's receivers (each building's centre and polygonal footprint) and their footprints in
        // flat arrays are made on a thread of their own beside the network and the fixed-line stage.
        let (contextBuildings, centres) = (context.buildings, context.centres)
        let receiverJob = BackgroundJob { () -> ([Receiver], FootprintSet) in
            let receivers = contextBuildings.indices.map { i in
                let geometry = contextBuildings[i].geometry
                return Receiver(position: centres[i], footprint: geometry.isPolygonal ? geometry : nil)
            }
            return (receivers, FootprintSet(receivers.map(\.footprint)))
        }
        let network = MobileNetwork(sites: data.sites, context: context, settings: settings)
        clock.lap(Stage.prepare.rawValue)

        let (fixedServices, fixedAddresses, fixedProblems) = try fixedStage(
            data.fixed, context: context, settings: settings)
        problems += fixedProblems
        data.fixed = []
        let raster = rasterJob?.value
        clock.lap(Stage.fixed.rawValue)

        let (receivers, footprints) = receiverJob.take()
        // Let go once the buildings' results and what the summaries count are drawn from it: it holds two
        // quality records of 32 bytes per building and service (384 MB on a million buildings, six services).
        var coverage: MobileCoverage? = MobileCoverage(
            network: network, receivers: receivers, footprints: footprints, raster: raster, settings: settings,
            progress: progress, stage: "buildings")
        clock.lap(Stage.mobile.rawValue)

        let islands = try WLANService.islands(
            data.wlan, in: context, settings: settings.wlan, joinDistanceM: context.joinDistance(.wlan, settings))
        let streetCoverage = try WLANService.streetCoverage(data.streets, islands: islands)
        clock.lap(Stage.wlan.rawValue)

        let mobile = MobileService.perReceiver(
            coverage!, technologies: Set(network.services.map(\.technology)).sorted(),
            homes: context.buildings.map { Double(CostPlan.homes($0)) }, activity: settings.busyHourActivity)
        let classesMet = Summaries.classesMet(buildings: receivers.count, mobile: coverage!, settings: settings)
        let linkCount = coverage!.linkCount
        coverage = nil
        let buildings = classify(
            context: context, fixed: fixedServices, fixedAddresses: fixedAddresses, mobile: mobile, islands: islands,
            settings: settings)
        // The services per building, read into the results, are let go beside the next stages.
        releaseInBackground(consume mobile)
        releaseInBackground(consume fixedServices)
        releaseInBackground(consume fixedAddresses)
        clock.lap(Stage.classify.rawValue)

        let areaProgramme = settings.funding.areaProgramme
        var areas = try UnderservedAreas.make(
            buildings: buildings, programme: areaProgramme, joinDistance: settings.clusterDistanceM,
            districts: context.districts, cutByDistrict: settings.cutAreasByDistrict)
        clock.lap(Stage.areas.rawValue)

        let (costs, projectAreas) = try costStage(buildings: buildings, areas: &areas, data: data, settings: settings)
        problems += costs.problems
        clock.lap(Stage.costs.rawValue)

        var grid: CoverageGrid?
        var polygons: [(CoverageClass, Geometry)] = []
        if settings.gridResolutionM > 0 {
            let g = CoverageGrid(
                box: box, resolutionM: settings.gridResolutionM, network: network, raster: raster, settings: settings,
                progress: progress)
            let technologies = Set(network.services.map(\.technology))
            // Clipped to the districts where there are any, as the summary's areas count only their cells.
            let districtUnion = data.districts.isEmpty ? nil : try Geometry.union(data.districts.map(\.geometry))
            for cls in settings.coverageClasses where technologies.contains(cls.technology) {
                let polygon = try g.polygon(for: cls)
                polygons.append(
                    (cls, try districtUnion.map { .multiPolygon(try polygon.intersection($0).polygons) } ?? polygon))
            }
            grid = g
        }
        clock.lap(Stage.grid.rawValue)

        var summaries = try Summaries.make(
            buildings: buildings, context: context, grid: grid, classesMet: classesMet, settings: settings, box: box)
        for c in costs.buildings {
            if let d = buildings[c.building].district { summaries.districts[d].cost.add(c) }
            summaries.city.cost.add(c)
        }
        let schools = SchoolReport.make(data.schools, context: context, buildings: buildings)
        // The last of the stages' working data: the allocator's free memory is given back once it is gone.
        releaseInBackground(consume context, returningFreeMemory: true)
        var used = scenario
        used.settings = settings
        var result = RunResult(
            scenario: used, buildings: buildings, schools: schools, focusPoints: data.focusPoints, sites: data.sites,
            network: network, islands: islands, streets: data.streets, streetCoverage: streetCoverage, areas: areas,
            districts: summaries.districts, city: summaries.city, coveragePolygons: polygons, grid: grid,
            problems: data.problems + problems, dropped: data.dropped, generatedLayers: generatedLayers,
            sources: sources, timings: StageClock())
        result.linkCount = linkCount
        result.costs = costs
        result.standDate = scenario.standDate()
        result.projectAreas = projectAreas
        result.summary = RunSummary(result)
        clock.lap(Stage.summarise.rawValue)
        result.timings = clock
        return result
    }

    /// Analyses data without a scenario file (tests, tools): a scenario named "analysis" with these
    /// settings in the data's CRS.
    public static func run(
        _ data: GeoData, settings: AnalysisSettings, progress: (any ProgressObserver)? = nil
    ) throws -> RunResult {
        var scenario = Scenario(name: "analysis", files: [])
        scenario.workingCRS = data.crs
        scenario.settings = settings
        return try run(data, scenario: scenario, progress: progress)
    }

    /// Stops when fewer than `minimumJoinRate` of the schools find a building.
    static func checkSchoolJoin(_ count: Int, context: SpatialContext, settings: AnalysisSettings) throws {
        let without = context.focus.schoolsWithoutBuilding
        guard count > 0, Double(count - without) < settings.minimumJoinRate * Double(count) else { return }
        let distance = NumberText.plain(context.joinDistance(.schools, settings))
        throw JoinRateError(
            layer: "schools", joined: count - without, total: count, minimumRate: settings.minimumJoinRate,
            likelyCause: "\(without) schools lie farther than \(distance) m from every building "
                + "(analysis.join_distance_m.schools): do the schools and the buildings cover the same city, "
                + "in the CRS they claim?")
    }

    /// The fixed stage: the fixed-line records joined to buildings; stops when fewer than
    /// `minimumJoinRate` of them find one.
    static func fixedStage(
        _ records: [FixedLineRecord], context: SpatialContext, settings: AnalysisSettings
    ) throws -> (services: [FixedService], addresses: [Int: PostalAddress], problems: [InputProblem]) {
        let distance = context.joinDistance(.fixed, settings)
        let fixed = FixedService.join(records, in: context, maximumDistanceM: distance)
        let (unknownIDs, tooFar) = FixedService.unmatched(fixed.problems)
        let joined = records.count - unknownIDs - tooFar
        if !records.isEmpty, Double(joined) < settings.minimumJoinRate * Double(records.count) {
            let cause =
                unknownIDs >= tooFar
                ? "\(unknownIDs) name a building_id that is not in the buildings layer: are they keyed to another "
                    + "buildings file (e.g. generated ids against real address points)?"
                : "\(tooFar) address points lie farther than \(NumberText.plain(distance)) m from every building "
                    + "(analysis.join_distance_m.fixed): are the buildings points, or in another CRS?"
            throw JoinRateError(
                layer: "fixed", joined: joined, total: records.count, minimumRate: settings.minimumJoinRate,
                likelyCause: cause)
        }
        return fixed
    }

    /// The analysis extent: buildings, sites and districts, 100 m around; checked against the limits.
    static func extent(_ data: GeoData, context: SpatialContext, settings: AnalysisSettings) throws -> BoundingBox {
        var box =
            context.buildings.first?.geometry.boundingBox ?? data.sites.first.map {
                BoundingBox(minX: $0.location.x, minY: $0.location.y, maxX: $0.location.x, maxY: $0.location.y)
            } ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        // Read in place: a copy of a building retains each of its texts.
        context.buildings.withUnsafeBufferPointer { buildings in
            for i in buildings.indices { box = box.union(buildings[i].geometry.boundingBox!) }
        }
        for s in data.sites { box.expand(toInclude: s.location) }
        for d in data.districts { box = box.union(d.geometry.boundingBox!) }
        box = box.expanded(by: 100)
        try AnalysisLimits.check(areaWidthM: box.width, areaHeightM: box.height, settings: settings)
        return box
    }

    /// The classify stage: per building its best services and its verdict under every programme.
    static func classify(
        context: SpatialContext, fixed: [FixedService], fixedAddresses: [Int: PostalAddress], mobile: [MobileService],
        islands: [WLANIsland], settings: AnalysisSettings
    ) -> [BuildingResult] {
        var wlanByBuilding: [Int: (String, Double)] = [:]
        for island in islands {
            guard let b = island.buildingIndex else { continue }
            if island.indoorMbps > (wlanByBuilding[b]?.1 ?? -1) { wlanByBuilding[b] = (island.name, island.indoorMbps) }
        }
        let funding = settings.funding
        // Each programme's rule made once: made per building, each took a copy of the settings (retaining
        // what they hold, from every core at once) in a box of its own.
        let rules = FundingProgramme.allCases.map { $0.rule(funding) }
        let (wlan, inputs, districts, focusKinds) = (
            wlanByBuilding, context.buildings, context.buildingDistricts, context.focus.kinds
        )
        // Each building on its own, on every core, in building order.
        return parallelMap(
            count: inputs.count,
            each: { i in
                var service = BuildingService(
                    fixed: fixed[i], mobileOutdoor: mobile[i].outdoor, mobileIndoor: mobile[i].indoor,
                    wlanIsland: wlan[i]?.0, wlanMbps: wlan[i]?.1, funding: [:])
                service.mobileIndoorLoadedMbps = mobile[i].indoorLoadedMbps
                service.funding.reserveCapacity(FundingProgramme.allCases.count)
                let focusKind = focusKinds[i]
                var networks = service.fixed.networks.map(\.funding)
                if funding.mobileCountsAsReliable, service.bestMobileIndoorMbps > 0 {
                    networks.append(FundingNetwork(technology: nil, downMbps: service.bestMobileIndoorMbps, upMbps: 0))
                }
                if funding.wlanCountsAsReliable, let w = service.wlanMbps {
                    networks.append(FundingNetwork(technology: nil, downMbps: w, upMbps: w))
                }
                let input = FundingInput(
                    networks: networks, planned: service.fixed.planned.map(\.funding), isFocusPoint: focusKind != nil)
                // Each rule called where it is (a copy of one would copy its settings).
                for (k, p) in FundingProgramme.allCases.enumerated() { service.funding[p] = rules[k].verdict(input) }
                var building = inputs[i]
                // Buildings without an address take the one of their fixed-line address points.
                if building.address == nil { building.address = fixedAddresses[i] }
                return BuildingResult(
                    building: building, district: districts[i], focusKind: focusKind, service: service,
                    ngaNetworks: service.fixed.networkCount(minimumMbps: funding.ngaNetworkMbps))
            })
    }
}
