import Foundation
import GeoCore
import Radio

/// The items of one layer that could be used, and what was wrong with the others.
public struct DecodedLayer<Item: Sendable>: Sendable {
    public var items: [Item]
    public var problems: [InputProblem]
    /// Features left out because of an error.
    public var dropped: Int
}

/// Turns the features of a prepared layer (already in the working CRS) into domain values,
/// checking every field of the GeoData contract.
public enum LayerDecoder {
    static let idNames = ["id", "@id", "lfdnr", "nr", "objectid", "gml_id", "osm_id"]

    /// Runs `body` for every feature with id handling (missing → index with a warning; duplicate → error)
    /// and a geometry check. Each feature is let go once decoded (its place keeps only its index), so that a
    /// layer's features and its decoded items are not held in full at the same time.
    ///
    /// The features are decoded in chunks on every core (`parallelChunks`, which spreads also inside the
    /// loader's loop over files), each chunk with a `State` of its own that `state` makes and `body` may
    /// change (a count, names kept once); the chunks' states come back in feature order. The ids are then
    /// checked in feature order on one thread, so that items, problems and the feature a repeated id names
    /// are the same whatever the number of threads.
    static func decode<Item: Sendable, State: Sendable>(
        _ layer: inout FeatureLayer, kind: LayerKind, geometry allowed: Set<String>?, idNames: [String] = idNames,
        indexIDsSilently: Bool = false, state: @Sendable () -> State,
        _ body: @Sendable (inout FeatureFields, String, Geometry?, inout State) -> Item?
    ) -> (decoded: DecodedLayer<Item>, states: [State]) {
        var problems = layer.problems
        let failedBefore = Set(layer.problems.filter { $0.severity == .error }.compactMap(\.featureIndex))
        // Layer-wide gaps are one problem, not one per feature.
        var keySetsWithID: [[String]: Bool] = [:]
        // The features of a file mostly share one keys array: compared with the last one (the same array
        // compares at once) before the keys are hashed.
        var last: (keys: [String], found: Bool)?
        let hasIDs = layer.features.contains { f in
            if let last, last.keys == f.properties.keys { return last.found }
            let found =
                keySetsWithID[f.properties.keys]
                ?? idNames.contains { f.properties.value(forKeyIgnoringCase: $0) != nil }
            keySetsWithID[f.properties.keys] = found
            last = (f.properties.keys, found)
            return found
        }
        if !hasIDs && !indexIDsSilently && !layer.features.isEmpty {
            problems.append(
                InputProblem(
                    .warning, code: "missing-id", file: layer.source, layer: layer.name, field: "id",
                    reason: "no feature has an id; feature indexes are used as ids"))
        }
        if allowed != nil, !kind.geometryOptional, layer.metadata["geometry"] == .string("none") {
            problems.append(
                InputProblem(
                    .error, code: "no-geometry", file: layer.source, layer: layer.name, field: "geometry",
                    reason: "the table has no coordinate columns (lon/lat, x/y or wkt); \(kind.rawValue) need "
                        + "\((allowed ?? []).sorted().joined(separator: " or "))"))
            return (DecodedLayer(items: [], problems: problems, dropped: layer.features.count), [])
        }
        let (file, layerName) = (layer.source, layer.name)
        let chunkSize = 1024
        var chunks: [DecodedChunk<State>] = []
        var dropped = 0
        // Each item is made in the place of its feature, and moved down over the places of features that
        // gave none once the ids are checked: no item is copied.
        let items = [Item](unsafeUninitializedCapacity: layer.features.count) { places, initialized in
            nonisolated(unsafe) let places = places.baseAddress!
            chunks = layer.features.withUnsafeMutableBufferPointer { buffer in
                // Each chunk reads and lets go of its own features only.
                nonisolated(unsafe) let features = buffer
                return parallelChunks(count: features.count, chunkSize: chunkSize) { range in
                    var chunk = DecodedChunk(state: state())
                    chunk.problemEnds.reserveCapacity(range.count)
                    if hasIDs { chunk.ids.reserveCapacity(range.count) }
                    var lastKeys: [String] = []
                    var lastNames = PropertyNameIndex([])
                    var lastAllowedType = ""
                    for position in range {
                        let feature = features[position]
                        // Features of one file mostly share their property names: map them to lower case once.
                        if feature.properties.keys != lastKeys {
                            lastKeys = feature.properties.keys
                            lastNames = PropertyNameIndex(lastKeys)
                        }
                        var fields = FeatureFields(feature, file: file, layer: layerName, names: lastNames)
                        var id = fields.string(idNames)
                        if id == nil {
                            id = String(feature.index)
                            if hasIDs && !indexIDsSilently {
                                fields.warning("id", "missing-id", "no id; the feature index \(feature.index) is used")
                            }
                        }
                        fields.id = id
                        if hasIDs {
                            chunk.ids.append(id!)
                            chunk.duplicateAt.append(UInt8(fields.problems.count))
                        }
                        if let allowed {
                            if let g = feature.geometry {
                                // The features of a file mostly have one type: the last type allowed is compared
                                // first.
                                let type = g.typeName
                                if type != lastAllowedType, !allowed.contains(type) {
                                    fields.error(
                                        "geometry", "wrong-geometry-type",
                                        "\(kind.rawValue) need \(allowed.sorted().joined(separator: " or ")), not "
                                            + g.typeName)
                                } else {
                                    lastAllowedType = type
                                }
                            } else if !kind.geometryOptional,
                                failedBefore.isEmpty || !failedBefore.contains(feature.index)
                            {
                                fields.error("geometry", "null-geometry", "the feature has no geometry")
                            }
                        }
                        let item = body(&fields, id!, feature.geometry, &chunk.state)
                        chunk.problems += fields.problems
                        chunk.problemEnds.append(Int32(chunk.problems.count))
                        features[position] = Feature(index: feature.index, geometry: nil, properties: JSONObject())
                        if let item, !fields.hasError, failedBefore.isEmpty || !failedBefore.contains(feature.index) {
                            (places + position).initialize(to: item)
                            chunk.itemOffsets.append(Int32(position - range.lowerBound))
                        }
                    }
                    return chunk
                }
            }
            // The ids in feature order, one hash each: a repeated id (rare) gets its first feature back, and
            // its feature's item is dropped.
            var seen: [String: Int] = [:]
            if hasIDs { seen.reserveCapacity(layer.features.count) }
            var kept = 0
            for c in chunks.indices {
                let chunk = chunks[c]
                var nextItem = 0
                var problemStart = 0
                for k in chunk.problemEnds.indices {
                    let position = c * chunkSize + k
                    let problemEnd = Int(chunk.problemEnds[k])
                    var duplicate: InputProblem?
                    if hasIDs {
                        let (id, index) = (chunk.ids[k], layer.features[position].index)
                        if let first = seen.updateValue(index, forKey: id) {
                            seen[id] = first
                            duplicate = InputProblem(
                                .error, code: "duplicate-id", file: file, layer: layerName, featureIndex: index,
                                featureID: id, field: "id", reason: "id \"\(id)\" is used by feature \(first) already")
                        }
                    }
                    if let duplicate {
                        let at = problemStart + Int(chunk.duplicateAt[k])
                        problems += chunk.problems[problemStart..<at]
                        problems.append(duplicate)
                        problems += chunk.problems[at..<problemEnd]
                    } else if problemEnd > problemStart {
                        problems += chunk.problems[problemStart..<problemEnd]
                    }
                    problemStart = problemEnd
                    guard nextItem < chunk.itemOffsets.count, Int(chunk.itemOffsets[nextItem]) == k else {
                        dropped += 1
                        continue
                    }
                    nextItem += 1
                    if duplicate != nil {
                        (places + position).deinitialize(count: 1)
                        dropped += 1
                    } else {
                        if kept < position { (places + kept).moveInitialize(from: places + position, count: 1) }
                        kept += 1
                    }
                }
            }
            initialized = kept
        }
        return (DecodedLayer(items: items, problems: problems, dropped: dropped), chunks.map(\.state))
    }

