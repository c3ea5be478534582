/// Matches operators' returns to the official addresses (the buildings with addresses):
///
/// 1. the normalised key (street, number, suffix; `AddressKey`) finds the candidates; a range in the
///    return ("12-14") matches an address written as that range, else every address of the range; an
///    address written as a range is found by each of its numbers;
/// 2. where the return has a postcode, candidates with another postcode drop out; where several remain
///    and it has a town, those of another town drop out;
/// 3. one address left: matched; several: ambiguous; none: unmatched, with the nearest candidates (the
///    closest house numbers of the same street, else the streets spelled most alike).
public struct SurveyMatcher: Sendable {
    /// One official address: the building it belongs to and its address.
    public struct Address: Sendable, Equatable {
        public var buildingID: String
        public var address: PostalAddress

        public init(buildingID: String, address: PostalAddress) {
            self.buildingID = buildingID
            self.address = address
        }
    }

    public enum Status: String, Sendable { case matched, ambiguous, unmatched }

    public struct Match: Sendable, Equatable {
        public var row: SurveyReturn
        public var status: Status
        /// The addresses it matched (one, or several for a range); for ambiguous rows the candidates.
        public var addresses: [Address]
        /// Why it is ambiguous or unmatched.
        public var reason: String
        /// For unmatched rows: the nearest official addresses.
        public var nearest: [Address]
    }

    let addresses: [Address]
    private var byKey: [AddressKey: [Int]] = [:]
    private var byStreet: [String: [Int]] = [:]
    private let streets: [String]

    public init(addresses: [Address]) {
        self.addresses = addresses
        for (i, a) in addresses.enumerated() {
            let key = AddressKey(a.address)
            byKey[key, default: []].append(i)
            byStreet[key.street, default: []].append(i)
            if let numbers = AddressKey.rangeNumbers(key.number), key.suffix.isEmpty {
                for n in numbers {
                    let member = AddressKey(street: key.street, number: String(n), suffix: "")
                    if member != key { byKey[member, default: []].append(i) }
                }
            }
        }
        streets = byStreet.keys.sorted()
    }

    public func match(_ row: SurveyReturn) -> Match {
        let split = PostalAddress.splitHouseNumber(row.houseNumber)
        let key = AddressKey(
            street: AddressKey.street(row.street), number: split.number,
            suffix: AddressKey.suffix(row.suffix.isEmpty ? split.suffix : row.suffix))
        var found = byKey[key] ?? []
        var isRange = false
        if found.isEmpty, let numbers = AddressKey.rangeNumbers(key.number) {
            isRange = true
            found = numbers.flatMap {
                byKey[AddressKey(street: key.street, number: String($0), suffix: key.suffix)] ?? []
            }
        }
        found = Array(Set(found)).sorted()
        if found.isEmpty {
            return Match(
                row: row, status: .unmatched, addresses: [],
                reason: byStreet[key.street] == nil
                    ? "no street \"\(row.street)\" among the addresses"
                    : "no house number \(row.houseNumber)\(row.suffix) in \(row.street)", nearest: nearest(key))
        }
        var candidates = found
        if !row.postcode.isEmpty {
            candidates = candidates.filter {
                addresses[$0].address.postcode.isEmpty || addresses[$0].address.postcode == row.postcode
            }
            if candidates.isEmpty {
                let codes = Set(found.map { addresses[$0].address.postcode }).sorted().joined(separator: ", ")
                return Match(
                    row: row, status: .unmatched, addresses: [],
                    reason: "postcode \(row.postcode) differs from the address's \(codes)",
                    nearest: found.map { addresses[$0] })
            }
        }
        if candidates.count > 1 && !isRange && !row.town.isEmpty {
            let town = AddressKey.town(row.town)
            let same = candidates.filter { AddressKey.town(addresses[$0].address.town) == town }
            if !same.isEmpty { candidates = same }
        }
        if candidates.count == 1 || isRange {
            return Match(
                row: row, status: .matched, addresses: candidates.map { addresses[$0] }, reason: "", nearest: [])
        }
        return Match(
            row: row, status: .ambiguous, addresses: candidates.map { addresses[$0] },
            reason: "\(candidates.count) addresses fit (give the postcode or town)", nearest: [])
    }

    /// The three nearest official addresses: the closest numbers of the same street, else the numbers
    /// closest to it in the streets spelled most alike (edit distance).
    func nearest(_ key: AddressKey) -> [Address] {
        var pool = byStreet[key.street] ?? []
        if pool.isEmpty {
            let ranked = streets.map { (Self.editDistance($0, key.street), $0) }.sorted { $0 < $1 }.prefix(3)
            pool = ranked.filter { $0.0 <= max(3, key.street.count / 3) }.flatMap { byStreet[$0.1]! }
        }
        let n = Int(key.number.prefix { $0.isNumber }) ?? 0
        return pool.map { i -> (Int, String, Int) in
            let a = addresses[i].address
            let m = Int(a.houseNumber.prefix { $0.isNumber }) ?? 0
            return (abs(m - n), a.street + a.houseNumber + a.suffix, i)
        }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.prefix(3).map { addresses[$0.2] }
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
