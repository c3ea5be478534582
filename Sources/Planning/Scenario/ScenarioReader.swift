import Foundation
import GeoCore
import Radio
import Yams

/// Reads a scenario YAML file and the files it extends (`base:`), checking every key and value.
public enum ScenarioReader {
    static let topKeys = [
        "name", "description", "as_of", "locale", "base", "crs", "csv_crs", "on_invalid", "inputs", "radio", "analysis",
        "funding", "costs", "changes",
    ]

    /// - Throws: `UnreadableScenario` when a file cannot be read as YAML, `ScenarioError` for a wrong key or value.
    public static func read(path: String) throws -> Scenario {
        do { return try read(path: URL(fileURLWithPath: path).standardizedFileURL.path, seen: []) } catch let e
            as ScenarioError
        { throw e } catch let e as UnreadableScenario { throw e } catch {
            throw UnreadableScenario(file: path, message: "\(error)")
        }
    }

    /// Reads a scenario from its bytes, as if they were the file at `path` (whose folder relative input
    /// paths and `base:` are resolved against).
    /// - Throws: `UnreadableScenario` when a file cannot be read as YAML, `ScenarioError` for a wrong key or value.
    public static func read(bytes: [UInt8], path: String) throws -> Scenario {
        do {
            return try read(data: Data(bytes), path: URL(fileURLWithPath: path).standardizedFileURL.path, seen: [])
        } catch let e as ScenarioError { throw e } catch let e as UnreadableScenario { throw e } catch {
            throw UnreadableScenario(file: path, message: "\(error)")
        }
    }

