import Foundation
import GeoCore
import Radio

extension Scenario {
    /// Loads every input layer into the working CRS and applies the changes in order.
    /// - Throws: `UnreadableFile` when an input cannot be read, `ScenarioError` when a change refers to
    ///   something that does not exist.
    /// - Parameter progress: told the kibibytes of input read, file by file.
    public func loadData(progress: (any ProgressObserver)? = nil) throws -> GeoData {
        let loader = GeoDataLoader(workingCRS: workingCRS, csvCRS: csvCRS)
        var data = GeoData(crs: workingCRS)
        let kibibytes: @Sendable (String) -> Int = { path in
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1024 + 1
        }
        let files = LayerKind.allCases.flatMap { kind in (inputs[kind] ?? []).map { (kind, $0) } }
        progress?.begin("loading inputs (KiB)", total: files.reduce(0) { $0 + kibibytes($1.1.path) })
        let parts = loader.readInParallel(
            files.map { GeoDataLoader.FileToRead(path: $0.1.path, kind: $0.0, options: $0.1.options) },
            decodeAs: { k, _ in files[k].0 }, finished: { k in progress?.advance(kibibytes(files[k].1.path)) })
        for (k, part) in parts.enumerated() {
            for (layer, decoded) in try part.get() {
                GeoDataLoader.merge(decoded!, of: layer.features, as: files[k].0, into: &data)
            }
        }
        progress?.end()
        // Changes never move buildings, schools, focus points or districts: one context serves every selector.
        var context: SpatialContext?
        for change in changes { try apply(change, to: &data, loader: loader, context: &context) }
        // The files' bytes and the decoders' features are gone: what remains is the data.
        Allocator.returnFreeMemory()
        return data
    }

    func fail(_ change: ScenarioChange, _ key: String, _ message: String) -> ScenarioError {
        ScenarioError(file: change.file, line: change.line, key: "\(change.key).\(key)", message: message)
    }

    func district(_ name: String, _ locator: DistrictLocator, _ change: ScenarioChange, key: String) throws -> Int {
        guard let d = locator.index(named: name) else {
            let names = locator.districts.map(\.name).prefix(12).joined(separator: ", ")
            throw fail(change, key, "no district named \"\(name)\" (districts: \(names))")
        }
        return d
    }

    func selectSites(
        _ s: SiteSelector, _ data: GeoData, _ change: ScenarioChange, context: () throws -> SpatialContext
    ) throws -> [Int] {
        if let ids = s.ids {
            let known = Set(data.sites.map(\.id))
            if let missing = ids.first(where: { !known.contains($0) }) {
                throw fail(change, "select.ids", "no site with id \"\(missing)\"")
            }
        }
        let locator = try s.district.map { _ in try context().districts }
        let district = try s.district.map { try self.district($0, locator!, change, key: "select.district") }
        let chosen = try data.sites.indices.filter { i in
            let site = data.sites[i]
            if let ids = s.ids, !ids.contains(site.id) { return false }
            if let o = s.operatorName, site.operatorName != o { return false }
            if let district, try !locator!.covers(district, site.location) { return false }
            if s.selectsSectors && !site.sectors.contains(where: s.matches) { return false }
            return true
        }
        if chosen.isEmpty { throw fail(change, "select", "selects no site") }
        return chosen
    }

    /// The buildings a selector picks, as indices into the context's buildings (which include a point
    /// building for each school that matches none).
    func selectBuildings(_ s: BuildingSelector, _ context: SpatialContext, _ change: ScenarioChange) throws -> [Int] {
        let buildings = context.buildings
        if let ids = s.ids {
            let known = Set(buildings.map(\.id))
            if let missing = ids.first(where: { !known.contains($0) }) {
                throw fail(change, "select.ids", "no building with id \"\(missing)\"")
            }
        }
        var schools = Set(context.focus.schoolBuildings)
        for (i, b) in buildings.enumerated() where b.use == .school { schools.insert(i) }
        let district = try s.district.map { try self.district($0, context.districts, change, key: "select.district") }
        let chosen = buildings.indices.filter { i in
            let b = buildings[i]
            if let ids = s.ids, !ids.contains(b.id) { return false }
            if s.schools && !schools.contains(i) { return false }
            if let uses = s.uses, !uses.contains(b.use) { return false }
            if let k = s.focusKinds, !(context.focus.kinds[i].map(k.contains) ?? false) { return false }
            if let district, context.buildingDistricts[i] != district { return false }
            return true
        }
        if chosen.isEmpty { throw fail(change, "select", "selects no building") }
        return chosen
    }

