import Testing

@testable import Planning

/// The spellings of one street that must meet under one key, and those that must not.
@Suite struct AddressKeyTests {
    @Test(arguments: [
        ("Karl-Marx-Straße", "Karl-Marx-Str."), ("Karl-Marx-Straße", "karl marx strasse"),
        ("Weißenburgstraße", "Weissenburgstr"), ("Grüner Weg", "Gruener Weg"), ("Domplatz", "Dompl."),
        ("Königsstraße", "KOENIGSSTRASSE"), ("Am Aasee", "Am  Aasee"), ("Rue de l'Église", "Rue de l Eglise"),
    ]) func sameStreet(_ a: String, _ b: String) {
        #expect(AddressKey.street(a) == AddressKey.street(b), "\(AddressKey.street(a)) vs \(AddressKey.street(b))")
    }

    @Test(arguments: [("Hauptstraße", "Hauptweg"), ("Strandweg", "Straßenweg"), ("Am Aasee", "Am Aabach")])
    func differentStreets(_ a: String, _ b: String) { #expect(AddressKey.street(a) != AddressKey.street(b)) }

    @Test func ranges() {
        #expect(AddressKey.rangeNumbers("12-14") == [12, 14])
        #expect(AddressKey.rangeNumbers("12-15") == [12, 13, 14, 15])
        #expect(AddressKey.rangeNumbers("12") == nil && AddressKey.rangeNumbers("14-12") == nil)
    }

    @Test func editDistance() {
        #expect(SurveyMatcher.editDistance("karlmarxstrasse", "karlmarksstrasse") == 2)
        #expect(SurveyMatcher.editDistance("", "abc") == 3 && SurveyMatcher.editDistance("abc", "") == 3)
    }
}
