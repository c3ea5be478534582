import Foundation
import GeoCore
import Radio
import Testing

@testable import Planning

/// Small hand-made cities whose answers are known by construction.
@Suite struct AnalysisTests {
    static func square(_ cx: Double, _ cy: Double, _ half: Double = 5) -> Geometry {
        .polygon(.rectangle(BoundingBox(minX: cx - half, minY: cy - half, maxX: cx + half, maxY: cy + half)))
    }

    static func building(
        _ id: String, _ cx: Double, _ cy: Double, height: Double = 6, use: BuildingUse = .residential,
        households: Double = 1, half: Double = 5
    ) -> Building {
        Building(id: id, geometry: square(cx, cy, half), use: use, households: households, floors: 2, heightM: height)
    }

    static func sector(
        _ id: String, azimuth: Double?, frequency: Double = 1800, technology: Technology = .lte, bandwidth: Double = 20
    ) -> Sector {
        Sector(
            id: id, azimuthDeg: azimuth, tiltDeg: 6, beamwidthDeg: 65, technology: technology, frequencyMHz: frequency,
            bandwidthMHz: bandwidth, eirpDBm: 63, antennaGainDBi: 17, layers: 2)
    }

    static func site(_ id: String, _ x: Double, _ y: Double, _ sectors: [Sector], operatorName: String = "op") -> Site {
        Site(
            id: id, location: Coordinate(x, y), operatorName: operatorName, heightM: 25, environment: .uma,
            sectors: sectors, attributes: JSONObject())
    }

    static let origin = Coordinate(400_000, 5_750_000)

