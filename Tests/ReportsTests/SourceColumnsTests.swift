import GeoCore
import TestSupport
import Testing

@testable import Reports

@Suite struct SourceColumnsTests {
    /// Over objects of many key orders (more than the shapes kept), some sharing one keys array and some
    /// repeating it in copies, the columns are every key but `sectors` in the order first seen, and each
    /// object's values are what looking its keys up by name gives: text, null where absent or null.
    @Test func valuesAreWhatALookupByNameGives() {
        let pool = ["id", "use", "addr:street", "name", "height_m", "sectors", "note", "floors", "x"]
        let values: [JSONValue] = [.null, .string("a"), .string("Straße 7"), .number(2.5), .number(3), .bool(true)]
        var g = SplitMix64(state: 5)
        for _ in 0..<200 {
            var objects: [JSONObject] = []
            var shared: [JSONObject] = []
            for _ in 0..<g.below(40) {
                if !shared.isEmpty && g.below(2) == 0 {
                    let o = shared[g.below(shared.count)]
                    // The same keys array as an earlier object, with values of its own.
                    objects.append(JSONObject(shape: o, values: o.keys.map { _ in values[g.below(values.count)] }))
                    continue
                }
                var o = JSONObject()
                for _ in 0..<g.below(7) { o[pool[g.below(pool.count)]] = values[g.below(values.count)] }
                objects.append(o)
                shared.append(o)
            }
            var expectedKeys: [String] = []
            for o in objects {
                for k in o.keys where k != "sectors" && !expectedKeys.contains(k) { expectedKeys.append(k) }
            }
            let columns = SourceColumns(objects.map(SourceProperties.init))
            #expect(columns.keys == expectedKeys)
            #expect(columns.fields.map(\.name) == expectedKeys.map { "src_" + ResultLayers.fieldName($0) })
            for o in objects {
                var row = RowBuilder(columns.fields.map(\.name))
                columns.appendValues(of: SourceProperties(o), into: &row)
                let expected = expectedKeys.map { key -> JSONValue in
                    guard let v = o[key], !v.isNull else { return .null }
                    return .string(v.text)
                }
                #expect(row.finish().jsonValues == expected, "\(o.keys)")
            }
        }
    }
}
