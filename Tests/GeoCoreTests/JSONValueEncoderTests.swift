import Foundation
import Testing

@testable import GeoCore

@Suite struct JSONValueEncoderTests {
    struct Inner: Codable, Equatable {
        var b: Int
        var a: String?
    }

    struct Outer: Codable, Equatable {
        var zeta: Double
        var alpha: [Inner]
        var counts: OrderedMembers<Int>

        static func == (x: Outer, y: Outer) -> Bool {
            x.zeta == y.zeta && x.alpha == y.alpha && x.counts.members.map(\.key) == y.counts.members.map(\.key)
                && x.counts.members.map(\.value) == y.counts.members.map(\.value)
        }
    }

    @Test func membersInDeclarationOrderAndOptionalsAsNull() throws {
        let value = Outer(
            zeta: 1.5, alpha: [Inner(b: 2, a: nil), Inner(b: 3, a: "x")], counts: OrderedMembers([("z", 1), ("a", 2)]))
        let text = JSONWriter.serialize(try JSONValueEncoder.encode(value))
        // zeta before alpha (declaration order, not sorted); z before a (the order given); a: null kept.
        #expect(text == #"{"zeta":1.5,"alpha":[{"b":2,"a":null},{"b":3,"a":"x"}],"counts":{"z":1,"a":2}}"#)
        // Foundation's decoder reads it back: the same values, the members sorted by key.
        let back = try JSONDecoder().decode(Outer.self, from: Data(text.utf8))
        var sorted = value
        sorted.counts = OrderedMembers([("a", 2), ("z", 1)])
        #expect(back == sorted)
    }

    @Test func dictionariesAndNonFiniteNumbersAreRefused() {
        struct WithDictionary: Encodable { var d: [String: Int] }
        #expect(throws: JSONValueEncodingError.self) { try JSONValueEncoder.encode(WithDictionary(d: ["a": 1])) }
        struct WithNaN: Encodable { var x: Double }
        #expect(throws: JSONValueEncodingError.self) { try JSONValueEncoder.encode(WithNaN(x: .nan)) }
    }
}