    /// A rectangular district.
    static func district(
        _ id: String, _ name: String, _ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double
    ) -> District {
        District(
            id: id, name: name,
            geometry: .polygon(.rectangle(BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY))),
            attributes: JSONObject())
    }

    var settings: AnalysisSettings {
        var s = AnalysisSettings()
        s.gridResolutionM = 0
        return s
    }

    func city(
        buildings: [Building], sites: [Site] = [], fixed: [FixedLineRecord] = [], schools: [School] = [],
        districts: [District] = []
    ) -> GeoData {
        var data = GeoData(crs: .etrs89UTM32)
        data.buildings = buildings
        data.sites = sites
        data.fixed = fixed
        data.schools = schools
        data.districts = districts
        return data
    }

    static func fixedRecord(
        _ building: String, _ tech: FixedTechnology, _ down: Double, _ up: Double, provider: String = "p",
        planned: Bool = false
    ) -> FixedLineRecord {
        FixedLineRecord(
            id: "\(building)-\(tech)-\(provider)", location: nil, buildingID: building, technology: tech,
            downMbps: down, upMbps: up, provider: provider, plannedWithin3Years: planned, attributes: JSONObject())
    }

    @Test func buildingBehindATallerOneIsNLOSAndInTheOpenLOS() throws {
        let o = Self.origin
        // Site at o, 25 m. A 60 m tower 100 m east; building A 200 m east behind it; building B 200 m north in the
        // open.
        let tower = Self.building("tower", o.x + 100, o.y, height: 60, use: .commercial, households: 0, half: 10)
        let a = Self.building("A", o.x + 200, o.y)
        let b = Self.building("B", o.x, o.y + 200)
        let raster = HeightRaster(
            box: BoundingBox(minX: o.x - 50, minY: o.y - 50, maxX: o.x + 300, maxY: o.y + 300), cellSize: 5,
            footprints: [tower, a, b].map { ($0.geometry, $0.heightM) })
        #expect(!raster.lineOfSight(from: o, height: 25, to: Coordinate(o.x + 195, o.y), height: 1.5))
        #expect(raster.lineOfSight(from: o, height: 25, to: Coordinate(o.x, o.y + 195), height: 1.5))
        #expect(raster.height(at: Coordinate(o.x + 100, o.y)) == 60)
        // Omnidirectional sector: A and B are equally far, so only LOS/NLOS separates them.
        let data = city(buildings: [tower, a, b], sites: [Self.site("S", o.x, o.y, [Self.sector("s1", azimuth: nil)])])
        let result = try Analysis.run(data, settings: settings)
        let qa = try #require(result.buildings[1].service.mobileOutdoor[.lte]?.1)
        let qb = try #require(result.buildings[2].service.mobileOutdoor[.lte]?.1)
        let link = TR38901.Link(frequencyMHz: 1800, distance2DM: 195, baseHeightM: 25, userHeightM: 1.5)
        let difference =
            TR38901.medianPathLoss(.uma, lineOfSight: false, link)
            - TR38901.medianPathLoss(.uma, lineOfSight: true, link)
        #expect(abs((qb.rsrpDBm - qa.rsrpDBm) - difference) < 1e-6)
        // Probability method: both buildings get the same value.
        var p = settings
        p.losMethod = .probability
        let prob = try Analysis.run(data, settings: p)
        #expect(
            abs(
                prob.buildings[1].service.mobileOutdoor[.lte]!.1.rsrpDBm
                    - prob.buildings[2].service.mobileOutdoor[.lte]!.1.rsrpDBm) < 1e-9)
    }

    /// The link computed by hand with Radio: EIRP, antenna, 38.901 UMa LOS, noise, truncated Shannon.
    func handLink(
        distance: Double, bearing: Double, azimuth: Double, interferers: [Double] = [], load: Double = 0.7
    ) throws -> (rsrp: Double, sinr: Double, mbps: Double) {
        let carrier = try #require(TechnologyCatalogue.carrier(technology: .lte, frequencyMHz: 1800, bandwidthMHz: 20))
        let antenna = SectorAntenna(maxGainDBi: 17, azimuthDeg: azimuth, downtiltDeg: 6)
        let gain = antenna.gain(bearingDeg: bearing, distanceM: distance, heightDifferenceM: 23.5)
        let pl = try TR38901.pathLoss(
            .uma, lineOfSight: true, .init(frequencyMHz: 1800, distance2DM: distance, baseHeightM: 25, userHeightM: 1.5)
        ).value
        let budget = LinkBudget(
            carrier: carrier, eirpDBm: 63, antennaDiscriminationDB: 17 - gain, pathLossDB: pl, noiseFigureDB: 7,
            interferenceDBm: interferers, load: load
        ).result
        return (budget.rsrpDBm!, budget.sinrDB, budget.downlinkMbps)
    }

    @Test func sitesOutsideTheTRRangeAreNamed() throws {
        let o = Self.origin
        var tall = Self.site("tall", o.x, o.y, [Self.sector("a", azimuth: 0)])
        tall.heightM = 40
        let nominal = Self.site("nominal", o.x + 500, o.y, [Self.sector("b", azimuth: 0)])
        let r = try Analysis.run(
            city(buildings: [Self.building("A", o.x + 100, o.y)], sites: [tall, nominal]), settings: settings)
        #expect(r.network.extrapolated["tall"] == ["base station height 40 m outside 25…25 m"])
        #expect(r.network.extrapolated["nominal"] == nil)
    }

    @Test func singleSectorLinkMatchesRadio() throws {
        let o = Self.origin
        // Building 10 × 10 m centred 300 m east: its nearest façade is 295 m from the site, bearing 90°.
        let data = city(
            buildings: [Self.building("A", o.x + 300, o.y)],
            sites: [Self.site("S", o.x, o.y, [Self.sector("east", azimuth: 90)])])
        let q = try #require(try Analysis.run(data, settings: settings).buildings[0].service.mobileOutdoor[.lte]?.1)
        let hand = try handLink(distance: 295, bearing: 90, azimuth: 90)
        #expect(abs(q.rsrpDBm - hand.rsrp) < 1e-6)
        #expect(abs(q.sinrDB - hand.sinr) < 1e-6)
        #expect(abs(q.downlinkMbps - hand.mbps) < 1e-6)
        #expect(q.sectorID == "east")
    }

    @Test func coChannelSectorsInterfereOtherCarriersDoNot() throws {
        let o = Self.origin
        let a = Self.building("A", o.x + 300, o.y)
        let serving = Self.site("S", o.x, o.y, [Self.sector("east", azimuth: 90)])
        // A second site 600 m east pointing west: 295 m from A's west façade? No: A's nearest façade to it is 295 m (x
        // + 305).
        let same = Self.site("T", o.x + 600, o.y, [Self.sector("west", azimuth: 270)])
        let other = Self.site("T", o.x + 600, o.y, [Self.sector("west", azimuth: 270, frequency: 2600)])
        let single = try Analysis.run(city(buildings: [a], sites: [serving]), settings: settings).buildings[0].service
            .mobileOutdoor[.lte]!.1
        let interfered = try Analysis.run(city(buildings: [a], sites: [serving, same]), settings: settings).buildings[0]
            .service.mobileOutdoor[.lte]!.1
        let separate = try Analysis.run(city(buildings: [a], sites: [serving, other]), settings: settings).buildings[0]
            .service.mobileOutdoor[.lte]!.1
        // By hand: the interferer reaches A like the server does (same distance, on boresight).
        let alone = try handLink(distance: 295, bearing: 90, azimuth: 90)
        let withInterferer = try handLink(
            distance: 295, bearing: 90, azimuth: 90, interferers: [alone.rsrp + 10 * log10(1200)])
        #expect(abs(single.sinrDB - alone.sinr) < 1e-6)
        #expect(abs(interfered.sinrDB - withInterferer.sinr) < 1e-6)
        #expect(interfered.sinrDB < single.sinrDB - 3)
        // On another carrier the second site does not interfere; its own carrier adds rate (aggregation).
        #expect(abs(separate.sinrDB - single.sinrDB) < 1e-9 || separate.rsrpDBm > single.rsrpDBm)
        #expect(separate.downlinkMbps > single.downlinkMbps)
    }

    @Test func fundingVerdicts() throws {
        let data = city(
            buildings: [
                Self.building("grey", 0, 0), Self.building("school", 100, 0, use: .school, households: 0),
                Self.building("black", 200, 0), Self.building("fast", 300, 0), Self.building("white", 400, 0),
                Self.building("planned", 500, 0),
            ],
            fixed: [
                Self.fixedRecord("grey", .vdsl, 50, 10), Self.fixedRecord("school", .vdsl, 100, 40),
                Self.fixedRecord("black", .hfc, 50, 5, provider: "cable A"),
                Self.fixedRecord("black", .hfc, 60, 5, provider: "cable B"), Self.fixedRecord("fast", .ftth, 1000, 500),
                Self.fixedRecord("white", .adsl, 6, 0.6), Self.fixedRecord("planned", .adsl, 16, 1),
                Self.fixedRecord("planned", .ftth, 1000, 500, planned: true),
            ])
        let r = try Analysis.run(data, settings: settings)
        func verdict(_ i: Int, _ p: FundingProgramme) -> FundingReason { r.buildings[i].service.funding[p]!.reason }
        // 50/10: NGA but no 100 Mbit/s: a grey spot under grey-2021, eligible under gigabit-2023 and 2024.
        #expect(verdict(0, .nga2015) == .nga30Available)
        #expect(verdict(0, .grey2021) == .below100Down)
        #expect(verdict(0, .gigabit2023) == .below500Down200Symmetric)
        #expect(verdict(0, .gigabit2024) == .noNetworkOver100)
        // A school on VDSL 100/40 is a focus point from 2021 on; the 2015 framework judges it as any building.
        #expect(verdict(1, .nga2015) == .nga30Available)
        for p in [FundingProgramme.grey2021, .gigabit2023, .gigabit2024] {
            #expect(verdict(1, p) == .focusPointNotGigabit)
        }
        // Two cable networks of 50 and 60 Mbit/s: two networks at the building, below 100 Mbit/s.
        #expect(r.buildings[2].service.fixed.networks.count == 2)
        #expect(verdict(2, .grey2021) == .below100Down)
        #expect(verdict(3, .gigabit2023) == .symmetric200Available)
        #expect(verdict(3, .gigabit2024) == .oneNetworkOver300Down)
        #expect(verdict(4, .nga2015) == .below30Down)
        // ADSL 16/1 with FTTH 1000/500 announced: excluded where the plan meets the bar, 2024 included.
        #expect(verdict(5, .nga2015) == .nga30Planned)
        #expect(verdict(5, .grey2021) == .reliable100Planned)
        #expect(verdict(5, .gigabit2023) == .bar500Or200Planned)
        #expect(verdict(5, .gigabit2024) == .gigabitPlanned)
        // With the 2015 framework's black-spot rule switched on for grey-2021, two NGA networks exclude.
        var blackSpot = settings
        blackSpot.funding.grey2021BlackSpotNetworks = 2
        #expect(
            try Analysis.run(data, settings: blackSpot).buildings[2].service.funding[.grey2021]!.reason == .blackSpot)
    }

    @Test func fixedRecordsJoinByIdAndByDistance() throws {
        var settings = settings
        settings.minimumJoinRate = 0
        let b = Self.building("A", 0, 0)
        let near = FixedLineRecord(
            id: "r1", location: Coordinate(0, 24), buildingID: nil, technology: .hfc, downMbps: 1000, upMbps: 50,
            provider: "c", plannedWithin3Years: false, attributes: JSONObject())
        let far = FixedLineRecord(
            id: "r2", location: Coordinate(0, 26), buildingID: nil, technology: .ftth, downMbps: 1000, upMbps: 1000,
            provider: "f", plannedWithin3Years: false, attributes: JSONObject())
        let r = try Analysis.run(
            city(buildings: [b], fixed: [near, far, Self.fixedRecord("nope", .vdsl, 50, 10)]), settings: settings)
        // 24 m from the centre is 19 m from the footprint: matched; 26 m is 21 m: not matched, and reported.
        #expect(r.buildings[0].service.fixed.networks.map(\.technology) == [.hfc])
        #expect(r.problems.map(\.code).sorted() == ["no-building-nearby", "unknown-building"])
    }

    /// Records over several chunks of the parallel search: every building's networks and the problems come
    /// out as joining the records one after another, in their order, gives them (worked out here).
    @Test func fixedRecordsJoinInRecordOrderOverManyChunks() throws {
        var settings = settings
        settings.minimumJoinRate = 0
        let buildings = (0..<10).map { Self.building("b\($0)", Double($0) * 40, 0) }
        let technologies: [FixedTechnology] = [.adsl, .vdsl, .hfc]
        var records: [FixedLineRecord] = []
        for k in 0..<1500 {
            let building = k % 7 == 3 ? "missing-\(k)" : "b\(k % 10)"
            var r = Self.fixedRecord(building, technologies[k % 3], Double((k * 37) % 500 + 1), Double(k % 11))
            r.id = "r\(k)"
            records.append(r)
        }
        let r = try Analysis.run(city(buildings: buildings, fixed: records), settings: settings)
        // Expected: per building and (technology, provider) the fastest offer (down, then up), the first
        // record's where they tie, in the order the pairs first appear.
        for (i, b) in buildings.enumerated() {
            var expected: [(FixedTechnology, Double, Double)] = []
            for rec in records where rec.buildingID == b.id {
                if let n = expected.firstIndex(where: { $0.0 == rec.technology }) {
                    if (rec.downMbps, rec.upMbps ?? 0) > (expected[n].1, expected[n].2) {
                        expected[n] = (rec.technology, rec.downMbps, rec.upMbps ?? 0)
                    }
                } else {
                    expected.append((rec.technology, rec.downMbps, rec.upMbps ?? 0))
                }
            }
            let networks = r.buildings[i].service.fixed.networks
            #expect(networks.map(\.technology) == expected.map(\.0), "building \(i)")
            #expect(networks.map(\.downMbps) == expected.map(\.1), "building \(i)")
            #expect(networks.map(\.upMbps) == expected.map(\.2), "building \(i)")
        }
        let unknown = r.problems.filter { $0.code == "unknown-building" }.map(\.featureID)
        #expect(unknown == records.filter { $0.buildingID!.hasPrefix("missing") }.map { Optional($0.id) })
    }

    @Test func countsSumUp() throws {
        var buildings: [Building] = []
        var fixed: [FixedLineRecord] = []
        for k in 0..<40 {
            let b = Self.building("b\(k)", Double(k % 8) * 60, Double(k / 8) * 60, households: Double(k % 5 + 1))
            buildings.append(b)
            fixed.append(
                Self.fixedRecord(
                    b.id, [.adsl, .vdsl, .hfc, .ftth][k % 4], [16, 100, 1000, 1000][k % 4], [1, 40, 50, 500][k % 4]))
        }
        let west = Self.district("W", "West", -100, -100, 200, 400)
        let east = Self.district("E", "East", 200, -100, 600, 400)
        let r = try Analysis.run(city(buildings: buildings, fixed: fixed, districts: [west, east]), settings: settings)
        #expect(r.city.all.buildings == 40)
        #expect(r.districts.map(\.all.buildings).reduce(0, +) == 40)
        #expect(abs(r.districts.map(\.all.households).reduce(0, +) - r.city.all.households) < 1e-9)
        for p in FundingProgramme.allCases {
            let eligible = r.buildings.filter { $0.service.funding[p]!.eligible }.count
            #expect(r.city.eligible[p]?.buildings ?? 0 == eligible)
            #expect(r.districts.compactMap { $0.eligible[p]?.buildings }.reduce(0, +) == eligible)
        }
        // Areas partition the eligible buildings of the area programme, also when cut at district
        // borders, and also for buildings outside every district.
        let eligible2023 = r.buildings.filter { $0.service.funding[.gigabit2023]!.eligible }.count
        #expect(r.areas.map(\.counts.buildings).reduce(0, +) == eligible2023)
        var cut = settings
        cut.cutAreasByDistrict = true
        let westOnly = try Analysis.run(city(buildings: buildings, fixed: fixed, districts: [west]), settings: cut)
        #expect(westOnly.areas.map(\.counts.buildings).reduce(0, +) == eligible2023)
        #expect(Set(westOnly.areas.flatMap(\.buildingIDs)).count == eligible2023)
        #expect(westOnly.areas.contains { $0.district == "West" } && westOnly.areas.contains { $0.district == nil })
        let both = try Analysis.run(city(buildings: buildings, fixed: fixed, districts: [west, east]), settings: cut)
        #expect(both.areas.allSatisfy { $0.district != nil })
        #expect(both.areas.map(\.counts.buildings).reduce(0, +) == eligible2023)
    }

    /// The height raster holds a building's height in every cell whose centre its footprint covers (GEOS
    /// decides, as the independent reference), none in a courtyard (a hole), and the taller of two
    /// overlapping buildings; heights round to 0.5 m.
    @Test func heightRasterCoversTheCellCentresOfEachFootprint() throws {
        let o = Self.origin
        let courtyard = Polygon(
            exterior: Polygon.rectangle(BoundingBox(minX: o.x + 3, minY: o.y + 4, maxX: o.x + 61, maxY: o.y + 47))
                .exterior,
            holes: [
                Polygon.rectangle(BoundingBox(minX: o.x + 21, minY: o.y + 17, maxX: o.x + 40, maxY: o.y + 33)).exterior
                    .reversed()
            ])
        let slanted = Polygon(exterior: [
            Coordinate(o.x + 70, o.y + 2), Coordinate(o.x + 96, o.y + 9), Coordinate(o.x + 84, o.y + 44),
            Coordinate(o.x + 55, o.y + 30), Coordinate(o.x + 70, o.y + 2),
        ])
        let footprints: [(Geometry, Double)] = [(.polygon(courtyard), 12.3), (.polygon(slanted), 20.2)]
        let raster = HeightRaster(
            box: BoundingBox(minX: o.x, minY: o.y, maxX: o.x + 100, maxY: o.y + 50), cellSize: 5, footprints: footprints
        )
        var covered = 0
        for r in 0..<raster.rows {
            for c in 0..<raster.columns {
                let centre = Coordinate(o.x + (Double(c) + 0.5) * 5, o.y + (Double(r) + 0.5) * 5)
                var expected = 0.0
                for (g, h) in footprints where try g.contains(.point(centre)) {
                    expected = max(expected, (h * 2).rounded() / 2)
                }
                if expected > 0 { covered += 1 }
                #expect(raster.height(at: centre) == expected, "cell \(c), \(r)")
            }
        }
        #expect(covered > 60)
    }

    /// A scenario without fixed-line records is analysed, with a warning that says so: else a forgotten
    /// `fixed:` input would make nearly every building eligible without a word.
    @Test func noFixedLineDataIsAWarning() throws {
        let buildings = [Self.building("a", 0, 0), Self.building("b", 300, 0)]
        let without = try Analysis.run(city(buildings: buildings), settings: settings)
        let warning = try #require(without.problems.first { $0.code == "no-fixed-line-data" })
        #expect(warning.severity == .warning && warning.layer == "fixed" && warning.file == "scenario")
        #expect(without.buildings.allSatisfy { $0.service.fixed.best == nil })
        let with = try Analysis.run(
            city(buildings: buildings, fixed: [Self.fixedRecord("a", .ftth, 1000, 500)]), settings: settings)
        #expect(!with.problems.contains { $0.code == "no-fixed-line-data" })
        let nothing = try Analysis.run(city(buildings: []), settings: settings)
        #expect(!nothing.problems.contains { $0.code == "no-fixed-line-data" }, "no buildings, nothing to judge")
    }

    /// An area's outline is its footprints buffered by half the cluster distance, all at once: it must cover
    /// the same ground as GEOS's union of each footprint's own buffer (the independent reference), with
    /// overlapping, touching and nested footprints and a point among them.
    @Test func areaOutlineIsTheUnionOfTheBufferedFootprints() throws {
        var buildings = [
            Self.building("a", 0, 0), Self.building("b", 8, 0, half: 8), Self.building("c", 10, 30),
            Self.building("d", 60, 45, half: 12), Self.building("e", 60, 45, half: 3), Self.building("f", 400, 0),
        ]
        buildings.append(
            Building(
                id: "g", geometry: .point(Coordinate(40, -40)), use: .residential, households: 1, floors: 1, heightM: 3)
        )
        let fixed = buildings.map { Self.fixedRecord($0.id, .adsl, 16, 1) }
        var s = settings
        s.clusterDistanceM = 50
        let r = try Analysis.run(city(buildings: buildings, fixed: fixed), settings: s)
        #expect(r.areas.map(\.buildingIDs) == [["a", "b", "c", "d", "e", "g"], ["f"]])
        for area in r.areas {
            let reference = try Geometry.union(
                area.members.map { try r.buildings[$0].geometry.buffer(25, quadrantSegments: 4) })
            let apart = try area.geometry.difference(reference).area() + reference.difference(area.geometry).area()
            #expect(apart < 1e-6, "\(area.id): \(apart) m² apart")
            #expect(abs(try area.geometry.area() - reference.area()) < 1e-6, "\(area.id)")
            #expect(area.geometry.polygons.count == reference.polygons.count, "\(area.id)")
        }
    }

    /// Without cutting, an area still names its district: the one that holds most of its buildings.
    @Test func uncutAreasNameTheDistrictOfMostOfTheirBuildings() throws {
        // Two clusters of eligible (ADSL) buildings: three in the west, two in the east and one west of
        // the border 100 m away, joined to the east cluster (cluster distance 150 m).
        let xs: [Double] = [0, 60, 120, 330, 390, 450]
        let buildings = xs.enumerated().map { k, x in Self.building("b\(k)", x, 0) }
        let fixed = buildings.map { Self.fixedRecord($0.id, .adsl, 16, 1) }
        let west = Self.district("W", "West", -50, -50, 350, 50)
        let east = Self.district("E", "East", 350, -50, 500, 50)
        var s = settings
        s.clusterDistanceM = 150
        let r = try Analysis.run(city(buildings: buildings, fixed: fixed, districts: [west, east]), settings: s)
        // Cluster one: b0, b1, b2 (West); cluster two: b3 (West), b4, b5 (East): East holds two of three.
        #expect(r.areas.map(\.buildingIDs) == [["b0", "b1", "b2"], ["b3", "b4", "b5"]])
        #expect(r.areas.map(\.district) == ["West", "East"])
    }

    /// The coverage layer's polygons lie inside the districts, as the summary's areas count only the
    /// cells whose centre lies in one.
    @Test func coverageIsClippedToTheDistricts() throws {
        let o = Self.origin
        let site = Self.site("s", o.x, o.y, [Self.sector("s1", azimuth: nil)])
        let inner = BoundingBox(minX: o.x - 300, minY: o.y - 300, maxX: o.x + 300, maxY: o.y + 300)
        let district = District(id: "d", name: "D", geometry: .polygon(.rectangle(inner)), attributes: JSONObject())
        var s = settings
        s.gridResolutionM = 50
        let buildings = [Self.building("a", o.x + 800, o.y + 800), Self.building("b", o.x - 800, o.y - 800)]
        let r = try Analysis.run(city(buildings: buildings, sites: [site], districts: [district]), settings: s)
        #expect(!r.coveragePolygons.isEmpty)
        for (cls, polygon) in r.coveragePolygons {
            let box = try #require(polygon.boundingBox, "\(cls.name)")
            #expect(box.minX >= inner.minX - 1e-6 && box.maxX <= inner.maxX + 1e-6, "\(cls.name): \(box)")
            #expect(box.minY >= inner.minY - 1e-6 && box.maxY <= inner.maxY + 1e-6, "\(cls.name): \(box)")
            let summary = try #require(r.city.coverage.first { $0.coverageClass == cls })
            // The layer's area and the summary's (cells by their centre) differ at most by half a cell
            // along the border: 2.4 km of border × 25 m = 0.06 km².
            #expect(abs(try polygon.area() / 1e6 - summary.areaKm2) <= 2.4 * 0.025, "\(cls.name)")
        }
    }

    @Test func underservedAreasJoinNearBuildings() throws {
        let buildings = [
            Self.building("a", 0, 0), Self.building("b", 60, 0), Self.building("c", 1000, 0),
            Self.building("d", 500, 500),
        ]
        let fixed = [
            Self.fixedRecord("a", .adsl, 6, 1), Self.fixedRecord("b", .adsl, 6, 1), Self.fixedRecord("c", .adsl, 16, 1),
            Self.fixedRecord("d", .ftth, 1000, 1000),
        ]
        let r = try Analysis.run(city(buildings: buildings, fixed: fixed), settings: settings)
        // a and b are 50 m apart (footprints): one area; c alone; d is served.
        #expect(r.areas.map(\.buildingIDs) == [["a", "b"], ["c"]])
        #expect(r.areas[0].dominantReason == FundingReason.below500Down200Symmetric.rawValue)
        #expect(r.areas.allSatisfy { $0.geometry.isValid })
        #expect(try r.areas[0].geometry.contains(Self.building("gap", 30, 0, half: 1).geometry))
    }

    @Test func schoolsTableAndWLAN() throws {
        let schoolBuilding = Self.building("sb", 0, 0, use: .school, households: 0, half: 20)
        let school = School(
            id: "103", name: "Kolping", geometry: .point(Coordinate(1, 1)), type: "Berufskolleg", students: 460,
            classes: nil, buildingID: nil, attributes: JSONObject())
        var data = city(
            buildings: [schoolBuilding, Self.building("h", 300, 0)], fixed: [Self.fixedRecord("sb", .vdsl, 100, 40)],
            schools: [school])
        data.wlan = [
            WLANAccessPoint(
                id: "ap1", location: Coordinate(2, 2), island: "Kolping", standard: .ax, bandMHz: 5000, eirpDBm: 23,
                indoor: true, isPublic: false, backhaulMbps: 250, attributes: JSONObject()),
            WLANAccessPoint(
                id: "ap2", location: Coordinate(2, 21), island: "Kolping", standard: .ax, bandMHz: 5000, eirpDBm: 30,
                indoor: false, isPublic: true, backhaulMbps: 250, attributes: JSONObject()),
        ]
        data.streets = [
            Street(
                id: "st", geometry: .lineString([Coordinate(-500, 30), Coordinate(500, 30)]), attributes: JSONObject())
        ]
        let r = try Analysis.run(data, settings: settings)
        let row = try #require(r.schools.first)
        #expect(row.buildingID == "sb")
        #expect(row.classes == 20)  // ⌈460 / 23⌉
        #expect(row.mbpsPerClass == 5)  // 100 / 20
        #expect(row.meetsClassRule == false)
        #expect(row.wlanIsland == "Kolping")
        // VDSL 100/40 is NGA: the 2015 framework, which has no focus-point rule, excludes the school.
        #expect(row.eligibleUnder == [.grey2021, .gigabit2023, .gigabit2024])
        // Two APs, each the TGax enterprise link at 10 m through 2 walls, together limited by the 250 Mbit/s backhaul.
        let sum =
            WLANService.indoorMbps(data.wlan[0], WLANSettings()) + WLANService.indoorMbps(data.wlan[1], WLANSettings())
        #expect(sum > 0)
        #expect(r.buildings[0].service.wlanMbps == min(250, sum))
        // Only the public outdoor AP covers the street: the chord of its disk at 9 m from its centre
        // (AP at y = 21, street at y = 30); the 32-gon buffer is within 1 % of the radius of the circle.
        let radius = WLANService.outdoorRadiusM(data.wlan[1], WLANSettings())
        let covered = try #require(r.streetCoverage.first).coveredM
        #expect(radius > 50)
        #expect(abs(covered - 2 * (radius * radius - 9 * 9).squareRoot()) < 0.02 * radius)
        #expect(r.islands.count == 1 && r.islands[0].isPublic)
    }
}
