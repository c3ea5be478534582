import Foundation
import TestSupport
import Testing

@testable import GeoCore

/// Values packed into one buffer give back exactly the values they were made from, however they were
/// built, and read in place as the writers read them.
@Suite struct FieldValuesTests {
    /// A random value of every kind: numbers written from their digits and others (a third, 1e20, −0, the
    /// smallest double, NaN), texts from empty to longer than 127 bytes (two length bytes) and 20,000 bytes,
    /// beyond ASCII, null, booleans, arrays and objects.
    static func randomValue(_ g: inout SplitMix64) -> JSONValue {
        switch g.below(9) {
        case 0: return .number(Double(Int(g.next() % 2_000_001) - 1_000_000) / 100)
        case 1: return .number([1.0 / 3, 1e20, -0.0, .leastNonzeroMagnitude, .nan, 7, -123_456.789][g.below(7)])
        case 2: return .string(String(repeating: "x", count: g.below(300)))
        case 3:
            return .string(["", "Hüfferstraße 27", "say \"hi\"", String(repeating: "ä", count: 10_000)][g.below(4)])
        case 4: return .null
        case 5: return .bool(g.below(2) == 0)
        case 6: return .array([.number(1), .string("x"), .null])
        case 7: return .object(JSONObject([("k", .string("v")), ("n", .number(Double(g.below(10))))]))
        default: return .number(Double(g.below(1000)))
        }
    }

    /// Values equal as `JSONValue`s, numbers to the bit (NaN is not equal to itself as a value).
    static func same(_ a: [JSONValue], _ b: [JSONValue]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                if case .number(let m) = x, case .number(let n) = y { return m.bitPattern == n.bitPattern }
                return x == y
            }
    }

    /// Built one by one from a buffer of 16 bytes (grown many times) and packed at once at their size, the
    /// values come back in order, whole and one by one, and `forEach` passes each at its position.
    @Test func valuesComeBackExactly() {
        var g = SplitMix64(state: 41)
        for _ in 0..<200 {
            let values = (0..<g.below(80)).map { _ in Self.randomValue(&g) }
            var builder = FieldValues.Builder(capacity: 16)
            for v in values { builder.append(v) }
            #expect(builder.count == values.count)
            let built = builder.finish()
            let packed = FieldValues(values)
            for fieldValues in [built, packed] {
                #expect(fieldValues.count == values.count)
                #expect(Self.same(fieldValues.jsonValues, values))
                for k in values.indices { #expect(Self.same([fieldValues[k]], [values[k]]), "value \(k)") }
                var positions: [Int] = []
                var read: [JSONValue] = []
                fieldValues.forEach { k, value in
                    positions.append(k)
                    read.append(value.jsonValue)
                }
                #expect(positions == Array(values.indices))
                #expect(Self.same(read, values))
            }
            #expect(built == packed)
            #expect(built.hashValue == packed.hashValue)
        }
    }

    /// A value read from one buffer and appended to another (as a row passes a property through) is the
    /// same value; a `JSONValue` viewed as a `Value` gives itself back.
    @Test func valuesPassFromBufferToBuffer() {
        var g = SplitMix64(state: 43)
        let values = (0..<500).map { _ in Self.randomValue(&g) }
        var copy = FieldValues.Builder(capacity: 0)
        FieldValues(values).forEach { _, value in copy.append(value) }
        #expect(Self.same(copy.finish().jsonValues, values))
        for v in values { #expect(Self.same([FieldValues.Value.viewing(v) { $0.jsonValue }], [v])) }
    }

    /// Appended as text, each value is its `JSONValue.text` as a string (null stays null): numbers in their
    /// shortest form from their digits and from the general path, booleans, texts and nested values.
    @Test func valuesAsTextAreTheirText() {
        var g = SplitMix64(state: 47)
        let values = (0..<2_000).map { _ in Self.randomValue(&g) }
        var builder = FieldValues.Builder(capacity: 8)
        for v in values { FieldValues.Value.viewing(v) { builder.appendAsText($0) } }
        #expect(builder.finish().jsonValues == values.map { $0.isNull ? .null : .string($0.text) })
    }

    /// Equal values are equal and hash alike; one value changed, or one more, makes them differ; nothing
    /// equals nothing however it was made.
    @Test func equality() {
        let values: [JSONValue] = [.string("B-17"), .number(2.5), .null, .bool(true), .array([.number(1)])]
        let a = FieldValues(values)
        #expect(a == FieldValues(values))
        #expect(a.hashValue == FieldValues(values).hashValue)
        var changed = values
        changed[1] = .number(2.25)
        #expect(a != FieldValues(changed))
        #expect(a != FieldValues(values + [.null]))
        changed = values
        changed[4] = .array([.number(2)])
        #expect(a != FieldValues(changed), "nested values are compared")
        #expect(FieldValues() == FieldValues([]))
        #expect(FieldValues() == FieldValues.Builder(capacity: 100).finish())
        #expect(FieldValues().count == 0)
        #expect(FieldValues().jsonValues.isEmpty)
    }
}