    /// `decode` for a body that keeps no state of its own.
    static func decode<Item: Sendable>(
        _ layer: inout FeatureLayer, kind: LayerKind, geometry allowed: Set<String>?, idNames: [String] = idNames,
        indexIDsSilently: Bool = false, _ body: @Sendable (inout FeatureFields, String, Geometry?) -> Item?
    ) -> DecodedLayer<Item> {
        decode(&layer, kind: kind, geometry: allowed, idNames: idNames, indexIDsSilently: indexIDsSilently, state: {}) {
            f, id, g, _ in body(&f, id, g)
        }.decoded
    }

    /// What one chunk of a layer's features decoded to, before the layer's ids are checked (`decode`).
    private struct DecodedChunk<State: Sendable>: Sendable {
        /// The features that gave an item (their offsets in the chunk), in order.
        var itemOffsets: [Int32] = []
        /// Every feature's problems in feature order: feature k's end at `problemEnds[k]`.
        var problems: [InputProblem] = []
        var problemEnds: [Int32] = []
        /// With ids in the layer, per feature: its id, and where among its problems an error for a repeated
        /// id goes (after the warning for a missing one).
        var ids: [String] = []
        var duplicateAt: [UInt8] = []
        var state: State
    }

    static let polygonal: Set<String> = ["POLYGON", "MULTIPOLYGON"]
    static let pointLike: Set<String> = ["POINT"]

