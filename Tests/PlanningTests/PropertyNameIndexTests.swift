import Foundation
import TestSupport
import Testing

@testable import Planning

@Suite struct PropertyNameIndexTests {
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
            var keys: [String] = []
            for _ in 0..<Int(g.below(12)) {
                let k = pool[Int(g.below(pool.count))]
                if !keys.contains(k) { keys.append(k) }
            }
            let index = PropertyNameIndex(keys)
            for name in Set(pool.map { $0.lowercased() }) {
                #expect(index.position(ofLowercased: name) == scan(keys, name), "\(name) in \(keys)")
            }
        }
    }
}