    func apply(
        _ change: ScenarioChange, to data: inout GeoData, loader: GeoDataLoader, context cached: inout SpatialContext?
    ) throws {
        func context() throws -> SpatialContext {
            if let cached { return cached }
            let made = try SpatialContext(data: data, settings: settings)
            cached = made
            return made
        }
        switch change.action {
        case .addSites(let sites):
            let wgs = sites.filter { $0.coordinates == .wgs84 }.map(\.feature)
            let working = sites.filter { $0.coordinates == .working }.map(\.feature)
            let projector = Projector()
            var added = GeoData(crs: workingCRS)
            for (crs, list) in [(CRS.wgs84, wgs), (workingCRS, working)] where !list.isEmpty {
                let layer = try FeatureLayer(name: "sites", source: change.file, crs: crs, features: list).prepared(
                    for: workingCRS, projector: projector)
                GeoDataLoader.add(layer, as: .sites, into: &added)
            }
            if let e = added.problems.first(where: { $0.severity == .error }) {
                throw fail(change, "add_sites[\(e.featureIndex ?? 0)]\(e.field.map { ".\($0)" } ?? "")", e.reason)
            }
            let existing = Set(data.sites.map(\.id))
            if let dup = added.sites.first(where: { existing.contains($0.id) }) {
                throw fail(change, "add_sites", "a site with id \"\(dup.id)\" exists already")
            }
            data.sites += added.sites
            data.works.newSites += added.sites.count
        case .removeSites(let s):
            let chosen = Set(try selectSites(s, data, change, context: context))
            if s.selectsSectors {
                for i in chosen { data.sites[i].sectors.removeAll(where: s.matches) }
                data.sites.removeAll { $0.sectors.isEmpty }
            } else {
                data.sites = data.sites.enumerated().filter { !chosen.contains($0.offset) }.map(\.element)
            }
        case .modifySites(let s, let m):
            for i in try selectSites(s, data, change, context: context) {
                if let h = m.heightM { data.sites[i].heightM = h }
                if let e = m.environment { data.sites[i].environment = e }
                for k in data.sites[i].sectors.indices where !s.selectsSectors || s.matches(data.sites[i].sectors[k]) {
                    if let t = m.tiltDeg { data.sites[i].sectors[k].tiltDeg = t }
                    if let e = m.eirpDBm { data.sites[i].sectors[k].eirpDBm = e }
                    if let l = m.layers { data.sites[i].sectors[k].layers = l }
                }
            }
        case .addSectors(let s, let sectors):
            for i in try selectSites(s, data, change, context: context) {
                for (k, fields) in sectors.enumerated() {
                    var f = FeatureFields(
                        Feature(index: k, geometry: nil, properties: fields), file: change.file, layer: "sites")
                    f.id = data.sites[i].id
                    guard
                        let sector = LayerDecoder.sector(
                            &f, fields: fields, id: "\(data.sites[i].id)-added-\(k + 1)", names: nil), !f.hasError
                    else {
                        throw fail(
                            change, "sectors[\(k)]",
                            f.problems.first { $0.severity == .error }?.reason ?? "invalid sector")
                    }
                    data.sites[i].sectors.append(sector)
                    data.works.upgradedSiteIDs.insert(data.sites[i].id)
                }
            }
        case .upgrade(let s, let u):
            for i in try selectSites(s, data, change, context: context) {
                for k in data.sites[i].sectors.indices where s.matches(data.sites[i].sectors[k]) {
                    var sector = data.sites[i].sectors[k]
                    sector.technology = u.technology
                    if let f = u.frequencyMHz { sector.frequencyMHz = f }
                    if let b = u.bandwidthMHz { sector.bandwidthMHz = b }
                    if let e = u.eirpDBm { sector.eirpDBm = e }
                    if let l = u.layers { sector.layers = l }
                    sector.id += "-\(u.technology.rawValue)"
                    data.sites[i].sectors[k] = sector
                    data.works.upgradedSiteIDs.insert(data.sites[i].id)
                }
            }
        case .addWLAN(let s, let t):
            let context = try context()
            for i in try selectBuildings(s, context, change) {
                let b = context.buildings[i]
                let area = (try? b.geometry.area()) ?? 0
                let count = min(20, max(1, Int(area / t.squareMetresPerAP)))
                for (k, p) in Self.spread(count, in: b.geometry).enumerated() {
                    data.wlan.append(
                        WLANAccessPoint(
                            id: "\(b.id)-scenario-ap\(k + 1)", location: p, island: b.attributes["name"]?.text ?? b.id,
                            standard: t.standard, bandMHz: t.bandMHz,
                            eirpDBm: WLANRate.legalEIRP(bandMHz: t.bandMHz, indoor: true), indoor: true,
                            isPublic: t.isPublic, backhaulMbps: t.backhaulMbps,
                            attributes: JSONObject([("building_id", .string(b.id)), ("scenario", .string(name))])))
                    data.works.newAccessPoints += 1
                }
            }
        case .addFibre(let s, let t):
            let context = try context()
            for i in try selectBuildings(s, context, change) {
                let b = context.buildings[i]
                data.fixed.append(
                    FixedLineRecord(
                        id: "\(b.id)-scenario-\(t.technology.rawValue)", location: nil, buildingID: b.id,
                        technology: t.technology, downMbps: t.downMbps, upMbps: t.upMbps, provider: t.provider,
                        plannedWithin3Years: t.plannedWithin3Years || t.plannedDate != nil, plannedDate: t.plannedDate,
                        attributes: JSONObject([("scenario", .string(name))])))
                data.works.fibreBuildings.append(b.id)
            }
        }
    }

    /// `count` points inside a footprint on a regular grid (its centre for one point or a point building).
    static func spread(_ count: Int, in geometry: Geometry) -> [Coordinate] {
        guard let polygon = geometry.polygons.first, count > 1, let box = geometry.boundingBox else {
            return [geometry.anchor!]
        }
        let side = Int(Double(count).squareRoot().rounded(.up)) + 1
        var points: [Coordinate] = []
        for r in 1...side {
            for c in 1...side {
                let p = Coordinate(
                    box.minX + box.width * Double(c) / Double(side + 1),
                    box.minY + box.height * Double(r) / Double(side + 1))
                if polygon.contains(p) { points.append(p) }
            }
        }
        return Array((points.isEmpty ? [geometry.anchor!] : points).prefix(count))
    }
}