    static let useAliases: [String: BuildingUse] = [
        "house": .residential, "apartments": .residential, "detached": .residential, "semidetached_house": .residential,
        "terrace": .residential, "dormitory": .residential, "wohnen": .residential, "wohngebäude": .residential,
        "yes": .other, "retail": .commercial, "office": .commercial, "supermarket": .commercial, "gewerbe": .commercial,
        "civic": .public, "government": .public, "townhall": .public, "öffentlich": .public, "warehouse": .industrial,
        "factory": .industrial, "industrie": .industrial, "kindergarten": .school, "university": .school,
        "college": .school, "schule": .school, "krankenhaus": .hospital, "clinic": .hospital,
    ]

    public static func buildings(_ layer: inout FeatureLayer) -> DecodedLayer<Building> {
        // Each chunk counts its buildings without use and households.
        let (layerDecoded, withoutUseByChunk): (DecodedLayer<Building>, [Int]) = decode(
            &layer, kind: .buildings, geometry: polygonal.union(pointLike), state: { 0 }
        ) { f, id, g, withoutUse -> Building? in
            var use: BuildingUse = .other
            var useGiven = true
            if let u = f.string("use") {
                if let v = BuildingUse(rawValue: u.lowercased()) ?? useAliases[u.lowercased()] {
                    use = v
                } else {
                    f.error(
                        "use", "unknown-value",
                        "\"\(u)\" is not one of \(BuildingUse.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            } else if let amenity = f.string("amenity")?.lowercased(),
                let v = BuildingUse(rawValue: amenity) ?? useAliases[amenity]
            {
                use = v
            } else if let tag = f.string("building")?.lowercased(),
                let v = BuildingUse(rawValue: tag) ?? useAliases[tag], tag != "yes"
            {
                use = v
            } else {
                useGiven = false
            }
            let floors = f.integer(["floors", "building:levels"], in: 1...200) ?? 2
            let height = f.number(["height_m", "height"], in: 0.5...1000, unit: "m") ?? 3 * Double(floors)
            let businesses = f.integer(["businesses"], in: 0...1_000_000) ?? 0
            let givenHouseholds = f.number(["households", "haushalte"], in: 0...100_000)
            let residents = f.number(["residents", "einwohner"], in: 0...1_000_000)
            let address = f.postalAddress()
            guard let g else { return nil }
            if !useGiven && givenHouseholds == nil { withoutUse += 1 }
            let households =
                givenHouseholds
                ?? Building.estimatedHouseholds(use: use, footprintM2: Building.footprintArea(g), floors: floors)
            return Building(
                id: id, geometry: g, use: use, households: households, householdsEstimated: givenHouseholds == nil,
                residents: residents, businesses: businesses, floors: floors, heightM: height, address: address,
                attributes: f.feature.properties)
        }
        var decoded = layerDecoded
        if case let withoutUse = withoutUseByChunk.reduce(0, +), withoutUse > 0 {
            decoded.problems.append(
                InputProblem(
                    .warning, code: "no-use-no-households", file: layer.source, layer: layer.name, field: "use",
                    reason:
                        "\(withoutUse) of \(layer.features.count) buildings have no use (or only building=yes) and no "
                        + "households: they count as \"other\" with 0 households, and the census grid is not "
                        + "spread onto them; give use or households, or set defaults: {use: residential} for "
                        + "the input in the scenario"))
        }
        return decoded
    }

    public static func schools(_ layer: inout FeatureLayer) -> DecodedLayer<School> {
        decode(&layer, kind: .schools, geometry: polygonal.union(pointLike)) { f, id, g in
            let name = f.requiredString("name", "schulname", "bezeichnung")
            let students = f.integer(["students", "schueler", "schüler"], in: 0...100_000)
            let classes = f.integer(["classes", "klassen"], in: 0...10_000)
            guard let g, let name else { return nil }
            return School(
                id: id, name: name, geometry: g, type: f.string("type", "schooltype", "schulform"), students: students,
                classes: classes, buildingID: f.string("building_id"), attributes: f.feature.properties)
        }
    }

    public static func focusPoints(_ layer: inout FeatureLayer) -> DecodedLayer<FocusPoint> {
        decode(&layer, kind: .focusPoints, geometry: polygonal.union(pointLike)) { f, id, g in
            guard let text = f.requiredString("kind") else { return nil }
            let kind = FocusPoint.Kind(rawValue: text.lowercased()) ?? .other
            if kind == .other && text.lowercased() != "other" {
                f.warning(
                    "kind", "unknown-focus-kind",
                    "\"\(text)\" is not a known focus-point kind "
                        + "(\(FocusPoint.Kind.allCases.map(\.rawValue).joined(separator: ", "))); counted as other")
            }
            guard let g else { return nil }
            return FocusPoint(
                id: id, kind: kind, kindText: text, name: f.string("name"), geometry: g,
                attributes: f.feature.properties)
        }
    }

    static let technologyNames: [String: Technology] = [
        "umts": .umts, "3g": .umts, "hsdpa": .hsdpa, "hspa": .hsdpa, "lte": .lte, "4g": .lte, "nr": .nr, "5g": .nr,
        "5g nr": .nr,
    ]

    /// One sector from an object of sector fields (a `sectors` element, the feature itself, or a CSV row).
    /// - Parameter names: the index of `fields`' keys where the caller has it (the sectors of a site share it).
    static func sector(_ f: inout FeatureFields, fields: JSONObject, id: String, names: PropertyNameIndex?) -> Sector? {
        var sub = FeatureFields(
            Feature(index: f.feature.index, geometry: nil, properties: fields), file: f.file, layer: f.layer,
            names: names)
        sub.id = f.id
        defer {
            f.problems += sub.problems
            if sub.hasError { f.hasError = true }
        }
        guard let techText = sub.requiredString("technology") else { return nil }
        guard let technology = technologyNames[techText.lowercased()] else {
            sub.error(
                "technology", "unknown-technology",
                "unknown technology \"\(techText)\" (expected umts, hsdpa, lte or nr)")
            return nil
        }
        guard let frequency = sub.number(["frequency_mhz"], in: 400...7125, unit: "MHz") else {
            if !sub.has("frequency_mhz") {
                sub.error("frequency_mhz", "missing-field", "required field frequency_mhz is missing")
            }
            return nil
        }
        let carrier = TechnologyCatalogue.carrier(technology: technology, frequencyMHz: frequency)
        let bandwidth = sub.number(["bandwidth_mhz"], in: 1.4...400, unit: "MHz") ?? carrier?.bandwidthMHz ?? 10
        let azimuth = sub.number(["azimuth_deg", "azimuth"], in: 0...360, unit: "°")
        let tilt = sub.number(["tilt_deg", "tilt"], in: -20...45, unit: "°") ?? 6
        let beamwidth = sub.number(["beamwidth_deg"], in: 1...360, unit: "°") ?? 65
        let gain = sub.number(["antenna_gain_dbi"], in: -10...40, unit: "dBi") ?? Sector.defaultAntennaGainDBi
        var eirp = sub.number(["eirp_dbm"], in: -20...90, unit: "dBm")
        if eirp == nil {
            eirp = (sub.number(["tx_power_dbm"], in: -20...70, unit: "dBm") ?? Sector.defaultTxPowerDBm) + gain
        }
        let layers = sub.integer(["layers"], in: 1...8) ?? 2
        if sub.has("max_modulation") {
            sub.warning(
                "max_modulation", "unused-field",
                "max_modulation is not used: rates follow the carrier's TR 36.942 "
                    + "curve, capped at its catalogue peak rate")
        }
        return Sector(
            id: sub.string("sector_id", "id") ?? id, azimuthDeg: azimuth, tiltDeg: tilt, beamwidthDeg: beamwidth,
            technology: technology, frequencyMHz: frequency, bandwidthMHz: bandwidth, eirpDBm: eirp!,
            antennaGainDBi: gain, layers: layers)
    }

    public static func sites(_ layer: inout FeatureLayer) -> DecodedLayer<Site> {
        let isCSV = layer.source.lowercased().hasSuffix(".csv")
        if isCSV { return csvSites(&layer) }
        return decode(&layer, kind: .sites, geometry: pointLike) { f, id, g in
            let height = f.number(["height_m", "height"], in: 1...400, unit: "m") ?? Site.defaultHeightM
            let environment = f.choice("environment", as: SiteEnvironment.self)
            var sectors: [Sector] = []
            if let list = f.feature.properties.value(forKeyIgnoringCase: "sectors")?.value {
                guard let array = list.arrayValue, !array.isEmpty else {
                    f.error("sectors", "bad-sectors", "sectors must be a non-empty array of objects")
                    return nil
                }
                // A site's sectors mostly share their property names (the parser gives them one keys array):
                // they are indexed once.
                var names: (keys: [String], index: PropertyNameIndex)?
                for (k, element) in array.enumerated() {
                    guard let object = element.objectValue else {
                        f.error("sectors[\(k)]", "bad-sectors", "sector \(k) is not an object")
                        continue
                    }
                    if names?.keys != object.keys { names = (object.keys, PropertyNameIndex(object.keys)) }
                    if let s = sector(&f, fields: object, id: "\(id)-\(k + 1)", names: names?.index) {
                        sectors.append(s)
                    }
                }
            } else if let s = sector(&f, fields: f.feature.properties, id: "\(id)-1", names: f.nameIndex) {
                sectors.append(s)
            }
            guard case .point(let c)? = g, !sectors.isEmpty else { return nil }
            return Site(
                id: id, location: c, operatorName: f.string("operator"), heightM: height, environment: environment,
                sectors: sectors, attributes: f.feature.properties)
        }
    }

    /// CSV sites: one row per sector, grouped by `site_id`.
    static func csvSites(_ layer: inout FeatureLayer) -> DecodedLayer<Site> {
        var order: [String] = []
        var bySite: [String: (site: Site, failed: Bool)] = [:]
        var dropped = 0
        let rows = decode(&layer, kind: .sites, geometry: pointLike, idNames: ["sector_id"], indexIDsSilently: true) {
            f, id, g -> (String, Site, Bool)? in
            guard let siteID = f.requiredString("site_id") else { return nil }
            let s = sector(
                &f, fields: f.feature.properties, id: f.string("sector_id") ?? "\(siteID)-\(f.feature.index + 1)",
                names: f.nameIndex)
            let height = f.number(["height_m"], in: 1...400, unit: "m") ?? Site.defaultHeightM
            guard case .point(let c)? = g, let s else {
                return (
                    siteID,
                    Site(
                        id: siteID, location: Coordinate(0, 0), heightM: height, sectors: [], attributes: JSONObject()),
                    true
                )
            }
            return (
                siteID,
                Site(
                    id: siteID, location: c, operatorName: f.string("operator"), heightM: height,
                    environment: f.choice("environment", as: SiteEnvironment.self), sectors: [s],
                    attributes: f.feature.properties), false
            )
        }
        for (siteID, site, failed) in rows.items {
            if var existing = bySite[siteID] {
                existing.site.sectors += site.sectors
                existing.failed = existing.failed || failed
                bySite[siteID] = existing
            } else {
                order.append(siteID)
                bySite[siteID] = (site, failed)
            }
        }
        var sites: [Site] = []
        for id in order {
            let entry = bySite[id]!
            if entry.failed || entry.site.sectors.isEmpty { dropped += 1 } else { sites.append(entry.site) }
        }
        return DecodedLayer(items: sites, problems: rows.problems, dropped: dropped + rows.dropped)
    }

    public static func wlan(_ layer: inout FeatureLayer) -> DecodedLayer<WLANAccessPoint> {
        // How many access points took each default, said once per layer.
        let (layerDecoded, counts): (DecodedLayer<WLANAccessPoint>, [[String: Int]]) = decode(
            &layer, kind: .wlan, geometry: pointLike, state: { [String: Int]() }
        ) { f, id, g, defaulted -> WLANAccessPoint? in
            for (field, _) in wlanDefaults where !f.has(field) { defaulted[field, default: 0] += 1 }
            let standard =
                f.choice(
                    "standard", as: WLANRate.Standard.self,
                    aliases: ["802.11n": .n, "802.11ac": .ac, "802.11ax": .ax, "wifi 6": .ax, "wifi6": .ax]) ?? .ax
            let band = f.number(["band_ghz"], in: 2.4...7.125, unit: "GHz") ?? 5
            if ![2.4, 5, 6].contains(band) {
                f.error("band_ghz", "unknown-value", "\(JSONWriter.format(band)) GHz is not a WLAN band (2.4, 5, 6)")
            }
            if standard == .n && band == 6 {
                f.error("band_ghz", "unknown-value", "802.11n does not use the 6 GHz band")
            }
            let indoor = f.bool("indoor") ?? true
            let legal = WLANRate.legalEIRP(bandMHz: band * 1000, indoor: indoor)
            let eirp = f.number(["eirp_dbm"], in: -10...36, unit: "dBm") ?? legal
            if eirp > legal {
                f.warning(
                    "eirp_dbm", "above-legal-limit",
                    "\(JSONWriter.format(eirp)) dBm exceeds the legal \(JSONWriter.format(legal)) dBm for "
                        + "\(JSONWriter.format(band)) GHz \(indoor ? "indoor" : "outdoor")")
            }
            let isPublic = f.bool("public") ?? false
            let backhaul = f.number(["backhaul_mbps"], in: 0...100_000, unit: "Mbit/s")
            guard case .point(let c)? = g else { return nil }
            return WLANAccessPoint(
                id: id, location: c, island: f.string("island"), standard: standard, bandMHz: band * 1000,
                eirpDBm: eirp, indoor: indoor, isPublic: isPublic, backhaulMbps: backhaul,
                attributes: f.feature.properties)
        }
        var decoded = layerDecoded
        let defaulted = counts.reduce(into: [String: Int]()) { total, chunk in total.merge(chunk, uniquingKeysWith: +) }
        for (field, assumed) in wlanDefaults {
            guard let n = defaulted[field] else { continue }
            decoded.problems.append(
                InputProblem(
                    .warning, code: "default-applied", file: layer.source, layer: layer.name, field: field,
                    reason:
                        "\(n) of \(layer.features.count) access points have no \(field): \(assumed) is assumed; give "
                        + "it, or set defaults for the input in the scenario"))
        }
        return decoded
    }

    /// The WLAN fields that take a default, with what is then assumed.
    static let wlanDefaults: [(String, String)] = [
        ("standard", "802.11ax"), ("band_ghz", "5 GHz"), ("public", "not public"),
        ("backhaul_mbps", "an unlimited backhaul"),
    ]

    public static func fixed(_ layer: inout FeatureLayer) -> DecodedLayer<FixedLineRecord> {
        decode(&layer, kind: .fixed, geometry: pointLike, state: { ProviderNames() }) { f, id, g, providers in
            let technology = f.choice("technology", as: FixedTechnology.self, aliases: FixedTechnology.aliases)
            if !f.has("technology") { f.error("technology", "missing-field", "required field technology is missing") }
            let down = f.number(["down_mbps"], in: 0...100_000, unit: "Mbit/s")
            if !f.has("down_mbps") { f.error("down_mbps", "missing-field", "required field down_mbps is missing") }
            let up = f.number(["up_mbps"], in: 0...100_000, unit: "Mbit/s")
            let building = f.string("building_id")
            var location: Coordinate?
            if case .point(let c)? = g { location = c }
            if location == nil && building == nil && f.feature.geometry == nil {
                f.error("geometry", "null-geometry", "a fixed-line record needs an address point or a building_id")
            }
            let plannedDate = f.date("planned_date")
            let planned = (f.bool("planned_within_3y") ?? false) || plannedDate != nil
            guard let technology, let down else { return nil }
            var record = FixedLineRecord(
                id: id, location: location, buildingID: building, technology: technology, downMbps: down, upMbps: up,
                provider: f.string("provider").map { providers.kept($0) }, plannedWithin3Years: planned,
                plannedDate: plannedDate, attributes: f.feature.properties)
            record.address = f.postalAddress()
            return record
        }.decoded
    }

    /// A survey names a few providers over and over: each name is kept once per chunk of records, not once
    /// per record (the buildings' networks hold them to the end of a run). The first eight names are
    /// compared one by one (cheaper than hashing a name), the others found by hash.
    struct ProviderNames: Sendable {
        private var first: [String] = []
        private var others: [String: String] = [:]

        /// `name`, as kept the first time it came.
        mutating func kept(_ name: String) -> String {
            for known in first where known == name { return known }
            if let known = others[name] { return known }
            if first.count < 8 { first.append(name) } else { others[name] = name }
            return name
        }
    }

    public static func districts(_ layer: inout FeatureLayer) -> DecodedLayer<District> {
        decode(&layer, kind: .districts, geometry: polygonal) { f, id, g in
            let name = f.string("name", "bezeichnung") ?? f.string("postal_code", "plz")
            if name == nil { f.error("name", "missing-field", "required field name is missing or empty") }
            guard let g, let name else { return nil }
            return District(id: id, name: name, geometry: g, attributes: f.feature.properties)
        }
    }

    public static func population(_ layer: inout FeatureLayer) -> DecodedLayer<PopulationCell> {
        decode(&layer, kind: .population, geometry: polygonal, idNames: idNames + ["gitter_id_1km", "gitter_id_100m"]) {
            f, id, g in
            var value: Double?
            if let raw = f.string("population", "einwohner"), DecimalText.parse(raw) == -1 {
                value = 0
                f.warning(
                    "population", "suppressed-value",
                    "population is suppressed (−1) by the statistics office; counted as 0")
            } else {
                value = f.number(["population", "einwohner"], in: 0...10_000_000)
                if !f.has("population", "einwohner") {
                    f.error("population", "missing-field", "required field population is missing")
                }
            }
            var size: Double?
            if let raw = f.string("household_size", "hhgroesse_d") {
                if let v = DecimalText.parse(raw), v < 0 {
                    f.warning(
                        "household_size", "suppressed-value",
                        "household size \(raw) is a statistics-office code for \"not given\"; the layer's mean is used")
                } else {
                    size = f.number(["household_size", "hhgroesse_d"], in: 0.5...20)
                }
            }
            guard let g, let value else { return nil }
            return PopulationCell(id: id, geometry: g, population: value, householdSize: size)
        }
    }

    public static func streets(_ layer: inout FeatureLayer) -> DecodedLayer<Street> {
        // OSM exports mix lamps, stops and areas into street layers: those are reported and left out.
        return decode(&layer, kind: .streets, geometry: nil) { f, id, g -> Street? in
            guard let g else {
                f.error("geometry", "null-geometry", "the feature has no geometry")
                return nil
            }
            guard g.typeName == "LINESTRING" || g.typeName == "MULTILINESTRING" else {
                let tag = f.string("highway").map { " (highway=\($0))" } ?? ""
                f.warning(
                    "geometry", "not-a-street",
                    "a \(g.typeName)\(tag) is not a street line; left out of the streets layer")
                f.hasError = true
                return nil
            }
            return Street(id: id, geometry: g, attributes: f.feature.properties)
        }
    }
}
