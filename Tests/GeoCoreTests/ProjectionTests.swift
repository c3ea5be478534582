import Foundation
import TestSupport
import Testing

@testable import GeoCore

@Suite struct ProjectionTests {
    @Test func prinzipalmarktInUTM32() throws {
        let p = Projector()
        let c = try p.transform(Coordinate(7.6280, 51.9625), from: .wgs84, to: .etrs89UTM32)
        // Known values: E 405734.93, N 5757756.36.
        #expect(abs(c.x - 405_734.93) < 0.01)
        #expect(abs(c.y - 5_757_756.36) < 0.01)
        let back = try p.transform(c, from: .etrs89UTM32, to: .wgs84)
        #expect(abs(back.x - 7.6280) < 1e-9 && abs(back.y - 51.9625) < 1e-9)
    }

    /// A projector on another thread makes a transformation from the PROJ string that the first one to
    /// need it shared, and lands on the same bits as one that asks PROJ's database itself; a pair that PROJ
    /// answers with several operations (Gauss-Krüger to UTM, by area of use) is asked for by each.
    @Test func projectorsOnOtherThreadsShareTheTransformations() throws {
        var points: [Coordinate] = []
        for i in 0..<40 {
            for j in 0..<25 { points.append(Coordinate(6.0 + Double(i) * 0.1, 50.0 + Double(j) * 0.15)) }
        }
        let utm = try Projector().transformed(points, from: .wgs84, to: .etrs89UTM32)
        let gk = try Projector().transformed(points, from: .wgs84, to: .gaussKruger3)
        let cases: [([Coordinate], CRS, CRS)] = [
            (points, .wgs84, .etrs89UTM32), (utm, .etrs89UTM32, .wgs84), (gk, .gaussKruger3, .etrs89UTM32),
        ]
        for (input, source, target) in cases {
            let own = try Projector(sharesDefinitions: false).transformed(input, from: source, to: target)
            _ = try Projector().transformed(input, from: source, to: target)
            let onOtherThread = BackgroundJob {
                Result { try Projector().transformed(input, from: source, to: target) }
            }
            let shared = try onOtherThread.value.get()
            #expect(shared.count == own.count)
            #expect(
                zip(shared, own).allSatisfy {
                    $0.x.bitPattern == $1.x.bitPattern && $0.y.bitPattern == $1.y.bitPattern
                }, "\(source) → \(target)")
        }
        // The shared string is the one operation PROJ chose, not an identity: the points moved.
        #expect(utm[0].distance(to: points[0]) > 1000)
    }

    /// A UTM or Web Mercator transformation runs as its projection alone with the degree ↔ radian step done
    /// by the projector, and lands on the bits of PROJ's whole pipeline (a projector that asks PROJ's database
    /// itself runs that) for points across Germany and beyond the zone; out of range, it fails where the
    /// pipeline fails; Gauss-Krüger (several operations) is run by PROJ whole.
    @Test func unitStepsDoneHereGiveThePipelinesBits() throws {
        var degrees: [Coordinate] = []
        for i in 0..<60 {
            for j in 0..<40 { degrees.append(Coordinate(-3.0 + Double(i) * 0.37, 44.0 + Double(j) * 0.29)) }
        }
        let utm33 = try #require(CRS("EPSG:25833"))
        let webMercator = try #require(CRS("EPSG:3857"))
        for projected in [CRS.etrs89UTM32, utm33, webMercator] {
            let whole = Projector(sharesDefinitions: false)
            let points = try whole.transformed(degrees, from: .wgs84, to: projected)
            for (input, source, target) in [(degrees, CRS.wgs84, projected), (points, projected, .wgs84)] {
                let p = Projector()
                #expect(try p.runsUnitStepItself(from: source, to: target), "\(source) → \(target)")
                #expect(try !whole.runsUnitStepItself(from: source, to: target))
                let own = try p.transformed(input, from: source, to: target)
                let reference = try whole.transformed(input, from: source, to: target)
                #expect(
                    zip(own, reference).allSatisfy {
                        $0.x.bitPattern == $1.x.bitPattern && $0.y.bitPattern == $1.y.bitPattern
                    }, "\(source) → \(target)")
            }
            // Coordinates out of range: where PROJ's pipeline fails, so does the projection alone, else the bits agree.
            let odd = [Coordinate(1e30, 1e30), Coordinate(7, 95), Coordinate(400, 52), Coordinate(.infinity, 0)]
            for c in odd {
                for (source, target) in [(CRS.wgs84, projected), (projected, .wgs84)] {
                    let own = try? Projector().transform(c, from: source, to: target)
                    let reference = try? whole.transform(c, from: source, to: target)
                    #expect(own?.x.bitPattern == reference?.x.bitPattern, "\(c) \(source) → \(target)")
                    #expect(own?.y.bitPattern == reference?.y.bitPattern, "\(c) \(source) → \(target)")
                }
            }
            #expect(throws: CRSError.self) { try Projector().transform(Coordinate(7, 95), from: .wgs84, to: projected) }
        }
        #expect(try !Projector().runsUnitStepItself(from: .gaussKruger3, to: .etrs89UTM32))
    }

    @Test func unitStepPipelinesAreReadStrictly() {
        let inverse = UnitStepPipeline(
            "+proj=pipeline +step +inv +proj=utm +zone=32 +ellps=GRS80 +step +proj=unitconvert +xy_in=rad +xy_out=deg")
        #expect(inverse?.operation == "+inv +proj=utm +zone=32 +ellps=GRS80")
        #expect(inverse?.factorBefore == 1)
        // PROJ's unitconvert factor: 1 / DEG_TO_RAD.
        #expect(inverse?.factorAfter == 1 / 0.017_453_292_519_943_296)
        let forward = UnitStepPipeline(
            "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=utm +zone=32 +ellps=GRS80")
        #expect(forward?.operation == "+proj=utm +zone=32 +ellps=GRS80")
        #expect(forward?.factorBefore == 0.017_453_292_519_943_296)
        #expect(forward?.factorAfter == 1)
        for other in [
            "+proj=utm +zone=32 +ellps=GRS80",
            "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=utm +zone=32 +ellps=GRS80"
                + " +step +proj=axisswap +order=2,1",
            "+proj=pipeline +step +proj=unitconvert +xy_in=grad +xy_out=rad +step +proj=utm +zone=32 +ellps=GRS80",
            "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +omit_inv +proj=utm +zone=32",
            "+proj=pipeline +ellps=GRS80 +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=utm +zone=32",
            "+proj=pipeline +step +inv +proj=utm +zone=32 +step +proj=unitconvert +xy_in=deg +xy_out=rad",
            "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad"
                + " +step +proj=unitconvert +xy_in=rad +xy_out=deg",
        ] { #expect(UnitStepPipeline(other) == nil, "\(other)") }
    }

    @Test func gaussKruegerSchoolsLandOnTheirWGS84Twins() throws {
        let gk = try FeatureFileReader.read(
            path: Fixtures.path("GeoData/muenster/schools-2024-gk3.csv"), options: .init(csvCRS: .gaussKruger3))[0]
        let wgs = try FeatureFileReader.read(path: Fixtures.path("GeoData/muenster/schools-2024.geojson"))[0]
        #expect(gk.features.count == 100)
        let p = Projector()
        var twins: [String: Coordinate] = [:]
        for f in wgs.features {
            twins[f.properties["LFDNR"]!.text] = try p.transform(f.geometry!.anchor!, from: .wgs84, to: .etrs89UTM32)
        }
        var worst = 0.0
        for f in gk.features {
            let c = try p.transform(f.geometry!.anchor!, from: .gaussKruger3, to: .etrs89UTM32)
            let twin = try #require(twins[f.properties["LFDNR"]!.text])
            worst = max(worst, c.distance(to: twin))
        }
        #expect(worst < 2, "largest GK3 → WGS84 discrepancy \(worst) m")
    }

    @Test func crsSpellings() {
        #expect(CRS("urn:ogc:def:crs:EPSG::25832") == .etrs89UTM32)
        #expect(CRS("EPSG:25832") == .etrs89UTM32)
        #expect(CRS("epsg:31467") == .gaussKruger3)
        #expect(CRS("http://www.opengis.net/def/crs/EPSG/0/4326") == .wgs84)
        #expect(CRS("urn:ogc:def:crs:OGC:1.3:CRS84") == .wgs84)
        #expect(CRS("25832") == .etrs89UTM32)
        #expect(CRS("not a crs") == nil)
    }

    @Test func crsInfo() throws {
        let p = Projector()
        let utm = try p.info(.etrs89UTM32)
        #expect(!utm.isGeographic)
        #expect(utm.areaOfUse!.minX == 6 && utm.areaOfUse!.maxX > 11.9)
        #expect(utm.wkt.contains("ETRS89"))
        #expect(try p.info(.wgs84).isGeographic)
        #expect(throws: CRSError.self) { try p.info(CRS(epsg: 999_999)) }
    }
}

