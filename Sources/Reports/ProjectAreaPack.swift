import Foundation
import GeoCore
import Planning
import Radio

/// The application pack of one project area, in German, in a folder of its own: the address list as
/// German CSV, the GIS layers (project area, addresses, trenches) as Shapefile, FlatGeobuf and KML, and
/// a report page (map, address list, costs, gap and split) as HTML and PDF.
///
/// The layer set follows the application stage of the federal GIS rules for funded projects
/// (GIS-Nebenbestimmungen): the project area as a polygon layer, the addresses as a point layer, and
/// the planned routes as a line layer; docs/application-pack.md lists the fields.
public enum ProjectAreaPack {
    /// The German names of the pack's layers and the short field names a Shapefile holds.
    static let layerNames = (area: "projektgebiet", addresses: "adressen", trenches: "trassen")

    /// German column headers of the address list, in the order of `ResultLayers.addressFields`.
    static let addressHeaders = [
        "Projektgebiet", "Gebäude-ID", "Straße", "Hausnummer", "PLZ", "Ort", "AGS", "Kategorie", "Wohneinheiten",
        "Programm", "förderfähig", "Begründung", "Download heute (Mbit/s)", "Upload heute (Mbit/s)",
        "Technologie heute", "geplant", "Kosten (€)", "generiert",
    ]

    /// The German names of the layers' fields, at most 10 characters.
    static let germanNames: [String: String] = [
        "project_area": "projektgeb", "building_id": "gebaeude", "street": "strasse", "house_number": "hausnummer",
        "postcode": "plz", "town": "ort", "category": "kategorie", "homes": "einheiten", "programme": "programm",
        "eligible": "foerderf", "reason": "begruendng", "down_mbps_today": "down_heute", "up_mbps_today": "up_heute",
        "technology_today": "techn_heut", "planned": "geplant", "capex_eur": "invest_eur", "generated": "generiert",
        "underserved_areas": "teilgebiet", "priced_buildings": "gebaeude", "route_m": "trasse_m",
        "capex_eur_per_home": "eur_je_ein", "estimated_buildings": "geschaetzt", "gap_eur": "luecke_eur",
        "federal_eur": "bund_eur", "state_eur": "land_eur", "municipal_eur": "kommun_eur", "surface": "oberflaech",
        "length_m": "laenge_m", "estimated": "geschaetzt",
    ]

    /// A value as the pack shows it: categories, reasons and surfaces as their German labels.
    static func germanValue(_ field: String, _ value: JSONValue?, _ funding: FundingSettings) -> JSONValue {
        guard let value else { return .null }
        switch field {
        case "category": return AddressCategory(rawValue: value.text).map { .string($0.labelDE) } ?? value
        case "reason": return FundingReason(rawValue: value.text).map { .string($0.labelDE(funding)) } ?? value
        case "surface": return Surface(rawValue: value.text).map { .string($0.labelDE) } ?? value
        default: return value
        }
    }

    /// Writes the pack of project area `k` into `directory` (which exists); returns the files, relative.
    public static func write(_ r: RunResult, area k: Int, into directory: String, pdf: Bool) throws -> [String] {
        let p = r.projectAreas[k]
        var files: [String] = []
        let addresses = p.members.map { ResultLayers.addressRow(r, building: $0, projectArea: p.id) }
        // The address list, German CSV.
        let funding = r.settings.funding
        let rows = addresses.map { row in
            zip(ResultLayers.addressFields, row.values.jsonValues).map { field, v -> String in
                switch field.name {
                case "category": return AddressCategory(rawValue: v.text)?.labelDE ?? v.text
                case "reason": return FundingReason(rawValue: v.text)?.labelDE(funding) ?? v.text
                case "eligible", "generated": return v == .bool(true) ? "ja" : "nein"
                default: return CSVWriter.cell(v, .de)
                }
            }
        }
        try AtomicFile.write(
            "\u{FEFF}" + CSVWriter.table(header: addressHeaders, rows: rows, separator: ";"),
            to: directory + "/adressliste.csv")
        files.append("adressliste.csv")

        // The GIS layers in every format.
        let trenchSegments = r.costs.map { plan in plan.segments(serving: p.members).map { plan.segments[$0] } } ?? []
        let area = ResultLayers.projectAreaValues(p)
        let layers: [(String, String, [GeoPackageField], [OutputRow])] = [
            (
                layerNames.area, "MULTIPOLYGON", ResultLayers.projectAreaFields,
                [
                    OutputRow(
                        geometry: p.geometry,
                        values: FieldValues(ResultLayers.projectAreaFields.map { area[$0.name] ?? .null }))
                ]
            ), (layerNames.addresses, "POINT", ResultLayers.addressFields, addresses),
            (layerNames.trenches, "LINESTRING", ResultLayers.trenchFields, trenchSegments.map(ResultLayers.trenchRow)),
        ]
        for format in GDALVectorFormat.allCases {
            let folder = format.fileExtension
            try FileManager.default.createDirectory(
                atPath: directory + "/" + folder, withIntermediateDirectories: false)
            for (name, type, fields, rows) in layers {
                // German field names of at most 10 characters (a Shapefile's limit), the same in every format;
                // categories, reasons and surfaces as German labels.
                let german = fields.map { GeoPackageField(Self.germanNames[$0.name] ?? $0.name, $0.kind) }
                try GDALVectorWriter.write(
                    path: "\(directory)/\(folder)/\(name).\(format.fileExtension)", format: format, layerName: name,
                    crs: r.scenario.workingCRS, geometryType: type, fields: german, count: rows.count
                ) { i in
                    (
                        rows[i].geometry,
                        zip(fields, rows[i].values.jsonValues).map { Self.germanValue($0.name, $1, funding) }
                    )
                }
            }
            let made = try FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder).sorted()
            files += made.map { "\(folder)/\($0)" }
        }

        // The report page, and its PDF.
        let html = try ProjectAreaPage.render(r, area: k, trenches: trenchSegments)
        try AtomicFile.write(html, to: directory + "/bericht.html")
        files.append("bericht.html")
        if pdf {
            try PDFPrinter.print(html: directory + "/bericht.html", to: directory + "/bericht.pdf")
            files.append("bericht.pdf")
        }
        return files.sorted()
    }
}
