import GeoCore
import Planning
import Radio

/// The QGIS styles of the GeoPackage's layers, in the report's classes and colours (the coverage
/// classes of `CoverageLegend`, the report map's colours for areas, schools, sites and WLAN), with
/// German field aliases and labels where a layer has names. Boolean fields are categorised by "true" and
/// "false", as QGIS reads a GeoPackage's BOOLEAN columns.
enum LayerStyles {
    /// German aliases of the fields, for QGIS's attribute table and identify tool.
    static let aliases: [String: String] = [
        "id": "ID", "name": "Name", "use": "Nutzung", "street": "Straße", "house_number": "Hausnummer",
        "postcode": "PLZ", "town": "Ort", "ags": "AGS", "address_category": "Adresskategorie",
        "households": "Haushalte", "residents": "Einwohner", "businesses": "Unternehmen", "floors": "Geschosse",
        "height_m": "Höhe (m)", "focus_point": "Schwerpunkt", "fixed_technology": "Festnetz-Technologie",
        "fixed_down_mbps": "Festnetz Download (Mbit/s)", "fixed_up_mbps": "Festnetz Upload (Mbit/s)",
        "fixed_networks": "Festnetze", "nga_networks": "NGA-Netze", "planned_within_3y": "Ausbau geplant (3 Jahre)",
        "wlan_island": "WLAN-Insel", "wlan_mbps": "WLAN (Mbit/s)", "best_source": "bester Dienst",
        "best_down_mbps": "bester Download (Mbit/s)", "project_area": "Projektgebiet", "capex_eur": "Investition (€)",
        "route_m": "Trasse (m)", "drop_m": "Hausanschluss-Trasse (m)", "cost_estimated": "Trasse geschätzt",
        "programme": "Programm", "district": "Bezirk", "dominant_reason": "häufigster Grund",
        "area_km2": "Fläche (km²)", "buildings": "Gebäude", "schools": "Schulen", "hospitals": "Krankenhäuser",
        "other_focus_points": "weitere Schwerpunkte", "priced_buildings": "bepreiste Gebäude", "homes": "Einheiten",
        "capex_eur_per_home": "Investition je Einheit (€)", "estimated_buildings": "geschätzte Gebäude",
        "underserved_areas": "unterversorgte Gebiete", "gap_eur": "Wirtschaftlichkeitslücke (€)",
        "federal_eur": "Bund (€)", "state_eur": "Land (€)", "municipal_eur": "Kommune (€)", "surface": "Oberfläche",
        "length_m": "Länge (m)", "estimated": "geschätzt", "building_id": "Gebäude-ID", "category": "Kategorie",
        "eligible": "förderfähig", "reason": "Grund", "down_mbps_today": "Download heute (Mbit/s)",
        "up_mbps_today": "Upload heute (Mbit/s)", "technology_today": "Technologie heute", "planned": "geplant",
        "generated": "generiert", "operator": "Betreiber", "technology": "Technologie", "class": "Klasse",
        "label": "Bezeichnung", "min_mbps": "mindestens (Mbit/s)", "island": "WLAN-Insel", "connection": "Anschluss",
    ]

    static func aliases(_ fields: [GeoPackageField]) -> [(field: String, alias: String)] {
        fields.compactMap { f in
            if let a = aliases[f.name] { return (f.name, a) }
            for p in FundingProgramme.allCases {
                let key = ResultLayers.fieldName(p.rawValue)
                if f.name == key + "_eligible" { return (f.name, "förderfähig \(p.rawValue)") }
                if f.name == key + "_reason" { return (f.name, "Grund \(p.rawValue)") }
            }
            for size in DownloadSize.defaults where f.name == "download_\(ResultLayers.fieldName(size.labelEN))_s" {
                return (f.name, "Downloadzeit \(size.labelDE) (s)")
            }
            for t in Technology.allCases where f.name.hasPrefix(t.rawValue + "_") {
                let rest = f.name.dropFirst(t.rawValue.count + 1)
                let names = [
                    "mbps_outdoor": "Mbit/s im Freien", "mbps_indoor": "Mbit/s im Gebäude", "rsrp_dbm": "RSRP (dBm)",
                    "sinr_db": "SINR (dB)", "operator": "Betreiber", "sector": "Sektor",
                    "mbps_indoor_loaded": "Mbit/s im Gebäude zur Hauptlastzeit",
                ]
                if let n = names[String(rest)] { return (f.name, "\(t.displayName) \(n)") }
            }
            return nil
        }
    }

    static func colour(_ hex: String, alpha: UInt8 = 255) -> [UInt8] {
        let digits = Array(hex.dropFirst())
        let value = { (k: Int) in UInt8(String(digits[k...k + 1]), radix: 16) ?? 0 }
        return [value(0), value(2), value(4), alpha]
    }

    static let grey: [UInt8] = [85, 85, 85, 255]

