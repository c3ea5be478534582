import Foundation

/// The normalised form of an address under which spellings of the same address meet: street in lower
/// case with umlauts and ß written out, accents dropped, "Str." written "strasse", "Pl." "platz", and
/// spaces, hyphens and dots removed; house number and suffix as `PostalAddress.splitHouseNumber` gives
/// them. "Karl-Marx-Str. 12 A" and "Karl Marx Straße 12a" have the same key.
public struct AddressKey: Hashable, Sendable, CustomStringConvertible {
    public var street: String
    public var number: String
    public var suffix: String

    public init(street: String, number: String, suffix: String) {
        self.street = street
        self.number = number
        self.suffix = suffix
    }

    public init(_ a: PostalAddress) {
        self.init(street: Self.street(a.street), number: a.houseNumber, suffix: Self.suffix(a.suffix))
    }

    public var description: String { "\(street) \(number)\(suffix)" }

    /// A street name normalised (see the type).
    public static func street(_ name: String) -> String {
        var t = name.lowercased()
        for (from, to) in [("ß", "ss"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue")] {
            t = t.replacingOccurrences(of: from, with: to)
        }
        t = t.folding(options: .diacriticInsensitive, locale: nil)
        // Words, split at spaces, hyphens and slashes; an abbreviated last part of a word is written out.
        let words = t.split { $0 == " " || $0 == "-" || $0 == "/" || $0 == "\t" }.map { word -> String in
            var w = String(word)
            let dotted = w.hasSuffix(".")
            if dotted { w.removeLast() }
            if w.hasSuffix("str") { return w + "asse" }
            if dotted && w.hasSuffix("pl") { return w + "atz" }
            return w
        }
        return String(
            words.joined().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// A suffix normalised: lower case, without spaces, dots and slashes' surroundings ("A" → "a").
    public static func suffix(_ s: String) -> String {
        s.lowercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
    }

    /// The town normalised like a street (for the cross-check only).
    public static func town(_ name: String) -> String { street(name) }

    /// The numbers a range "12-14" stands for: both ends and every number between them of the same parity
    /// (one side of the street); every number when the ends differ in parity. Nil for a single number.
    public static func rangeNumbers(_ number: String) -> [Int]? {
        let parts = number.split(separator: "-")
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low < high, high - low <= 200 else {
            return nil
        }
        let step = (high - low) % 2 == 0 ? 2 : 1
        return Array(stride(from: low, through: high, by: step))
    }
}