@Suite struct GeometryOperationTests {
    let square = Geometry.polygon(.rectangle(BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 10)))
    let shifted = Geometry.polygon(.rectangle(BoundingBox(minX: 5, minY: 5, maxX: 15, maxY: 15)))

    @Test func areasAndUnions() throws {
        #expect(try square.area() == 100)
        // Two 10 × 10 squares overlapping in a 5 × 5 square: union 175, intersection 25, difference 75.
        #expect(abs(try square.union(shifted).area() - 175) < 1e-9)
        #expect(abs(try Geometry.union([square, shifted]).area() - 175) < 1e-9)
        #expect(abs(try square.intersection(shifted).area() - 25) < 1e-9)
        #expect(abs(try square.difference(shifted).area() - 75) < 1e-9)
        #expect(try square.length() == 40)
        #expect(try square.distance(to: .point(Coordinate(13, 10))) == 3)
        #expect(try square.centroid() == .point(Coordinate(5, 5)))
    }

    @Test func bufferAreaMatchesTheInscribedPolygon() throws {
        // A point buffered with 8 segments per quadrant is a regular 32-gon: area = n/2 · r² · sin(2π/n).
        let r = 100.0
        let n = 32.0
        let expected = n / 2 * r * r * sin(2 * Double.pi / n)
        #expect(abs(try Geometry.point(Coordinate(0, 0)).buffer(r).area() - expected) < 1e-6)
    }

    @Test func makeValidRepairsABowTie() throws {
        let bowTie = Geometry.polygon(
            Polygon(exterior: [
                Coordinate(0, 0), Coordinate(10, 10), Coordinate(10, 0), Coordinate(0, 10), Coordinate(0, 0),
            ]))
        let (valid, reason) = try bowTie.validity()
        #expect(!valid)
        #expect(reason?.contains("Self-intersection") == true)
        let repaired = try bowTie.madeValid()
        #expect(repaired.isValid)
        // Two triangles of base 10 and height 5.
        #expect(abs(try repaired.area() - 50) < 1e-9)
    }

    /// A ring that `Ring.isStrictlyConvex` accepts is a valid polygon by GEOS, and the validity it
    /// short-cuts is GEOS's for every ring: convex ones in both orientations and at UTM magnitudes, stars,
    /// a pentagram (convex turns, wound twice), bow ties, repeated and collinear corners and corners a
    /// rounding error off a line.
    @Test func strictlyConvexRingsAreValidPolygons() throws {
        var g = SplitMix64(state: 25832)
        func ring(_ corners: [Coordinate]) -> [Coordinate] { corners + [corners[0]] }
        var rings: [(ring: [Coordinate], convex: Bool?)] = []
        let origin = Coordinate(405_734.93, 5_757_756.36)
        for _ in 0..<3000 {
            let n = 3 + g.below(10)
            let (rx, ry) = (1 + 50 * g.unit(), 1 + 50 * g.unit())
            let angles = (0..<n).map { _ in 2 * Double.pi * g.unit() }.sorted()
            let radii = (0..<n).map { _ in g.below(2) == 0 ? 1 : 0.3 + 0.7 * g.unit() }
            var corners = zip(angles, radii).map { a, r in
                Coordinate(origin.x + r * rx * cos(a), origin.y + r * ry * sin(a))
            }
            if g.below(2) == 0 { corners.reverse() }
            switch g.below(6) {
            case 0: corners.insert(corners[0], at: 1)
            case 1:
                let m = Coordinate((corners[0].x + corners[1].x) / 2, (corners[0].y + corners[1].y) / 2)
                corners.insert(m, at: 1)
            case 2: corners.swapAt(0, corners.count - 1)
            default: break
            }
            rings.append((ring(corners), nil))
        }
        let square = [Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 10), Coordinate(0, 10)]
        rings.append((ring(square), true))
        rings.append((ring(square.reversed()), true))
        rings.append((ring(square.map { Coordinate($0.x + origin.x, $0.y + origin.y) }), true))
        let pentagram = (0..<5).map { k in Coordinate(cos(Double(k) * 4 * .pi / 5), sin(Double(k) * 4 * .pi / 5)) }
        rings.append((ring(pentagram), false))
        rings.append((ring([Coordinate(0, 0), Coordinate(10, 10), Coordinate(10, 0), Coordinate(0, 10)]), false))
        rings.append((ring([Coordinate(0, 0), Coordinate(5, 0), Coordinate(10, 0), Coordinate(5, 5)]), false))
        let offLine = Coordinate(origin.x + 5, origin.y + 1e-12)
        rings.append(
            (
                ring([origin, offLine, Coordinate(origin.x + 10, origin.y), Coordinate(origin.x + 5, origin.y + 5)]),
                false
            ))
        rings.append((ring([Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 10)]), true))
        rings.append((ring([Coordinate(0, 0), Coordinate(10, 0), Coordinate(.nan, 10)]), false))
        var accepted = 0
        for (r, convex) in rings {
            let says = Ring.isStrictlyConvex(r)
            if let convex { #expect(says == convex, "\(r)") }
            let polygon = Geometry.polygon(Polygon(exterior: r))
            let geos = try polygon.validityByGEOS()
            if says {
                accepted += 1
                #expect(geos.isValid, "\(r)")
            }
            let fast = try polygon.validity()
            #expect(fast.isValid == geos.isValid && fast.reason == geos.reason, "\(r)")
        }
        // Most of the random rings are stars or have a repeated corner; a good share is convex.
        #expect(accepted > 300 && accepted < 2500)
    }

    @Test func hullsSimplifyAndPredicates() throws {
        let points = Geometry.multiPoint([
            Coordinate(0, 0), Coordinate(4, 0), Coordinate(4, 3), Coordinate(0, 3), Coordinate(2, 1),
        ])
        #expect(try points.convexHull().area() == 12)
        #expect(try points.concaveHull(ratio: 1).area() == 12)
        let line = Geometry.lineString([Coordinate(0, 0), Coordinate(5, 0.01), Coordinate(10, 0)])
        #expect(try line.simplified(tolerance: 0.1).coordinates.count == 2)
        let prepared = try PreparedGeometry(square)
        #expect(try prepared.covers(Coordinate(5, 5)))
        #expect(try prepared.covers(Coordinate(10, 5)))
        #expect(try !prepared.contains(.point(Coordinate(11, 5))))
        #expect(try prepared.intersects(shifted))
        #expect(try square.contains(.point(Coordinate(1, 1))))
    }

    @Test func geosErrorsCarryItsMessage() {
        #expect(throws: GEOSError.self) {
            try Geometry.polygon(
                Polygon(exterior: [Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1)])
            ).area()
        }
    }
}