    /// The styles of a layer (the first is its default), by name.
    static func styles(for layer: OutputLayer, programme: FundingProgramme) -> [(name: String, style: QGISStyle)] {
        let geometry: QGISStyle.Geometry =
            layer.geometryType.contains("POINT") ? .point : layer.geometryType.contains("LINE") ? .line : .polygon
        let aliases = aliases(layer.fields)
        func style(_ renderer: QGISStyle.Renderer, label: String? = nil) -> QGISStyle {
            QGISStyle(geometry: geometry, renderer: renderer, labelField: label, aliases: aliases)
        }
        let classes = CoverageLegend.classes
        let rateClasses = classes.indices.map { k in
            (
                lower: classes[k].minimumMbps, upper: k + 1 < classes.count ? classes[k + 1].minimumMbps : 100_000,
                label: k + 1 < classes.count
                    ? NumberText.plain(classes[k].minimumMbps) + "–" + NumberText.plain(classes[k + 1].minimumMbps)
                        + " Mbit/s" : "≥ \(NumberText.plain(classes[k].minimumMbps)) Mbit/s",
                symbol: QGISStyle.Symbol(fill: Array(classes[k].rgba.prefix(3)) + [255], outline: grey, width: 0.1)
            )
        }
        switch layer.name {
        case "buildings":
            let eligible = ResultLayers.fieldName(programme.rawValue) + "_eligible"
            return [
                ("bester Download", style(.graduated(field: "best_down_mbps", rateClasses))),
                (
                    "förderfähig \(programme.rawValue)",
                    style(
                        .categorized(
                            field: eligible,
                            [
                                ("true", "förderfähig", .init(fill: colour("#d7301f"), outline: grey, width: 0.1)),
                                (
                                    "false", "nicht förderfähig",
                                    .init(fill: colour("#bdbdbd"), outline: grey, width: 0.1)
                                ),
                            ]))
                ),
            ]
        case "underserved_areas":
            return [
                (
                    "unterversorgt",
                    style(.single(.init(fill: colour("#d7301f", alpha: 136), outline: colour("#b30000"))), label: "id")
                )
            ]
        case "project_areas":
            return [
                (
                    "Projektgebiete",
                    style(
                        .single(.init(fill: nil, outline: colour("#8e44ad"), width: 0.8, dashed: true)), label: "name")
                )
            ]
        case "districts":
            return [("Bezirke", style(.single(.init(fill: nil, outline: grey, width: 0.5)), label: "name"))]
        case "coverage":
            let palette = ["#9ecae1", "#31a354", "#fd8d3c", "#756bb1"]
            return [
                (
                    "Versorgungsklassen",
                    style(
                        .categorized(
                            field: "class",
                            (0..<layer.count).map { k in
                                let values = layer.row(k).values.jsonValues
                                return (
                                    values[0].text, values[1].text,
                                    QGISStyle.Symbol(fill: nil, outline: colour(palette[k % palette.count]), width: 0.8)
                                )
                            }))
                )
            ]
        case "trenches":
            return [
                (
                    "Trassen",
                    style(
                        .categorized(
                            field: "estimated",
                            [
                                ("false", "entlang der Straße", .init(outline: colour("#1f5fa8"), width: 0.6)),
                                ("true", "geschätzt", .init(outline: colour("#8e44ad"), width: 0.4, dashed: true)),
                            ]))
                )
            ]
        case "schools":
            return [
                (
                    "Schulen",
                    style(.single(.init(fill: colour("#2b8cbe"), outline: colour("#ffffff"), size: 3)), label: "name")
                )
            ]
        case "focus_points":
            return [
                (
                    "Schwerpunkte",
                    style(.single(.init(fill: colour("#fd8d3c"), outline: colour("#ffffff"), size: 2.6)), label: "name")
                )
            ]
        case "sites":
            return [("Standorte", style(.single(.init(fill: colour("#222222"), outline: colour("#ffffff"), size: 2))))]
        case "sectors":
            return [
                (
                    "Sektoren",
                    style(.single(.init(fill: colour("#ffd400", alpha: 70), outline: colour("#b08f00"), width: 0.2)))
                )
            ]
        case "wlan_aps":
            return [("WLAN", style(.single(.init(fill: colour("#e7298a"), outline: colour("#ffffff"), size: 2))))]
        case "wlan_coverage":
            return [
                (
                    "WLAN im Freien",
                    style(.single(.init(fill: colour("#e7298a", alpha: 102), outline: colour("#e7298a"))))
                )
            ]
        case "addresses":
            let palette = ["#1b9e77", "#d95f02", "#2b8cbe", "#e7298a", "#7570b3", "#66a61e", "#a6761d", "#999999"]
            return [
                (
                    "Adresskategorien",
                    style(
                        .categorized(
                            field: "category",
                            AddressCategory.allCases.enumerated().map { k, c in
                                (
                                    c.rawValue, c.labelDE,
                                    QGISStyle.Symbol(
                                        fill: colour(palette[k % palette.count]), outline: colour("#ffffff"))
                                )
                            }))
                )
            ]
        default:
            return [("Standard", style(.single(.init(fill: colour("#969696"), outline: grey, width: 0.1, size: 1))))]
        }
    }
}
