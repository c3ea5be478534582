import Foundation

extension FeatureFields {
    /// The spellings of each address part: OSM `addr:*`, German field names, the official house
    /// coordinates (HK-DE: `STN`, `HNR`, `ADZ`, `PLZ`, `ONM`, and the AGS from `LAN`, `RBZ`, `KRS`, `GMD`).
    static let streetNames = ["addr:street", "street", "strasse", "straße", "strassenname", "straßenname", "stn"]
    static let numberNames = ["addr:housenumber", "house_number", "housenumber", "hausnummer", "hnr"]
    static let suffixNames = [
        "house_number_suffix", "addr:suffix", "hausnummernzusatz", "hausnummerzusatz", "zusatz", "adz",
    ]
    static let postcodeNames = ["addr:postcode", "postcode", "postal_code", "plz", "postleitzahl"]
    static let townNames = ["addr:city", "town", "city", "ort", "ortsname", "gemeinde", "onm"]
    static let agsNames = ["ags", "addr:ags", "gemeindeschluessel", "gemeindeschlüssel", "gkz"]

    /// The feature's postal address from separate fields, else parsed from a one-line `address`
    /// ("Musterstraße 12a, 48143 Münster"); nil when it has neither street nor house number.
    func postalAddress() -> PostalAddress? {
        let street = string(Self.streetNames)
        let number = string(Self.numberNames)
        var address: PostalAddress
        if street != nil || number != nil {
            let split = PostalAddress.splitHouseNumber(number ?? "")
            let suffix = string(Self.suffixNames).map { $0.lowercased() } ?? ""
            address = PostalAddress(
                street: street ?? "", houseNumber: split.number, suffix: suffix.isEmpty ? split.suffix : suffix)
        } else if let line = string("address", "adresse", "anschrift"), let parsed = PostalAddress.parse(line) {
            address = parsed
        } else {
            return nil
        }
        if let p = string(Self.postcodeNames) { address.postcode = p }
        if let t = string(Self.townNames) { address.town = t }
        if let a = string(Self.agsNames) {
            address.ags = a
        } else if let land = string("lan"), let rbz = string("rbz"), let krs = string("krs"), let gmd = string("gmd") {
            address.ags = land + rbz + krs + gmd
        }
        return address
    }
}

extension PostalAddress {
    /// Parses a one-line address: "Street 12a" optionally followed by ", 48143 Town". The house number is
    /// the last part of the first segment that starts with a digit. Nil when no part starts with one.
    public static func parse(_ line: String) -> PostalAddress? {
        let segments = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = segments.first else { return nil }
        let words = first.split(separator: " ")
        guard let k = words.firstIndex(where: { $0.first?.isNumber == true }), k > 0 else { return nil }
        let split = splitHouseNumber(words[k...].joined(separator: " "))
        var address = PostalAddress(
            street: words[..<k].joined(separator: " "), houseNumber: split.number, suffix: split.suffix)
        if segments.count > 1 {
            let place = segments[1].split(separator: " ", maxSplits: 1).map(String.init)
            if let code = place.first, code.count == 5, code.allSatisfy(\.isNumber) {
                address.postcode = code
                address.town = place.count > 1 ? place[1] : ""
            } else {
                address.town = segments[1]
            }
        }
        return address
    }
}
