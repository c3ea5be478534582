import Foundation
import TestSupport
import Testing

@testable import GeoCore

/// The GeoPackage R-tree written in one pass (`PackedRTree`) against SQLite's own rtree module: its
/// integrity check, window queries against a scan of the boxes, and later edits through the module.
@Suite struct PackedRTreeTests {
    @Test func sqliteAcceptsAndAnswersLikeAScan() throws {
        let path = Fixtures.temporaryDirectory() + "/many.gpkg"
        let writer = try GeoPackageWriter(path: path)
        try writer.addLayer(
            "cells", geometryType: "POLYGON", crs: .etrs89UTM32, fields: [GeoPackageField("k", .integer)])
        var g = SplitMix64(state: 25832)
        var boxes: [BoundingBox] = []
        for k in 0..<6000 {
            // Clusters and repeats as well as spread boxes, so that slices and ties both occur.
            let x = k % 7 == 0 ? 405_000.0 : 405_000 + 20_000 * g.unit()
            let y = k % 7 == 0 ? 5_757_000.0 : 5_757_000 + 20_000 * g.unit()
            let box = BoundingBox(minX: x, minY: y, maxX: x + 5 + 40 * g.unit(), maxY: y + 5 + 40 * g.unit())
            boxes.append(box)
            try writer.insert(
                into: "cells", geometry: .polygon(.rectangle(box)), properties: JSONObject([("k", .number(Double(k)))]))
        }
        try writer.finish()

        let db = try SQLiteDatabase(path: path)
        #expect(try db.query("SELECT rtreecheck('rtree_cells_geom')").first?.first?.text == "ok")
        #expect(try db.query("SELECT count(*) FROM rtree_cells_geom").first?.first?.integer == 6000)
        let nodes = try db.query("SELECT length(data) FROM rtree_cells_geom_node").count
        #expect(nodes > 120, "6000 boxes need more than 118 leaves of 51: \(nodes) nodes")
        for _ in 0..<40 {
            let x = 405_000 + 20_000 * g.unit()
            let y = 5_757_000 + 20_000 * g.unit()
            let window = BoundingBox(minX: x, minY: y, maxX: x + 3000 * g.unit(), maxY: y + 3000 * g.unit())
            let found = try db.query(
                "SELECT id FROM rtree_cells_geom WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id",
                [.real(window.minX), .real(window.maxX), .real(window.minY), .real(window.maxY)]
            ).compactMap { $0.first?.integer }
            // The boxes the module stores are the float boxes rounded outwards; a window query on them.
            let expected = boxes.indices.filter { k in
                let e = PackedRTree.Entry(id: Int64(k + 1), box: boxes[k])
                return Double(e.maxX) >= window.minX && Double(e.minX) <= window.maxX && Double(e.maxY) >= window.minY
                    && Double(e.minY) <= window.maxY
            }.map { Int64($0 + 1) }
            #expect(found == expected)
        }
        // Edits through the module (the delete trigger of the GeoPackage, moves and inserts as GDAL's
        // triggers make them) keep the tree sound.
        try db.execute("DELETE FROM cells WHERE fid % 3 = 0")
        try db.execute("UPDATE rtree_cells_geom SET minx = minx + 7000, maxx = maxx + 7000 WHERE id % 5 = 1")
        for k in 0..<100 {
            try db.execute(
                "INSERT INTO rtree_cells_geom VALUES (?, ?, ?, ?, ?)",
                [.integer(Int64(10_000 + k)), .real(405_000), .real(405_010), .real(5_757_000), .real(5_757_010)])
        }
        #expect(try db.query("SELECT rtreecheck('rtree_cells_geom')").first?.first?.text == "ok")
        #expect(try db.query("SELECT count(*) FROM rtree_cells_geom").first?.first?.integer == 4100)
    }

    /// A layer ended early (`endLayer`, its tree packed on another thread while the next layer is
    /// written) gets the same nodes, to the byte, as one packed by `finish()`; it takes no more features,
    /// and an empty layer can be ended too.
    @Test func anEndedLayerGetsTheSameTree() throws {
        var g = SplitMix64(state: 4326)
        let boxes = (0..<3000).map { _ in
            let (x, y) = (405_000 + 9_000 * g.unit(), 5_757_000 + 9_000 * g.unit())
            return BoundingBox(minX: x, minY: y, maxX: x + 30 * g.unit(), maxY: y + 30 * g.unit())
        }
        func write(ending: Bool) throws -> SQLiteDatabase {
            let path = Fixtures.temporaryDirectory() + "/ended-\(ending).gpkg"
            let writer = try GeoPackageWriter(path: path)
            for name in ["a", "b", "empty"] {
                try writer.addLayer(name, geometryType: "POLYGON", crs: .etrs89UTM32, fields: [])
                for box in name == "empty" ? [] : boxes {
                    try writer.insert(into: name, geometry: .polygon(.rectangle(box)), values: [])
                }
                if ending { try writer.endLayer(name) }
            }
            if ending {
                #expect(throws: GeoPackageError.self) {
                    try writer.insert(into: "a", geometry: .point(Coordinate(405_000, 5_757_000)), values: [])
                }
            }
            try writer.finish()
            return try SQLiteDatabase(path: path)
        }
        let (ended, packedAtFinish) = (try write(ending: true), try write(ending: false))
        for table in ["rtree_a_geom", "rtree_b_geom", "rtree_empty_geom"] {
            #expect(try ended.query("SELECT rtreecheck('\(table)')").first?.first?.text == "ok")
            for shadow in ["_node", "_rowid", "_parent"] {
                let sql = "SELECT * FROM \(table)\(shadow) ORDER BY 1"
                #expect(try ended.query(sql) == packedAtFinish.query(sql), "\(table)\(shadow)")
            }
        }
        #expect(try ended.query("SELECT count(*) FROM rtree_a_geom").first?.first?.integer == 3000)
        #expect(try ended.query("SELECT count(*) FROM a").first?.first?.integer == 3000)
    }

    @Test func aFewBoxesMakeALeafRoot() throws {
        let path = Fixtures.temporaryDirectory() + "/few.gpkg"
        let writer = try GeoPackageWriter(path: path)
        try writer.addLayer("p", geometryType: "POINT", crs: .etrs89UTM32, fields: [])
        for k in 0..<3 { try writer.insert(into: "p", geometry: .point(Coordinate(Double(k), 2)), values: []) }
        try writer.addLayer("none", geometryType: "POINT", crs: .etrs89UTM32, fields: [])
        try writer.finish()
        let db = try SQLiteDatabase(path: path)
        for table in ["rtree_p_geom", "rtree_none_geom"] {
            #expect(try db.query("SELECT rtreecheck('\(table)')").first?.first?.text == "ok")
        }
        #expect(
            try db.query("SELECT id FROM rtree_p_geom WHERE minx >= 0.5 ORDER BY id").map { $0[0].integer } == [2, 3])
    }
}
