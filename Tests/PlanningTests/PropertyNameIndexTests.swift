import Foundation
import TestSupport
import Testing

@testable import Planning

@Suite struct PropertyNameIndexTests {
    /// A feature's property names: up to `limit` − 1 draws from `pool`, each kept once, in draw order.
    static func keys(from pool: [String], fewerThan limit: Int, _ g: inout SplitMix64) -> [String] {
        var keys: [String] = []
        for _ in 0..<Int(g.below(limit)) {
            let k = pool[Int(g.below(pool.count))]
            if !keys.contains(k) { keys.append(k) }
        }
        return keys
    }

    /// The index finds what a scan of the names finds: the name written in lower case if there is one,
    /// else the first that lower-cases to the name asked for; nothing where no name does. Names of one
    /// length and first letter (which share the filter's bit), capitals, non-ASCII letters whose lower
    /// case has another length, and the empty name are among them.
    @Test func findsWhatAScanFinds() {
        func scan(_ keys: [String], _ name: String) -> Int? {
            keys.firstIndex(of: name) ?? keys.firstIndex { $0.lowercased() == name }
        }
        let pool = [
            "street", "STREET", "Street", "strasse", "STRASSE", "straße", "STRASẞE", "stn", "plz", "PLZ", "ort", "orts",
            "town", "tOwn", "x", "y", "", "ags", "agS", "Ärger", "ärger", "addr:street", "addr:city", "a", "b", "ab",
            "hausnummer", "hnr", "house_number", "housenumber", "Ünïcödé", "ünïcödé",
        ]
        var g = SplitMix64(state: 3)
        for _ in 0..<2000 {
            let keys = Self.keys(from: pool, fewerThan: 12, &g)
            let index = PropertyNameIndex(keys)
            for name in Set(pool.map { $0.lowercased() }) {
                #expect(index.position(ofLowercased: name) == scan(keys, name), "\(name) in \(keys)")
            }
        }
    }

    /// Lists of names resolve to what a scan finds for each name in turn (an exact spelling first for a
    /// name with capitals), whether a list is asked for the first time, again in the same order, or out
    /// of order, and past the number of lists the index keeps.
    @Test func listsResolveAsAScanOfTheirNames() {
        func scan(_ keys: [String], _ names: [String]) -> [Int] {
            names.compactMap { n in
                keys.firstIndex(of: n) ?? keys.firstIndex(of: n.lowercased())
                    ?? keys.firstIndex { $0.lowercased() == n.lowercased() }
            }
        }
        // Names are asked for in lower case or with ASCII capitals (as the decoders write them); the files'
        // names may have any capitals.
        let pool = ["street", "Street", "STRASSE", "plz", "PLZ", "ort", "Town", "x", "ags", "ärger", "hnr", "a"]
        let keyPool = pool + ["Ärger", "ÄRGER", "STREET"]
        var g = SplitMix64(state: 5)
        for _ in 0..<50 {
            let keys = Self.keys(from: keyPool, fewerThan: 10, &g)
            let index = PropertyNameIndex(keys)
            var lists: [[String]] = []
            for _ in 0..<200 { lists.append((0...Int(g.below(3))).map { _ in pool[Int(g.below(pool.count))] }) }
            // A feature's sequence of lists, asked for again and again, then the lists in a random order.
            for _ in 0..<3 {
                for list in lists.prefix(20) { #expect(index.positions(of: list) == scan(keys, list), "\(list)") }
            }
            for _ in 0..<400 {
                let list = lists[Int(g.below(lists.count))]
                #expect(index.positions(of: list) == scan(keys, list), "\(list) in \(keys)")
            }
        }
    }
}
