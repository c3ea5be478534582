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

    /// Writes the pack of project area `k` into `directory` (which exists); returns the files, relative.
    public static func write(_ r: RunResult, area k: Int, into directory: String, pdf: Bool) throws -> [String] {
        let p = r.projectAreas[k]
        var files: [String] = []
        let addresses = p.members.enumerated().map { n, i in
            ResultLayers.addressFeature(r, building: i, projectArea: p.id, index: n)
        }
        // The address list, German CSV.
        let funding = r.settings.funding
        let rows = addresses.map { f in
            ResultLayers.addressFields.map { field -> String in
                let v = f.properties[field.name] ?? .null
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
        let layers: [(String, String, [GeoPackageField], [Feature])] = [
            (
                layerNames.area, "MULTIPOLYGON", ResultLayers.projectAreaFields,
                [Feature(index: 0, geometry: p.geometry, properties: ResultLayers.projectAreaValues(p))]
            ), (layerNames.addresses, "POINT", ResultLayers.addressFields, addresses),
            (
                layerNames.trenches, "LINESTRING",
                [
                    .init("surface", .text), .init("length_m", .real), .init("homes", .integer),
                    .init("estimated", .boolean),
                ],
                trenchSegments.enumerated().map { n, s in
                    Feature(
                        index: n, geometry: .lineString([s.from, s.to]),
                        properties: JSONObject([
                            ("surface", .string(s.surface.rawValue)), ("length_m", ResultLayers.number(s.lengthM, 10)),
                            ("homes", .number(Double(s.homes))), ("estimated", .bool(s.estimated)),
                        ]))
                }
            ),
        ]
        for format in GDALVectorFormat.allCases {
            let folder = format.fileExtension
            try FileManager.default.createDirectory(
                atPath: directory + "/" + folder, withIntermediateDirectories: false)
            for (name, type, fields, features) in layers {
                let names =
                    format == .shapefile ? GDALVectorWriter.shapefileNames(fields.map(\.name)) : fields.map(\.name)
                let renamed = zip(fields, names).map { GeoPackageField($1, $0.kind) }
                try GDALVectorWriter.write(
                    path: "\(directory)/\(folder)/\(name).\(format.fileExtension)", format: format, layerName: name,
                    crs: r.scenario.workingCRS, geometryType: type, fields: renamed, count: features.count
                ) { i in (features[i].geometry, fields.map { features[i].properties[$0.name] ?? .null }) }
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
