import Testing

@testable import GeoCore

@Suite struct JSONObjectTests {
    /// An object made of pairs keeps the first place of a repeated key with its last value, finds every key,
    /// and equals the object made key by key; room reserved beyond its keys changes none of that, nor a
    /// removal after it.
    @Test func pairsRepeatedKeysAndReservedRoom() {
        let pairs: [(String, JSONValue)] = [("a", .number(1)), ("b", .string("x")), ("a", .number(3)), ("c", .null)]
        var byKey = JSONObject()
        for (k, v) in pairs { byKey[k] = v }
        let made = JSONObject(pairs)
        #expect(made.keys == ["a", "b", "c"])
        #expect(made.values == [.number(3), .string("x"), .null])
        #expect(made == byKey)
        var roomy = JSONObject()
        roomy.reserveCapacity(40)
        for (k, v) in pairs { roomy[k] = v }
        #expect(roomy == made && roomy.position(of: "c") == 2 && roomy["b"] == .string("x"))
        for k in 0..<30 { roomy["k\(k)"] = .number(Double(k)) }
        roomy["a"] = nil
        #expect(roomy.keys.count == 32 && roomy.position(of: "b") == 0 && roomy.position(of: "k29") == 31)
        #expect(roomy["k7"] == .number(7) && roomy["a"] == nil)
    }
}
