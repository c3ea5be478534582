import Foundation
import GeoCore
import Planning
import Radio

/// Turns an analysis result into the output layers (the same for GeoPackage, GeoJSON and CSV).
public enum ResultLayers {
    static func fieldName(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func number(_ v: Double?, _ decimals: Double = 100) -> JSONValue {
        rounded(v, decimals).map { .number($0) } ?? .null
    }

    /// `v` rounded to 1/`decimals`; nil where it is nil or not finite (a row's null).
    static func rounded(_ v: Double?, _ decimals: Double = 100) -> Double? {
        guard let v, v.isFinite else { return nil }
        return (v * decimals).rounded() / decimals
    }

    /// - Parameter profile: `slim` leaves the download times and the input's pass-through `src_*`
    ///   columns out of the buildings layer.
    public static func make(_ r: RunResult, profile: OutputProfile = .full) throws -> [OutputLayer] {
        var layers: [OutputLayer] = []
        let technologies = r.technologies
        let settings = r.settings

        // Buildings.
        var fields: [GeoPackageField] = [
            .init("id", .text), .init("use", .text), .init("street", .text), .init("house_number", .text),
            .init("postcode", .text), .init("town", .text), .init("ags", .text), .init("address_category", .text),
            .init("households", .real), .init("residents", .integer), .init("businesses", .integer),
            .init("floors", .integer), .init("height_m", .real), .init("focus_point", .text),
            .init("fixed_technology", .text), .init("fixed_down_mbps", .real), .init("fixed_up_mbps", .real),
            .init("fixed_networks", .integer), .init("nga_networks", .integer), .init("planned_within_3y", .boolean),
        ]
        for t in technologies {
            fields += [
                .init("\(t.rawValue)_operator", .text), .init("\(t.rawValue)_sector", .text),
                .init("\(t.rawValue)_rsrp_dbm", .real), .init("\(t.rawValue)_sinr_db", .real),
                .init("\(t.rawValue)_mbps_outdoor", .real), .init("\(t.rawValue)_mbps_indoor", .real),
                .init("\(t.rawValue)_mbps_indoor_loaded", .real),
            ]
        }
        fields += [
            .init("wlan_island", .text), .init("wlan_mbps", .real), .init("best_source", .text),
            .init("best_down_mbps", .real),
        ]
        let sizes =
            profile == .slim
            ? [] : DownloadSize.defaults.map { (size: $0, field: "download_\(fieldName($0.labelEN))_s") }
        fields += sizes.map { .init($0.field, .real) }
        for p in FundingProgramme.allCases {
            let f = fieldName(p.rawValue)
            fields += [.init("\(f)_eligible", .boolean), .init("\(f)_reason", .text)]
        }
        fields += costFields
        let projectAreaOf = projectAreaIndex(r)
        let projectAreaIDs = r.projectAreas.map(\.id)
        // Read through the indices here and below: a lazy map of the results themselves copies each whole
        // result (a retain per string and array it holds) to read one field of it.
        let source =
            profile == .slim
            ? SourceColumns([SourceProperties]())
            : SourceColumns(r.buildings.indices.lazy.map { r.buildings[$0].building.attributes })
        fields += source.fields
        // The per-technology and per-programme field names, made once rather than per building.
        let technologyKeys = technologies.map { t in
            (
                t,
                ["operator", "sector", "rsrp_dbm", "sinr_db", "mbps_outdoor", "mbps_indoor", "mbps_indoor_loaded"].map {
                    "\(t.rawValue)_\($0)"
                }
            )
        }
        let programmeKeys = FundingProgramme.allCases.map { p in
            (p, "\(fieldName(p.rawValue))_eligible", "\(fieldName(p.rawValue))_reason")
        }
        let names = fields.map(\.name)
        // The plan bound once outside the optional: read through `r.costs?` each row copied the plan (a retain
        // and a release of each of its arrays).
        let costOfBuilding: @Sendable (Int) -> BuildingCost?
        if let plan = r.costs { costOfBuilding = { plan.cost(ofBuilding: $0) } } else { costOfBuilding = { _ in nil } }
        // The building's result is read in place, through a pointer, field by field: a copy would retain and
        // release each of its references (a `borrowing` parameter and each computed property read from it still
        // copied it).
        @Sendable func buildingRow(_ i: Int, _ b: UnsafePointer<BuildingResult>) -> OutputRow {
            // The building's fields are read as `b.pointee.building.x`: through the dynamic member (a key path)
            // each read copied the whole building.
            var o = RowBuilder(names)
            o["id"] = b.pointee.building.id
            o["use"] = b.pointee.building.use.rawValue
            addressValues(
                b.pointee.building.address,
                AddressCategory.of(use: b.pointee.building.use, focusKind: b.pointee.focusKind), into: &o)
            o["households"] = rounded(b.pointee.building.households)
            // Whole residents: the census spread gives fractions that no one lives as.
            o["residents"] = rounded(b.pointee.building.residents, 1)
            o["businesses"] = Double(b.pointee.building.businesses)
            o["floors"] = Double(b.pointee.building.floors)
            o["height_m"] = rounded(b.pointee.building.heightM)
            o["focus_point"] = b.pointee.focusKind
            let best = b.pointee.service.fixed.best
            o["fixed_technology"] = best?.technology.rawValue ?? "none"
            o["fixed_down_mbps"] = rounded(best?.downMbps ?? 0)
            o["fixed_up_mbps"] = rounded(best?.upMbps ?? 0)
            o["fixed_networks"] = Double(b.pointee.service.fixed.networks.count)
            o["nga_networks"] = Double(b.pointee.ngaNetworks)
            o["planned_within_3y"] = b.pointee.service.fixed.plannedWithin3Years
            for (t, key) in technologyKeys {
                // Each pair bound once (every `out?.1.x` would copy the pair with its two strings).
                if let (service, quality) = b.pointee.service.mobileOutdoor[t] {
                    o[key[0]] = service.operatorName
                    o[key[1]] = quality.sectorID
                    o[key[2]] = rounded(quality.rsrpDBm)
                    o[key[3]] = rounded(quality.sinrDB)
                    o[key[4]] = rounded(quality.downlinkMbps)
                } else {
                    o[key[0]] = String?.none
                    o[key[1]] = String?.none
                    o[key[2]] = Double?.none
                    o[key[3]] = Double?.none
                    o[key[4]] = rounded(0)
                }
                o[key[5]] = rounded(b.pointee.service.mobileIndoor.downlinkMbps(t) ?? 0)
                o[key[6]] = rounded(b.pointee.service.mobileIndoorLoadedMbps[t] ?? 0)
            }
            o["wlan_island"] = b.pointee.service.wlanIsland
            o["wlan_mbps"] = rounded(b.pointee.service.wlanMbps)
            let overall = BuildingService.best(
                fixedMbps: best?.downMbps, mobileIndoorMbps: b.pointee.service.mobileIndoor.bestDownlinkMbps ?? 0,
                wlanMbps: b.pointee.service.wlanMbps)
            o["best_source"] = overall.source.rawValue
            o["best_down_mbps"] = rounded(overall.downMbps)
            for (size, field) in sizes {
                o[field] = rounded(b.pointee.downloadSeconds(size, bestMbps: overall.downMbps))
            }
            for (p, eligible, reason) in programmeKeys {
                let v = b.pointee.service.funding[p]!
                o[eligible] = v.eligible
                o[reason] = v.reason.rawValue
            }
            costValues(
                costOfBuilding(i), projectArea: projectAreaOf[i] >= 0 ? projectAreaIDs[Int(projectAreaOf[i])] : nil,
                into: &o)
            source.appendValues(of: b.pointee.building.attributes, into: &o)
            return OutputRow(geometry: OutputLayer.multi(b.pointee.building.geometry), values: o.finish())
        }
        let makeBuilding: @Sendable (Int) -> OutputRow = { i in
            r.buildings.withUnsafeBufferPointer { buildingRow(i, $0.baseAddress! + i) }
        }
        layers.append(
            OutputLayer(
                name: "buildings",
                geometryType: OutputLayer.declaredType(
                    r.buildings.indices.lazy.map { r.buildings[$0].building.geometry }), fields: fields,
                count: r.buildings.count, description: "Service and funding verdicts per building", row: makeBuilding))

        // Schools.
        let schoolFields: [GeoPackageField] = [
            .init("id", .text), .init("name", .text), .init("building_id", .text), .init("connection", .text),
            .init("down_mbps", .real), .init("up_mbps", .real), .init("classes", .integer),
            .init("mbps_per_class", .real), .init("meets_30_per_class", .boolean), .init("wlan_island", .text),
            .init("best_mobile", .text), .init("best_mobile_mbps", .real), .init("best_mobile_mbps_loaded", .real),
            .init("eligible_under", .text),
        ]
        let schools = r.schools.enumerated().map { k, row -> Feature in
            var o = JSONObject()
            o["id"] = .string(row.schoolID)
            o["name"] = .string(row.name)
            o["building_id"] = .string(row.buildingID)
            o["connection"] = .string(row.connection?.technology.rawValue ?? "none")
            o["down_mbps"] = number(row.connection?.downMbps ?? 0)
            o["up_mbps"] = number(row.connection?.upMbps ?? 0)
            o["classes"] = row.classes.map { .number(Double($0)) } ?? .null
            o["mbps_per_class"] = number(row.mbpsPerClass)
            o["meets_30_per_class"] = row.meetsClassRule.map { .bool($0) } ?? .null
            o["wlan_island"] = row.wlanIsland.map { .string($0) } ?? .null
            o["best_mobile"] =
                row.bestMobile.map { .string("\($0.0.technology.displayName) (\($0.0.operatorName))") } ?? .null
            o["best_mobile_mbps"] = number(row.bestMobile?.1.downlinkMbps ?? 0)
            o["best_mobile_mbps_loaded"] = number(row.bestMobileLoadedMbps ?? 0)
            o["eligible_under"] = .string(row.eligibleUnder.map(\.rawValue).joined(separator: ","))
            return Feature(index: k, geometry: row.location.map { .point($0) }, properties: o)
        }
        layers.append(
            OutputLayer(
                name: "schools", geometryType: "POINT", fields: schoolFields, features: schools,
                description: "Schools: connection, Mbit/s per class, WLAN, eligibility"))

        // Focus points, their input properties through the same `src_*` columns as the buildings' (null stays
        // null). One point per focus point (a point on the surface of a footprint), so that the layer has one
        // geometry type.
        let focusPoints = r.focusPoints
        let focusProperties = focusPoints.map { SourceProperties($0.attributes) }
        let focusSource = SourceColumns(focusProperties)
        let focusFields: [GeoPackageField] =
            [.init("id", .text), .init("kind", .text), .init("name", .text)] + focusSource.fields
        let focusNames = focusFields.map(\.name)
        layers.append(
            OutputLayer(
                name: "focus_points", geometryType: "POINT", fields: focusFields, count: focusPoints.count,
                description: "Socio-economic focus points"
            ) { k in
                let f = focusPoints[k]
                var o = RowBuilder(focusNames)
                o["id"] = f.id
                o["kind"] = f.kindText
                o["name"] = f.name
                focusSource.appendValues(of: focusProperties[k], into: &o)
                return OutputRow(geometry: f.geometry.anchor.map { .point($0) }, values: o.finish())
            })

        // Sites and sectors.
        layers.append(
            OutputLayer(
                name: "sites", geometryType: "POINT",
                fields: [
                    .init("id", .text), .init("operator", .text), .init("height_m", .real), .init("environment", .text),
                    .init("sectors", .integer), .init("technologies", .text), .init("generated", .boolean),
                ],
                features: r.sites.enumerated().map { k, s in
                    Feature(
                        index: k, geometry: .point(s.location),
                        properties: JSONObject([
                            ("id", .string(s.id)), ("operator", .string(s.operatorName ?? "")),
                            ("height_m", number(s.heightM)),
                            ("environment", .string(r.network.environments[s.id]?.rawValue ?? "")),
                            ("sectors", .number(Double(s.sectors.count))),
                            (
                                "technologies",
                                .string(
                                    Set(s.sectors.map(\.technology)).sorted().map(\.rawValue).joined(separator: ","))
                            ), ("generated", .bool(s.attributes["generated"] == .bool(true))),
                        ]))
                }, description: "Cell sites"))
        var sectorFeatures: [Feature] = []
        for s in r.sites {
            for sector in s.sectors {
                sectorFeatures.append(
                    Feature(
                        index: sectorFeatures.count, geometry: .polygon(wedge(s.location, sector)),
                        properties: JSONObject([
                            ("id", .string(sector.id)), ("site_id", .string(s.id)),
                            ("operator", .string(s.operatorName ?? "")),
                            ("technology", .string(sector.technology.rawValue)),
                            ("frequency_mhz", number(sector.frequencyMHz)),
                            ("bandwidth_mhz", number(sector.bandwidthMHz)), ("azimuth_deg", number(sector.azimuthDeg)),
                            ("tilt_deg", number(sector.tiltDeg)), ("eirp_dbm", number(sector.eirpDBm)),
                            ("layers", .number(Double(sector.layers))),
                        ])))
            }
        }
        layers.append(
            OutputLayer(
                name: "sectors", geometryType: "POLYGON",
                fields: [
                    .init("id", .text), .init("site_id", .text), .init("operator", .text), .init("technology", .text),
                    .init("frequency_mhz", .real), .init("bandwidth_mhz", .real), .init("azimuth_deg", .real),
                    .init("tilt_deg", .real), .init("eirp_dbm", .real), .init("layers", .integer),
                ], features: sectorFeatures, description: "Sectors drawn as 150 m wedges of their beamwidth"))

        // WLAN.
        var aps: [Feature] = []
        var coverage: [Feature] = []
        for island in r.islands {
            for ap in island.accessPoints {
                aps.append(
                    Feature(
                        index: aps.count, geometry: .point(ap.location),
                        properties: JSONObject([
                            ("id", .string(ap.id)), ("island", .string(island.name)),
                            ("standard", .string(ap.standard.rawValue)), ("band_ghz", number(ap.bandMHz / 1000)),
                            ("eirp_dbm", number(ap.eirpDBm)), ("indoor", .bool(ap.indoor)),
                            ("public", .bool(ap.isPublic)), ("backhaul_mbps", number(ap.backhaulMbps)),
                            ("island_mbps", number(island.indoorMbps)),
                        ])))
            }
            if let g = island.outdoorCoverage {
                coverage.append(
                    Feature(
                        index: coverage.count, geometry: OutputLayer.multi(g),
                        properties: JSONObject([
                            ("island", .string(island.name)), ("min_mbps", number(settings.wlan.outdoorMinimumMbps)),
                            ("area_m2", number(try g.area())),
                        ])))
            }
        }
        layers.append(
            OutputLayer(
                name: "wlan_aps", geometryType: "POINT",
                fields: [
                    .init("id", .text), .init("island", .text), .init("standard", .text), .init("band_ghz", .real),
                    .init("eirp_dbm", .real), .init("indoor", .boolean), .init("public", .boolean),
                    .init("backhaul_mbps", .real), .init("island_mbps", .real),
                ], features: aps, description: "WLAN access points"))
        layers.append(
            OutputLayer(
                name: "wlan_coverage", geometryType: "MULTIPOLYGON",
                fields: [.init("island", .text), .init("min_mbps", .real), .init("area_m2", .real)], features: coverage,
                description: "Outdoor coverage of public WLAN"))

        // Coverage class polygons.
        layers.append(
            OutputLayer(
                name: "coverage", geometryType: "MULTIPOLYGON",
                fields: [
                    .init("class", .text), .init("label", .text), .init("technology", .text), .init("operator", .text),
                    .init("min_mbps", .real), .init("area_km2", .real),
                ],
                features: try r.coveragePolygons.enumerated().map { k, entry in
                    let (cls, g) = entry
                    return Feature(
                        index: k, geometry: g,
                        properties: JSONObject([
                            ("class", .string(cls.name)), ("label", .string(cls.label)),
                            ("technology", .string(cls.technology.rawValue)),
                            ("operator", cls.operatorName.map { .string($0) } ?? .null),
                            ("min_mbps", number(cls.minimumMbps)), ("area_km2", number(try g.area() / 1e6, 1000)),
                        ]))
                }, description: "Outdoor coverage classes (dissolved grid cells)"))

        // Underserved areas.
        let countFields: [GeoPackageField] = [
            .init("buildings", .integer), .init("households", .real), .init("residents", .integer),
            .init("businesses", .integer), .init("schools", .integer), .init("hospitals", .integer),
            .init("other_focus_points", .integer),
        ]
        func counts(_ c: BuildingCounts?, into o: inout JSONObject, prefix: String = "") {
            let c = c ?? BuildingCounts()
            o[prefix + "buildings"] = .number(Double(c.buildings))
            o[prefix + "households"] = number(c.households, 10)
            o[prefix + "residents"] = number(c.residents, 1)
            o[prefix + "businesses"] = .number(Double(c.businesses))
            o[prefix + "schools"] = .number(Double(c.schools))
            o[prefix + "hospitals"] = .number(Double(c.hospitals))
            o[prefix + "other_focus_points"] = .number(Double(c.otherFocusPoints))
        }
        let areaFields: [GeoPackageField] =
            [
                .init("id", .text), .init("programme", .text), .init("district", .text),
                .init("dominant_reason", .text), .init("area_km2", .real),
            ] + countFields + totalFields
        layers.append(
            OutputLayer(
                name: "underserved_areas", geometryType: "MULTIPOLYGON", fields: areaFields,
                features: try r.areas.enumerated().map { k, a in
                    var o = JSONObject()
                    o.reserveCapacity(areaFields.count)
                    o["id"] = .string(a.id)
                    o["programme"] = .string(settings.funding.areaProgramme.rawValue)
                    o["district"] = a.district.map { .string($0) } ?? .null
                    o["dominant_reason"] = .string(a.dominantReason)
                    o["area_km2"] = number(try a.geometry.area() / 1e6, 10000)
                    counts(a.counts, into: &o)
                    totals(a.summary.cost, into: &o)
                    return Feature(index: k, geometry: OutputLayer.multi(a.geometry), properties: o)
                }, description: "Clusters of eligible buildings"))

        // Districts.
        var districtFields: [GeoPackageField] =
            [.init("id", .text), .init("name", .text), .init("area_km2", .real)] + countFields + totalFields
        for p in FundingProgramme.allCases {
            let f = fieldName(p.rawValue)
            districtFields += [
                .init("\(f)_buildings", .integer), .init("\(f)_households", .real), .init("\(f)_schools", .integer),
            ]
        }
        for cls in settings.coverageClasses {
            districtFields += [
                .init("\(fieldName(cls.name))_km2", .real), .init("\(fieldName(cls.name))_residents", .real),
            ]
        }
        layers.append(
            OutputLayer(
                name: "districts", geometryType: "MULTIPOLYGON", fields: districtFields,
                features: r.districts.enumerated().map { k, d in
                    var o = JSONObject([
                        ("id", .string(d.id)), ("name", .string(d.name)), ("area_km2", number(d.areaKm2, 1000)),
                    ])
                    counts(d.all, into: &o)
                    totals(d.cost, into: &o)
                    for p in FundingProgramme.allCases {
                        let f = fieldName(p.rawValue)
                        o["\(f)_buildings"] = .number(Double(d.eligible[p]?.buildings ?? 0))
                        o["\(f)_households"] = number(d.eligible[p]?.households ?? 0, 10)
                        o["\(f)_schools"] = .number(Double(d.eligible[p]?.schools ?? 0))
                    }
                    for c in d.coverage {
                        o["\(fieldName(c.coverageClass.name))_km2"] = number(c.areaKm2, 1000)
                        o["\(fieldName(c.coverageClass.name))_residents"] = number(c.residents, 1)
                    }
                    return Feature(index: k, geometry: d.geometry.map(OutputLayer.multi), properties: o)
                }, description: "Summaries per district"))
        layers += try costLayers(r)
        return layers
    }

    /// The coverage raster's cells as points with the best RSRP, SINR and Mbit/s per technology (over
    /// operators) and the Mbit/s of every operator's network, outdoors. Only the GeoPackage gets it.
    public static func coverageGrid(_ r: RunResult) -> OutputLayer? {
        guard let grid = r.grid else { return nil }
        let coverage = grid.coverage
        let technologies = Set(coverage.services.map(\.technology)).sorted()
        var fields: [GeoPackageField] = []
        for t in technologies {
            fields += [
                .init("\(t.rawValue)_rsrp_dbm", .real), .init("\(t.rawValue)_sinr_db", .real),
                .init("\(t.rawValue)_mbps", .real),
            ]
        }
        for key in coverage.services {
            fields.append(.init(fieldName("\(key.operatorName)_\(key.technology.rawValue)_mbps"), .real))
        }
        return OutputLayer(
            name: "coverage_grid", geometryType: "POINT", fields: fields, count: grid.columns * grid.rows,
            description:
                "Coverage raster cells (\(NumberText.plain(grid.resolutionM)) m): best outdoor RSRP, SINR and Mbit/s "
                + "per technology and Mbit/s per network"
        ) { cell in
            var values = FieldValues.Builder(capacity: 9 * (technologies.count * 3 + coverage.services.count))
            for t in technologies {
                let q = coverage.best(receiver: cell, technology: t, indoor: false)?.1
                values.append(number(q?.rsrpDBm))
                values.append(number(q?.sinrDB))
                values.append(number(q?.downlinkMbps ?? 0))
            }
            for k in coverage.services.indices {
                values.append(number(coverage.quality(receiver: cell, service: k, indoor: false)?.downlinkMbps ?? 0))
            }
            return OutputRow(
                geometry: .point(grid.center(column: cell % grid.columns, row: cell / grid.columns)),
                values: values.finish())
        }
    }

    /// A 150 m wedge of the sector's beamwidth (a circle for omnidirectional sectors).
    static func wedge(_ c: Coordinate, _ s: Sector) -> Polygon {
        let radius = 150.0
        guard let azimuth = s.azimuthDeg, s.beamwidthDeg < 360 else {
            return Polygon(
                exterior: (0...24).map { k in
                    let a = Double(k % 24) * Double.pi / 12
                    return Coordinate(c.x + radius * sin(a), c.y + radius * cos(a))
                })
        }
        var ring = [c]
        for k in 0...8 {
            let a = (azimuth - s.beamwidthDeg / 2 + s.beamwidthDeg * Double(k) / 8) * Double.pi / 180
            ring.append(Coordinate(c.x + radius * sin(a), c.y + radius * cos(a)))
        }
        ring.append(c)
        return Polygon(exterior: Ring.oriented(ring, counterClockwise: true))
    }
}
