import Foundation

/// A postal address as the federal funding process and the official house coordinates
/// ("Hauskoordinaten Deutschland", HK-DE) carry it: street, house number with its suffix
/// ("Adressierungszusatz"), postcode, town and the official municipality key (AGS).
public struct PostalAddress: Sendable, Hashable {
    public var street: String
    /// The number without its suffix ("12" of "12a"); for a range "12-14" the whole range.
    public var houseNumber: String
    /// The suffix ("a" of "12a"); empty when there is none.
    public var suffix: String
    public var postcode: String
    public var town: String
    /// Amtlicher Gemeindeschlüssel, 8 digits (Münster: 05515000); empty when unknown.
    public var ags: String

    public init(
        street: String, houseNumber: String, suffix: String = "", postcode: String = "", town: String = "",
        ags: String = ""
    ) {
        self.street = street
        self.houseNumber = houseNumber
        self.suffix = suffix
        self.postcode = postcode
        self.town = town
        self.ags = ags
    }

    /// "Musterstraße 12a, 48143 Münster".
    public var text: String {
        var text = ""
        forEachPart { text += $0 }
        return text
    }

    /// Calls `body` with the parts of `text` in order (some of them empty), so that a writer can write the
    /// address without making its text: the street, a space, the house number and its suffix, then ", ",
    /// the postcode, a space and the town; a separator only where there is something on both sides.
    public func forEachPart(_ body: (String) -> Void) {
        let hasNumber = !houseNumber.isEmpty || !suffix.isEmpty
        body(street)
        if hasNumber {
            if !street.isEmpty { body(" ") }
            body(houseNumber)
            body(suffix)
        }
        if (!street.isEmpty || hasNumber) && (!postcode.isEmpty || !town.isEmpty) { body(", ") }
        body(postcode)
        if !town.isEmpty {
            if !postcode.isEmpty { body(" ") }
            body(town)
        }
    }

    /// Splits a house number as written ("12a", "12 A", "12-14", "7 1/2") into number and suffix: the
    /// leading digits (with a range "12-14" kept whole) and the rest, trimmed and lower-cased.
    public static func splitHouseNumber(_ s: String) -> (number: String, suffix: String) {
        let t = s.trimmingWhitespace
        // Most house numbers are digits only: no suffix to split off.
        if !t.isEmpty, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return (t, "") }
        var number = ""
        var rest = Substring(t)
        while let c = rest.first, c.isASCII, c.isNumber {
            number.append(c)
            rest = rest.dropFirst()
        }
        // A range: digits, a dash, digits.
        let afterSpaces = rest.drop { $0 == " " }
        if !number.isEmpty, let dash = afterSpaces.first, dash == "-" || dash == "–" {
            let tail = afterSpaces.dropFirst().drop { $0 == " " }
            let digits = tail.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty {
                number += "-" + digits
                rest = tail.dropFirst(digits.count)
            }
        }
        let suffix = String(rest).trimmingWhitespace
        return (number, suffix.isEmpty ? "" : suffix.lowercased())
    }
}

/// The address classes of the federal market survey (Markterkundungsverfahren): private households,
/// businesses, and the socio-economic focus points the funding rules name.
public enum AddressCategory: String, Sendable, CaseIterable, Codable {
    case `private`, business, school, hospital, authority
    case businessPark = "business_park"
    case farm, other

    /// The German label used in application lists.
    public var labelDE: String {
        switch self {
        case .private: "Privathaushalt"
        case .business: "Unternehmen"
        case .school: "Schule"
        case .hospital: "Krankenhaus"
        case .authority: "Verwaltung/Behörde"
        case .businessPark: "Gewerbegebiet"
        case .farm: "Landwirtschaftlicher Betrieb"
        case .other: "Sonstiges"
        }
    }

    /// The category of a building: its focus-point kind first (school, hospital, authority, business park,
    /// farm), else its use (residential and mixed: private; commercial and industrial: business; public:
    /// authority).
    public static func of(use: BuildingUse, focusKind: String?) -> AddressCategory {
        switch focusKind {
        case "school": return .school
        case "hospital": return .hospital
        case "authority", "townhall", "administration": return .authority
        case "business_park", "business-park": return .businessPark
        case "farm": return .farm
        default: break
        }
        switch use {
        case .residential, .mixed: return .private
        case .commercial, .industrial: return .business
        case .public: return .authority
        case .school: return .school
        case .hospital: return .hospital
        case .other: return .other
        }
    }
}
