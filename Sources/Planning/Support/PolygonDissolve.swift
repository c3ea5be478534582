import GeoCore

/// The union of polygonal geometries, with GEOS's overlay only where it can change anything: the
/// geometries fall into groups that intersect (share at least one point, directly or through others);
/// a group of one is kept as it is, a larger group is dissolved by GEOS. Geometries in different groups
/// share no point, so their union is simply both. Pairs are tested only where their bounding boxes meet
/// (apart boxes: no common point), by GEOS's prepared `intersects`, which counts touching boundaries.
/// Polygons come in the order of each group's first geometry.
enum PolygonDissolve {
    static func union(_ geometries: [Geometry]) throws -> [Polygon] {
        let boxes = geometries.map { $0.boundingBox }
        let present = boxes.indices.filter { boxes[$0] != nil }
        let tree = STRtree(boxes: present.map { boxes[$0]! })
        var sets = DisjointSets(count: present.count)
        for a in present.indices {
            var prepared: PreparedGeometry?
            for b in tree.query(boxes[present[a]]!) where b > a && sets.find(a) != sets.find(b) {
                if prepared == nil { prepared = try PreparedGeometry(geometries[present[a]]) }
                if try prepared!.intersects(geometries[present[b]]) { sets.join(b, into: a) }
            }
        }
        var groups: [Int: [Int]] = [:]
        var firsts: [Int] = []
        for k in present.indices {
            let root = sets.find(k)
            if groups[root] == nil { firsts.append(root) }
            groups[root, default: []].append(present[k])
        }
        var polygons: [Polygon] = []
        for root in firsts {
            let members = groups[root]!
            if members.count == 1 {
                polygons += geometries[members[0]].polygons
            } else {
                polygons += try Geometry.union(members.map { geometries[$0] }).polygons
            }
        }
        return polygons
    }
}
