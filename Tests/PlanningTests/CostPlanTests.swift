import GeoCore
import Testing

@testable import Planning

/// Trench routing and costs on hand-made layouts whose answers are worked out by hand (docs/costs.md).
@Suite struct CostPlanTests {
    static func house(_ id: String, _ x: Double, _ y: Double, households: Double) -> Building {
        Building(id: id, geometry: .point(Coordinate(x, y)), use: .residential, households: households)
    }

    static func street(_ id: String, _ points: [(Double, Double)], surface: String? = nil) -> Street {
        Street(
            id: id, geometry: .lineString(points.map { Coordinate($0.0, $0.1) }),
            attributes: surface.map { JSONObject([("surface", .string($0))]) } ?? JSONObject())
    }

    /// A road (0,0)–(500,0)–(1000,0) in asphalt and a paved footway from (500,0) to (500,300); the PoP at
    /// (0,−10). A (1 home) stands 20 m from the road at x = 200, B (3 homes) 30 m from it at x = 800, C
    /// (2 homes) 10 m from the footway at y = 250.
    ///
    /// Route: 200 m shared by A, B, C (6 homes), 300 m by B, C (5), 300 m by B (3), 250 m of footway by C.
    /// Asphalt share: A 200/6 = 33.33 m; B 100 + 180 + 300 = 580 m; C 66.67 + 120 = 186.67 m, + 250 m footway.
    /// Capex (150 + 12 €/m asphalt, 110 + 12 €/m footway; drops beyond 15 m at 60 €/m; 1200 € + 300 € per
    /// extra home; 450 + 250 € per home):
    /// A = 5000 + 300 + 400 + 1200 + 700 = 7600; B = 87000 + 900 + 6960 + 1800 + 2100 = 98760;
    /// C = 28000 + 27500 + 5240 + 1500 + 1400 = 63640 (its 10 m drop is included).
    @Test func streetRoutesShareTrenchesAndSplitByHomes() throws {
        let buildings = [
            Self.house("A", 200, 20, households: 1), Self.house("B", 800, 30, households: 3),
            Self.house("C", 510, 250, households: 2),
        ]
        var settings = CostSettings()
        settings.pointsOfPresence = [Coordinate(0, -10)]
        let plan = CostPlan.make(
            buildings: buildings, connect: [0, 1, 2], roots: settings.pointsOfPresence,
            streets: [
                Self.street("road", [(0, 0), (500, 0), (1000, 0)], surface: "asphalt"),
                Self.street("path", [(500, 0), (500, 300)], surface: "paving_stones"),
            ], group: { $0 }, works: ScenarioWorks(), settings: settings)
        #expect(abs(plan.routedM - 1050) < 1e-9)
        #expect(plan.estimatedM == 0)
        let (a, b, c) = (plan.buildings[0], plan.buildings[1], plan.buildings[2])
        #expect(
            abs(a.routeM - 200.0 / 6) < 1e-9 && abs(b.routeM - 580) < 1e-9 && abs(c.routeM - (560.0 / 3 + 250)) < 1e-9)
        #expect(a.dropM == 20 && b.dropM == 30 && abs(c.dropM - 10) < 1e-9)
        #expect(abs(a.capex - 7600) < 1e-6)
        #expect(abs(b.capex - 98760) < 1e-6)
        #expect(abs(c.capex - 63640) < 1e-6)
        #expect(!a.estimated && !b.estimated && !c.estimated)
        // The route is counted once: the shares add up to it.
        #expect(abs(plan.buildings.reduce(0) { $0 + $1.routeM } - plan.routedM) < 1e-9)
        // The trench pieces the buildings use, with the homes behind each.
        let served = plan.segments.map(\.homes).sorted()
        #expect(served == [2, 3, 5, 6])
        // Each building's connection, piece by piece toward the PoP.
        let lengths = { (buildings: [Int]) in
            plan.segments(serving: buildings).map { plan.segments[$0].lengthM }.sorted()
        }
        #expect(lengths([0]) == [200])
        #expect(lengths([2]).map { $0.rounded() } == [200, 250, 300])
        #expect(lengths([1]).map { $0.rounded() } == [200, 300, 300])
        #expect(plan.segments(serving: [0, 1, 2]).count == 4)
    }

    /// A laying method replaces every street's surface.
    @Test func layingMethodOverridesSurfaces() throws {
        var settings = CostSettings()
        settings.layingMethod = .microTrenching
        let plan = CostPlan.make(
            buildings: [Self.house("A", 100, 5, households: 1)], connect: [0], roots: [Coordinate(0, 0)],
            streets: [Self.street("road", [(0, 0), (200, 0)], surface: "asphalt")], group: { $0 },
            works: ScenarioWorks(), settings: settings)
        // 100 m at 50 + 12 €/m, the 5 m drop is included, 1200 + 450 + 250.
        #expect(abs(plan.buildings[0].capex - (100 * 62 + 1900)) < 1e-6)
        #expect(plan.segments.allSatisfy { $0.surface == .microTrenching })
    }

    /// Without streets: the rectilinear minimum spanning tree from the root (0,0) over (100,0), (100,50),
    /// (200,50): 100 + 50 + 100 = 250 m, split 100/3 each on the first edge, 25 each on the second, 100 on
    /// the last.
    @Test func rectilinearEstimateWhereNoStreetLeads() throws {
        let buildings = [
            Self.house("1", 100, 0, households: 1), Self.house("2", 100, 50, households: 1),
            Self.house("3", 200, 50, households: 1),
        ]
        let plan = CostPlan.make(
            buildings: buildings, connect: [0, 1, 2], roots: [Coordinate(0, 0)], streets: [], group: { _ in 0 },
            works: ScenarioWorks(), settings: CostSettings())
        #expect(plan.routedM == 0 && abs(plan.estimatedM - 250) < 1e-9)
        let shares = plan.buildings.map(\.routeM)
        #expect(abs(shares[0] - 100.0 / 3) < 1e-9 && abs(shares[1] - (100.0 / 3 + 25)) < 1e-9)
        #expect(abs(shares[2] - (100.0 / 3 + 125)) < 1e-9)
        #expect(plan.buildings.allSatisfy { $0.estimated })
        #expect(plan.segments.allSatisfy { $0.estimated })
        #expect(plan.segments(serving: [0]).map { plan.segments[$0].lengthM } == [100])
        #expect(plan.segments(serving: [2]).count == 3)
    }

    /// The same tree with 2, 1 and 3 homes: each edge's length is shared by the homes below it (6, 4 and 3),
    /// and a building pays its homes' shares of every edge on its way to the root, worked out here by hand:
    /// 2 × 100/6; 100/6 + 50/4; 3 × (100/6 + 50/4 + 100/3) = 187.5. Civil works and duct follow the metres.
    @Test func estimateSharesFollowTheHomesBelowEachEdge() throws {
        let buildings = [
            Self.house("1", 100, 0, households: 2), Self.house("2", 100, 50, households: 1),
            Self.house("3", 200, 50, households: 3),
        ]
        let settings = CostSettings()
        let plan = CostPlan.make(
            buildings: buildings, connect: [0, 1, 2], roots: [Coordinate(0, 0)], streets: [], group: { _ in 0 },
            works: ScenarioWorks(), settings: settings)
        let expected = [200.0 / 6, 100.0 / 6 + 12.5, 187.5]
        let perM = settings.catalogue.civilWorksPerM[settings.defaultSurface]!
        for (c, metres) in zip(plan.buildings, expected) {
            #expect(abs(c.routeM - metres) < 1e-9, "\(c.building)")
            #expect(abs(c.civilWorks - metres * perM) < 1e-6, "\(c.building)")
            #expect(abs(c.ductAndCable - metres * settings.catalogue.ductAndCablePerM) < 1e-6, "\(c.building)")
        }
        #expect(abs(plan.buildings.reduce(0) { $0 + $1.routeM } - plan.estimatedM) < 1e-9)
    }

    /// A building's cost is found by its index whatever the order it was connected in; a building the plan
    /// does not connect (between connected ones, after the last, or a negative index) has none.
    @Test func costOfABuildingByItsIndex() throws {
        let buildings = [
            Self.house("1", 100, 0, households: 1), Self.house("2", 100, 50, households: 2),
            Self.house("3", 200, 50, households: 3), Self.house("4", 300, 50, households: 4),
        ]
        let plan = CostPlan.make(
            buildings: buildings, connect: [2, 0], roots: [Coordinate(0, 0)], streets: [], group: { _ in 0 },
            works: ScenarioWorks(), settings: CostSettings())
        #expect(plan.cost(ofBuilding: 2)?.building == 2 && plan.cost(ofBuilding: 2)?.homes == 3)
        #expect(plan.cost(ofBuilding: 0)?.building == 0 && plan.cost(ofBuilding: 0)?.homes == 1)
        for i in [1, 3, 4, -1] { #expect(plan.cost(ofBuilding: i) == nil, "building \(i)") }
    }

    /// A building on a street that no root reaches falls back to the estimate.
    @Test func unreachableStreetFallsBackToEstimate() throws {
        let plan = CostPlan.make(
            buildings: [Self.house("A", 5000, 5, households: 1)], connect: [0], roots: [Coordinate(0, 0)],
            streets: [Self.street("island", [(4900, 0), (5100, 0)])], group: { $0 }, works: ScenarioWorks(),
            settings: CostSettings())
        #expect(plan.buildings[0].estimated)
        #expect(abs(plan.estimatedM - 5005) < 1e-9)
    }

    /// Sites and access points the scenario adds, at the catalogue's prices.
    @Test func scenarioWorksArePriced() throws {
        var works = ScenarioWorks()
        works.newSites = 2
        works.upgradedSiteIDs = ["s1", "s2", "s3"]
        works.newAccessPoints = 10
        let plan = CostPlan.make(
            buildings: [], connect: [], roots: [], streets: [], group: { $0 }, works: works, settings: CostSettings())
        #expect(plan.sitesCost == 2 * 250_000 + 3 * 60_000)
        #expect(plan.accessPointsCost == 15_000)
        #expect(plan.capex == 695_000)
    }

    /// The gap of docs/costs.md's worked example, with the annuity factor in closed form
    /// (1 − 1.05^−7) / 0.05 rather than the sum the model uses.
    @Test func fundingGapAndSplit() throws {
        let model = FundingGapModel()
        let factor = (1 - 1 / 1.05.power(7)) / 0.05
        #expect(abs(model.annuityFactor - factor) < 1e-12)
        let gap = model.gap(capex: 1_000_000, homes: 100)
        #expect(abs(gap.gap - (1_000_000 - 8000 * factor)) < 1e-6)
        #expect(abs(gap.gap - 953_709.02) < 0.01)
        #expect(abs(gap.federal - 476_854.51) < 0.01 && abs(gap.state - 381_483.61) < 0.01)
        #expect(abs(gap.municipal - 95_370.90) < 0.01)
        // A project that pays for itself has no gap.
        #expect(model.gap(capex: 10_000, homes: 100).gap == 0)
    }

    /// Cluster grouping: neighbours merge while the merged cost per home stays within the maximum.
    @Test func clusterMergesWithinMaximumCostPerHome() throws {
        func area(_ k: Int, x: Double) -> UnderservedArea {
            let box = Polygon(exterior: [
                Coordinate(x, 0), Coordinate(x + 100, 0), Coordinate(x + 100, 100), Coordinate(x, 100),
                Coordinate(x, 0),
            ])
            return UnderservedArea(
                id: "area-\(k)", geometry: .polygon(box), district: nil, dominantReason: "", members: [k],
                buildingIDs: ["\(k)"], summary: AreaSummary(id: "area-\(k)", name: "", areaKm2: 0.01))
        }
        func cost(homes: Int, capex: Double) -> CostTotals {
            var c = CostTotals()
            c.homes = homes
            c.civilWorks = capex
            return c
        }
        // 0 and 1 are 50 m apart, 1 and 2 are 200 m apart; area 2 alone costs 20,000 € per home.
        let areas = [area(0, x: 0), area(1, x: 150), area(2, x: 450)]
        let costs = [cost(homes: 10, capex: 40_000), cost(homes: 10, capex: 60_000), cost(homes: 2, capex: 40_000)]
        var settings = ProjectAreaSettings()
        settings.grouping = .cluster
        settings.maximumCostPerHome = 7000
        // 0+1: 100,000 / 20 = 5,000 ≤ 7,000, merged; +2: 140,000 / 22 = 6,364, merged.
        #expect(ProjectAreas.cluster(areas: areas, cost: costs, settings: settings) == [[0, 1, 2]])
        settings.maximumCostPerHome = 6000
        // +2 would give 6,364 > 6,000: area 2 stays alone.
        #expect(ProjectAreas.cluster(areas: areas, cost: costs, settings: settings) == [[0, 1], [2]])
        settings.mergeDistanceM = 10
        #expect(ProjectAreas.cluster(areas: areas, cost: costs, settings: settings) == [[0], [1], [2]])
        let made = try ProjectAreas.make(
            areas: areas, areaCost: costs, settings: settings, gapModel: FundingGapModel(), districtOf: { _ in nil },
            order: [])
        #expect(made.map(\.id) == ["PG-001", "PG-002", "PG-003"])
        #expect(made[2].cost.homes == 2 && made[2].gap == FundingGapModel().gap(capex: 40_000, homes: 2))
    }
}

extension Double { fileprivate func power(_ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * self } } }
