import Foundation
import Testing

@testable import GeoCore

/// The packed input properties give back exactly the values they were made from.
@Suite struct SourcePropertiesTests {
    /// Every kind of value, strings across the one-byte length limit (127/128 bytes), text beyond ASCII,
    /// numbers that decimal text would round, and nested values.
    let object = JSONObject([
        ("id", .string("B-17")), ("empty", .string("")), ("null", .null), ("yes", .bool(true)), ("no", .bool(false)),
        ("third", .number(1.0 / 3)), ("negative", .number(-0.000_123_456_789_012_345_6)),
        ("large", .number(9.007_199_254_740_993e15)), ("smallest", .number(Double.leastNonzeroMagnitude)),
        ("street", .string("Hüfferstraße 27 · Münster")), ("long127", .string(String(repeating: "a", count: 127))),
        ("long128", .string(String(repeating: "b", count: 128))),
        ("long20000", .string(String(repeating: "ä", count: 10_000))),
        ("list", .array([.number(1), .string("x"), .null])),
        ("inner", .object(JSONObject([("k", .string("v")), ("n", .number(2))]))), ("last", .number(0)),
    ])

    @Test func valuesComeBackExactly() throws {
        let packed = SourceProperties(object)
        #expect(packed.keys == object.keys)
        #expect(packed.count == object.count)
        #expect(packed.values == object.values)
        #expect(JSONObject(Array(zip(packed.keys, packed.values))) == object)
        for (key, value) in zip(object.keys, object.values) {
            #expect(packed[key] == value, "\(key)")
            if case .number(let n) = value, case .number(let m)? = packed[key] {
                #expect(n.bitPattern == m.bitPattern, "\(key) to the bit")
            }
        }
        #expect(packed["absent"] == nil)
        #expect(packed["ID"] == nil, "names are matched as written")
    }

    /// The values as text are each value's text as a string (null stays null): strings, numbers whole and
    /// not, booleans and nested values alike.
    @Test func textsAreTheValuesText() {
        let packed = SourceProperties(object)
        #expect(packed.texts == object.values.map { $0.isNull ? .null : .string($0.text) })
    }

    @Test func emptyAndEquality() {
        #expect(SourceProperties().count == 0)
        #expect(SourceProperties().values.isEmpty)
        #expect(SourceProperties(JSONObject()) == SourceProperties())
        #expect(SourceProperties(object) == SourceProperties(object))
        var other = object
        other["id"] = .string("B-18")
        #expect(SourceProperties(other) != SourceProperties(object))
        #expect(SourceProperties(other)["id"] == .string("B-18"))
    }
}