    static func read(path: String, seen: [String]) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UnreadableScenario(file: path, key: "", message: "cannot read the scenario file (missing?)")
        }
        return try read(data: data, path: path, seen: seen)
    }

    static func read(data: Data, path: String, seen: [String]) throws -> Scenario {
        guard let text = String(data: data, encoding: .utf8) else {
            throw UnreadableScenario(file: path, key: "", message: "not UTF-8 text")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw UnreadableScenario(file: path, key: "", message: "the file is empty")
            }
            root = node
        } catch let e as ScenarioError { throw e } catch let e as YamlError {
            throw UnreadableScenario(file: path, key: "", message: "not valid YAML: \(e)")
        }
        let top = try YAMLValue(node: root, file: path, path: "").mapping(allowed: topKeys)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ v: YAMLValue) throws -> String {
            let relative = try v.string()
            return relative.hasPrefix("/")
                ? relative : directory.appendingPathComponent(relative).standardizedFileURL.path
        }
        var scenario: Scenario
        if let base = top["base"] {
            let basePath = try resolve(base)
            guard !seen.contains(basePath) && basePath != path else {
                throw base.error("\(basePath) extends itself (a cycle of base files)")
            }
            guard FileManager.default.fileExists(atPath: basePath) else {
                throw UnreadableScenario(
                    file: path, line: base.node.mark?.line, column: base.node.mark?.column, key: "base",
                    message: "no such file \(basePath)")
            }
            scenario = try read(path: basePath, seen: seen + [path])
            scenario.files.append(path)
        } else {
            scenario = Scenario(
                name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, files: [path])
        }
        if let v = top["name"] {
            scenario.name = try v.string()
            if let problem = Scenario.nameProblem(scenario.name) {
                throw v.error("\(problem); the name becomes the output folder out/<name>")
            }
        } else if top["base"] != nil {
            scenario.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        if top["name"] == nil, let problem = Scenario.nameProblem(scenario.name) {
            throw ScenarioError(
                file: path, key: "name", message: "\(problem) (taken from the file name); give the scenario a name:")
        }
        if let v = top["description"] { scenario.description = try v.string() }
        if let v = top["as_of"] { scenario.asOf = try v.date() }
        if let v = top["locale"] {
            let code = try v.string()
            guard ["de", "en"].contains(code) else { throw v.error("locale is de or en, not \(code)") }
            scenario.locale = code
        }
        if let v = top["crs"] {
            guard let crs = CRS(try v.string()) else { throw v.error("not a CRS code like EPSG:25832") }
            guard let info = try? Projector().info(crs) else { throw v.error("\(crs) is not a CRS that PROJ knows") }
            guard info.isProjectedInMetres else {
                throw v.error(
                    "the working CRS must be projected in metres (e.g. EPSG:25832); \(crs) (\(info.name)) is "
                        + "\(info.isGeographic ? "geographic, in degrees" : "not projected in metres")")
            }
            scenario.workingCRS = crs
        }
        if let v = top["csv_crs"] {
            guard let crs = CRS(try v.string()) else { throw v.error("not a CRS code like EPSG:31467") }
            guard (try? Projector().info(crs)) != nil else { throw v.error("\(crs) is not a CRS that PROJ knows") }
            scenario.csvCRS = crs
        }
        if let v = top["on_invalid"] { scenario.onInvalid = try v.choice(Scenario.InvalidPolicy.self) }
        if let v = top["inputs"] {
            let layers = try v.mapping(allowed: LayerKind.allCases.map(\.rawValue))
            // Files of the base that this file does not replace, and those listed here: each input once.
            var seenFiles: [InputFile: String] = [:]
            for (kind, list) in scenario.inputs where layers[kind.rawValue] == nil {
                for f in list { seenFiles[f] = kind.rawValue }
            }
            for kind in LayerKind.allCases {
                guard let value = layers[kind.rawValue] else { continue }
                let key = kind.rawValue
                scenario.inputs[kind] = try value.list().map { item in
                    let file: InputFile
                    let at: YAMLValue
                    if case .mapping = item.node {
                        let m = try item.mapping(allowed: ["file", "table", "defaults", "id", "attribution", "licence"])
                        guard let f = m["file"] else {
                            throw item.error(
                                "an input given as a mapping needs file (and optionally table, defaults, id, "
                                    + "attribution, licence)")
                        }
                        var input = InputFile(path: try resolve(f), table: try m["table"]?.string())
                        if let d = m["defaults"] {
                            _ = try d.mapping(allowed: nil)
                            guard case .object(let o) = d.json() else {
                                throw d.error("defaults is a mapping of field: value")
                            }
                            input.defaults = o
                        }
                        if let t = m["id"] {
                            let template = try t.string()
                            guard template.contains("{"), template.contains("}") else {
                                throw t.error("an id template names fields in braces, e.g. \"{Street_ID}-{Number}\"")
                            }
                            input.idTemplate = template
                        }
                        input.attribution = try m["attribution"]?.string()
                        input.licence = try m["licence"]?.string()
                        file = input
                        at = f
                    } else {
                        file = InputFile(path: try resolve(item))
                        at = item
                    }
                    guard FileManager.default.fileExists(atPath: file.path) else {
                        throw UnreadableScenario(
                            file: path, line: at.node.mark?.line, column: at.node.mark?.column, key: at.path,
                            message: "no such file \(file.path)")
                    }
                    if let earlier = seenFiles.first(where: { $0.key.path == file.path && $0.key.table == file.table })?
                        .value
                    {
                        throw at.error(
                            "\(file.path)\(file.table.map { " (table \($0))" } ?? "") is listed twice (already under "
                                + "\(earlier)); each input is read once")
                    }
                    seenFiles[file] = key
                    return file
                }
            }
        }
        if let v = top["radio"] { try readRadio(v, into: &scenario.settings) }
        if let v = top["analysis"] { try readAnalysis(v, into: &scenario.settings) }
        if let v = top["funding"] { try readFunding(v, into: &scenario.settings.funding) }
        if let v = top["costs"] { try readCosts(v, into: &scenario.settings.costs, workingCRS: scenario.workingCRS) }
        if scenario.settings.funding.projectAreas.grouping == .layer && (scenario.inputs[.projectAreas] ?? []).isEmpty {
            throw ScenarioError(
                file: path, key: "funding.project_areas.by",
                message: "by: layer needs a project_areas input (a polygon file) under inputs")
        }
        if let v = top["changes"] { for item in try v.sequence() { scenario.changes.append(try readChange(item)) } }
        return scenario
    }

    static func readRadio(_ v: YAMLValue, into s: inout AnalysisSettings) throws {
        let m = try v.mapping(allowed: [
            "los", "ue_height_m", "interference_load", "busy_hour_activity", "noise_figure_db", "entry_loss",
            "entry_loss_probability", "candidate_radius_m", "height_raster_cell_m", "los_trace_distance_m",
        ])
        if let x = m["los"] { s.losMethod = try x.choice(AnalysisSettings.LOSMethod.self) }
        if let x = m["ue_height_m"] { s.userHeightM = try x.double(in: 1...30) }
        if let x = m["interference_load"] { s.interferenceLoad = try x.double(in: 0...1) }
        if let x = m["busy_hour_activity"] { s.busyHourActivity = try x.double(in: 0.001...1) }
        if let x = m["noise_figure_db"] { s.noiseFigureDB = try x.double(in: 0...20) }
        if let x = m["entry_loss"] { s.entryLossClass = try x.choice(P2109.BuildingClass.self) }
        if let x = m["entry_loss_probability"] { s.entryLossProbability = try x.double(in: 0.01...0.99) }
        if let x = m["candidate_radius_m"] { s.candidateRadiusM = try x.double(in: 100...50_000) }
        if let x = m["height_raster_cell_m"] { s.heightRasterCellM = try x.double(in: 1...50) }
        if let x = m["los_trace_distance_m"] { s.losTraceDistanceM = try x.double(in: 0...50_000) }
    }

    static func readAnalysis(_ v: YAMLValue, into s: inout AnalysisSettings) throws {
        let m = try v.mapping(allowed: [
            "grid_resolution_m", "coverage_classes", "cluster_distance_m", "cut_areas_by_district",
            "fixed_match_distance_m", "join_distance_m", "minimum_join_rate", "wlan",
        ])
        if let x = m["minimum_join_rate"] { s.minimumJoinRate = try x.double(in: 0...1) }
        if let x = m["grid_resolution_m"] {
            s.gridResolutionM = try x.double(in: 0...5000)
            if s.gridResolutionM > 0 && s.gridResolutionM < 1 {
                throw x.error("\(s.gridResolutionM) m is finer than 1 m; use 1…5000 m, or 0 for no grid")
            }
        }
        if let x = m["cluster_distance_m"] { s.clusterDistanceM = try x.double(in: 1...10_000) }
        if let x = m["cut_areas_by_district"] { s.cutAreasByDistrict = try x.bool() }
        if let x = m["fixed_match_distance_m"] { s.fixedMatchDistanceM = try x.double(in: 0...500) }
        if let x = m["join_distance_m"] {
            let layers: [LayerKind] = [.fixed, .schools, .focusPoints, .wlan]
            for (key, value) in try x.mapping(allowed: layers.map(\.rawValue)) {
                s.joinDistances.overrides[LayerKind(rawValue: key)!] = try value.double(in: 0...1000)
            }
        }
        if let x = m["coverage_classes"] {
            s.coverageClasses = try x.sequence().map { item in
                let c = try item.mapping(allowed: ["technology", "operator", "min_mbps"])
                guard let t = c["technology"], let min = c["min_mbps"] else {
                    throw item.error("a coverage class needs technology and min_mbps")
                }
                return CoverageClass(
                    technology: try t.choice(Technology.self), operatorName: try c["operator"]?.string(),
                    minimumMbps: try min.double(in: 0...100_000))
            }
        }
        if let x = m["wlan"] {
            let w = try x.mapping(allowed: [
                "indoor_distance_m", "indoor_walls", "mac_efficiency", "outdoor_min_mbps", "outdoor_exponent",
                "external_wall_loss_db",
            ])
            if let y = w["indoor_distance_m"] { s.wlan.indoorDistanceM = try y.double(in: 1...100) }
            if let y = w["indoor_walls"] { s.wlan.indoorWalls = try y.int(in: 0...20) }
            if let y = w["mac_efficiency"] { s.wlan.macEfficiency = try y.double(in: 0.1...1) }
            if let y = w["outdoor_min_mbps"] { s.wlan.outdoorMinimumMbps = try y.double(in: 0.1...10_000) }
            if let y = w["outdoor_exponent"] { s.wlan.outdoorExponent = try y.double(in: 2...6) }
            if let y = w["external_wall_loss_db"] { s.wlan.externalWallLossDB = try y.double(in: 0...60) }
        }
    }

    static func readFunding(_ v: YAMLValue, into f: inout FundingSettings) throws {
        let numbers: [(String, WritableKeyPath<FundingSettings, Double>)] = [
            ("white_spot_down_mbps", \.whiteSpotDownMbps), ("grey_spot_down_mbps", \.greySpotDownMbps),
            ("nga_network_mbps", \.ngaNetworkMbps), ("gigabit_2023_symmetric_mbps", \.gigabit2023SymmetricMbps),
            ("gigabit_2023_down_mbps", \.gigabit2023DownMbps), ("gigabit_2024_down_mbps", \.gigabit2024DownMbps),
            ("gigabit_2024_up_mbps", \.gigabit2024UpMbps), ("gigabit_mbps", \.gigabitMbps),
            ("gigabit_2024_counted_down_mbps", \.gigabit2024CountedDownMbps), ("gigabit_up_mbps", \.gigabitUpMbps),
        ]
        let m = try v.mapping(
            allowed: numbers.map(\.0) + [
                "area_programme", "mobile_counts", "wlan_counts", "black_spot_networks", "survey_date",
                "planning_horizon_years", "upgradable_technologies", "project_areas",
            ])
        for (key, path) in numbers { if let x = m[key] { f[keyPath: path] = try x.double(in: 0...100_000) } }
        if let x = m["area_programme"] { f.areaProgramme = try x.choice(FundingProgramme.self) }
        if let x = m["mobile_counts"] { f.mobileCountsAsReliable = try x.bool() }
        if let x = m["wlan_counts"] { f.wlanCountsAsReliable = try x.bool() }
        if let x = m["black_spot_networks"] { f.grey2021BlackSpotNetworks = try x.int(in: 1...10) }
        if let x = m["survey_date"] { f.surveyDate = try x.date() }
        if let x = m["project_areas"] { try readProjectAreas(x, into: &f.projectAreas) }
        if let x = m["planning_horizon_years"] { f.planningHorizonYears = try x.int(in: 0...10) }
        if let x = m["upgradable_technologies"] {
            f.upgradableTechnologies = Set(try x.list().map { try $0.choice(FixedTechnology.self) })
        }
    }

    static let changeKinds = [
        "add_sites", "remove_sites", "modify_sites", "add_sectors", "upgrade", "add_wlan", "add_fibre",
    ]

    static func readChange(_ item: YAMLValue) throws -> ScenarioChange {
        let m = try item.mapping(allowed: changeKinds)
        guard m.count == 1, let (kind, v) = m.first else {
            throw item.error("each change is a mapping with exactly one of \(changeKinds.joined(separator: ", "))")
        }
        let action: ScenarioChange.Action
        switch kind {
        case "add_sites":
            action = .addSites(
                try v.sequence().enumerated().map { k, site in
                    guard case .object(var properties) = site.json() else { throw site.error("a site is a mapping") }
                    let lon = properties["lon"]?.numberValue
                    let lat = properties["lat"]?.numberValue
                    let x = properties["x"]?.numberValue
                    let y = properties["y"]?.numberValue
                    for key in ["lon", "lat", "x", "y"] { properties[key] = nil }
                    let geometry: Geometry
                    if let lon, let lat {
                        geometry = .point(Coordinate(lon, lat))
                    } else if let x, let y {
                        geometry = .point(Coordinate(x, y))
                    } else {
                        throw site.error("a new site needs lon/lat (WGS84) or x/y (working CRS)")
                    }
                    return NewSite(
                        feature: Feature(index: k, geometry: geometry, properties: properties),
                        coordinates: lon != nil ? .wgs84 : .working)
                })
        case "remove_sites": action = .removeSites(try siteSelector(v))
        case "modify_sites":
            let mm = try v.mapping(allowed: ["select", "set"])
            guard let select = mm["select"], let set = mm["set"] else {
                throw v.error("modify_sites needs select and set")
            }
            let s = try set.mapping(allowed: ["height_m", "tilt_deg", "eirp_dbm", "layers", "environment"])
            action = .modifySites(
                try siteSelector(select),
                SiteModification(
                    heightM: try s["height_m"]?.double(in: 1...400), tiltDeg: try s["tilt_deg"]?.double(in: -20...45),
                    eirpDBm: try s["eirp_dbm"]?.double(in: -20...90), layers: try s["layers"]?.int(in: 1...8),
                    environment: try s["environment"]?.choice(SiteEnvironment.self)))
        case "add_sectors":
            let mm = try v.mapping(allowed: ["select", "sectors"])
            guard let select = mm["select"], let sectors = mm["sectors"] else {
                throw v.error("add_sectors needs select and sectors")
            }
            action = .addSectors(
                try siteSelector(select),
                try sectors.sequence().map { s in
                    guard case .object(let o) = s.json() else { throw s.error("a sector is a mapping") }
                    return o
                })
        case "upgrade":
            let mm = try v.mapping(allowed: ["select", "to"])
            guard let select = mm["select"], let to = mm["to"] else { throw v.error("upgrade needs select and to") }
            let t = try to.mapping(allowed: ["technology", "frequency_mhz", "bandwidth_mhz", "eirp_dbm", "layers"])
            guard let tech = t["technology"] else { throw to.error("upgrade needs to.technology") }
            action = .upgrade(
                try siteSelector(select),
                SectorUpgrade(
                    technology: try tech.choice(Technology.self),
                    frequencyMHz: try t["frequency_mhz"]?.double(in: 400...7125),
                    bandwidthMHz: try t["bandwidth_mhz"]?.double(in: 1.4...400),
                    eirpDBm: try t["eirp_dbm"]?.double(in: -20...90), layers: try t["layers"]?.int(in: 1...8)))
        case "add_wlan":
            let mm = try v.mapping(allowed: ["select", "standard", "band_ghz", "public", "backhaul_mbps", "m2_per_ap"])
            guard let select = mm["select"] else { throw v.error("add_wlan needs select") }
            var t = WLANTemplate()
            if let x = mm["standard"] { t.standard = try x.choice(WLANRate.Standard.self) }
            if let x = mm["band_ghz"] {
                let ghz = try x.double()
                guard [2.4, 5, 6].contains(ghz) else { throw x.error("band_ghz must be 2.4, 5 or 6") }
                t.bandMHz = ghz * 1000
            }
            if let x = mm["public"] { t.isPublic = try x.bool() }
            if let x = mm["backhaul_mbps"] { t.backhaulMbps = try x.double(in: 0...100_000) }
            if let x = mm["m2_per_ap"] { t.squareMetresPerAP = try x.double(in: 10...100_000) }
            action = .addWLAN(try buildingSelector(select), t)
        case "add_fibre":
            let mm = try v.mapping(allowed: [
                "select", "technology", "down_mbps", "up_mbps", "provider", "planned_within_3y", "planned_date",
            ])
            guard let select = mm["select"] else { throw v.error("add_fibre needs select") }
            var t = FibreTemplate()
            if let x = mm["technology"] { t.technology = try x.choice(FixedTechnology.self) }
            if let x = mm["down_mbps"] { t.downMbps = try x.double(in: 0...100_000) }
            if let x = mm["up_mbps"] { t.upMbps = try x.double(in: 0...100_000) }
            if let x = mm["provider"] { t.provider = try x.string() }
            if let x = mm["planned_within_3y"] { t.plannedWithin3Years = try x.bool() }
            if let x = mm["planned_date"] { t.plannedDate = try x.date() }
            action = .addFibre(try buildingSelector(select), t)
        default: throw item.error("unknown change \(kind)")
        }
        return ScenarioChange(action: action, file: item.file, line: item.node.mark?.line, key: item.path)
    }

    static func siteSelector(_ v: YAMLValue) throws -> SiteSelector {
        if case .scalar = v.node, try v.string() == "all" { return SiteSelector() }
        let m = try v.mapping(allowed: ["ids", "operator", "district", "technology", "frequency_mhz"])
        return SiteSelector(
            ids: try m["ids"]?.list().map { try $0.string() }, operatorName: try m["operator"]?.string(),
            district: try m["district"]?.string(), technology: try m["technology"]?.choice(Technology.self),
            frequencyMHz: try m["frequency_mhz"]?.double(in: 400...7125))
    }

    static func buildingSelector(_ v: YAMLValue) throws -> BuildingSelector {
        if case .scalar = v.node {
            switch try v.string() {
            case "all": return BuildingSelector()
            case "schools": return BuildingSelector(schools: true)
            default: throw v.error("expected a mapping, \"all\" or \"schools\"")
            }
        }
        let m = try v.mapping(allowed: ["ids", "schools", "use", "district", "focus"])
        return BuildingSelector(
            ids: try m["ids"]?.list().map { try $0.string() }, schools: try m["schools"]?.bool() ?? false,
            uses: try m["use"]?.list().map { try $0.choice(BuildingUse.self) }, district: try m["district"]?.string(),
            focusKinds: try m["focus"]?.list().map { try $0.string().lowercased() })
    }
}