@Suite struct STRtreeTests {
    @Test func agreesWithBruteForce() {
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let boxes = (0..<2000).map { _ -> BoundingBox in
            let x = next() * 1000
            let y = next() * 1000
            return BoundingBox(minX: x, minY: y, maxX: x + next() * 20, maxY: y + next() * 20)
        }
        let tree = STRtree(boxes: boxes, nodeCapacity: 8)
        let order = tree.itemsInQueryOrder
        #expect(order.sorted() == Array(boxes.indices))
        var position = [Int](repeating: 0, count: boxes.count)
        for (k, item) in order.enumerated() { position[item] = k }
        for _ in 0..<200 {
            let x = next() * 1000
            let y = next() * 1000
            let q = BoundingBox(minX: x, minY: y, maxX: x + next() * 100, maxY: y + next() * 100)
            #expect(tree.query(q) == boxes.indices.filter { boxes[$0].intersects(q) })
            let c = Coordinate(x, y)
            #expect(tree.query(near: c, radius: 30) == boxes.indices.filter { boxes[$0].distance(to: c) <= 30 })
            // Unsorted, the same items in the order of `itemsInQueryOrder`.
            var unsorted: [Int] = []
            tree.query(near: c, radius: 60, into: &unsorted, sorted: false)
            #expect(unsorted.sorted() == boxes.indices.filter { boxes[$0].distance(to: c) <= 60 })
            let positions = unsorted.map { position[$0] }
            #expect(positions == positions.sorted(), "not in the query order")
        }
        #expect(STRtree(boxes: []).query(BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)).isEmpty)
    }
}

extension Projector {
    /// `coordinates` transformed, as a new array.
    fileprivate func transformed(_ coordinates: [Coordinate], from source: CRS, to target: CRS) throws -> [Coordinate] {
        var out = coordinates
        try transform(&out, from: source, to: target)
        return out
    }
}
