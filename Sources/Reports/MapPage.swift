import Foundation
import GeoCore
import Planning
import Radio

/// The interactive map of a run (`map.html`): one self-contained page with Leaflet from Debian's
/// `libjs-leaflet` inlined, so that it works offline. Layers (switchable): the coverage raster, the
/// districts with their names, underserved areas, project areas, schools, sites, and every building as a
/// point coloured by its best downlink rate, ringed red where it is eligible under the area programme.
/// A click on a building shows its address, service and verdicts. The map has no base map (it would
/// need the network). `map.html#inspect=ID` opens building ID's details on load.
enum MapPage {
    /// Where Debian's libjs-leaflet puts Leaflet.
    static let leafletDirectory = "/usr/share/javascript/leaflet"

    struct LeafletMissing: Error, CustomStringConvertible {
        var description: String {
            "map.html needs Leaflet from Debian's libjs-leaflet (\(MapPage.leafletDirectory)); install it "
                + "(tools/demo and tools/test do), or leave html out of --format"
        }
    }

    /// Up to this many buildings the map draws every one.
    static let maximumBuildings = 150_000

    /// The best-service sources in German.
    static let sourceDE = ["fixed": "Festnetz", "mobile": "Mobilfunk", "wlan": "WLAN", "none": "keiner"]

    /// Writes the page to `path`, in parts of about 1 MiB as it is made (a region's page is 80 MB).
    /// - Throws: `LeafletMissing` before anything is written; `FileWriteError`.
    static func write(_ r: RunResult, to path: String) throws {
        guard let js = FileManager.default.contents(atPath: leafletDirectory + "/leaflet.js"),
            let css = FileManager.default.contents(atPath: leafletDirectory + "/leaflet.css")
        else { throw LeafletMissing() }
        let sink = try FileSink(path: path)
        let projector = Projector()
        let crs = r.scenario.workingCRS
        let writer = GeoJSONWriter(decimals: 6)
        func collection(_ features: [Feature]) throws -> String {
            try writer.document(
                features: features.map { f in
                    var f = f
                    f.geometry = try f.geometry.map { try projector.transform($0, from: crs, to: .wgs84) }
                    return f
                })
        }
        let programme = r.settings.funding.areaProgramme
        let funding = r.settings.funding
        let districts = try collection(
            r.districts.enumerated().compactMap { k, d in
                d.geometry.map { Feature(index: k, geometry: $0, properties: JSONObject([("name", .string(d.name))])) }
            })
        let areas = try collection(
            r.areas.enumerated().map { k, a in
                Feature(
                    index: k, geometry: try a.geometry.simplified(tolerance: 2),
                    properties: JSONObject([
                        ("name", .string(a.id)), ("buildings", .number(Double(a.counts.buildings))),
                        ("reason", .string(FundingReason(rawValue: a.dominantReason)?.labelDE(funding) ?? "")),
                    ]))
            })
        let projects = try collection(
            r.projectAreas.enumerated().map { k, p in
                Feature(
                    index: k, geometry: try p.geometry.simplified(tolerance: 2),
                    properties: JSONObject([
                        ("name", .string("\(p.id) \(p.name)")), ("capex", .number(p.cost.capex.rounded())),
                        ("homes", .number(Double(p.cost.homes))),
                    ]))
            })
        let schools = try collection(
            r.schools.enumerated().compactMap { k, s in
                s.location.map {
                    Feature(index: k, geometry: .point($0), properties: JSONObject([("name", .string(s.name))]))
                }
            })
        let sites = try collection(
            r.sites.enumerated().map { k, s in
                Feature(
                    index: k, geometry: .point(s.location),
                    properties: JSONObject([("name", .string("\(s.id) \(s.operatorName ?? "")"))]))
            })
        // Buildings as compact rows: lon, lat, id, address, best source, best Mbit/s, fixed technology, down,
        // up, eligible under the area programme, every programme's verdict, the best indoor mobile rate alone
        // in the cell and in the busy hour.
        // A region's million buildings would make a page no browser opens: beyond `maximumBuildings`, only
        // the eligible ones are drawn, and the legend says so.
        let shown =
            r.buildings.count <= maximumBuildings
            ? Array(r.buildings.indices)
            : r.buildings.indices.filter { r.buildings[$0].service.funding[programme]!.eligible }
        var anchors = shown.map { r.buildings[$0].geometry.anchor ?? Coordinate(0, 0) }
        try projector.transform(&anchors, from: crs, to: .wgs84)
        // Each programme's verdict texts, once in a table the rows point into (the labels are worked out from
        // the thresholds), in the order of the programmes and reasons: a verdict's text is found by their case
        // indices.
        var verdictTexts: [String] = []
        for (n, p) in FundingProgramme.allCases.enumerated() {
            precondition(p.caseIndex == n)
            for (k, reason) in FundingReason.allCases.enumerated() {
                precondition(reason.caseIndex == k)
                let verdict = reason.eligible ? "förderfähig" : "nicht förderfähig"
                verdictTexts.append("\(p.rawValue): \(verdict) – " + reason.labelDE(funding))
            }
        }
        let reasonCount = FundingReason.allCases.count
        let programmes = FundingProgramme.allCases
        // The buildings' rows, written straight into the page: 15 MB for 100,000 buildings.
        func appendBuildings(to rows: inout [UInt8]) throws {
            // Read in place: a copy of a building's result retains each of its texts and arrays.
            try r.buildings.withUnsafeBufferPointer { buildings in try appendRows(of: buildings, to: &rows) }
        }
        func appendRows(of buildings: UnsafeBufferPointer<BuildingResult>, to rows: inout [UInt8]) throws {
            for (k, i) in shown.enumerated() {
                try Self.flushWhenFull(&rows, to: sink)
                let b = buildings.baseAddress! + i
                let fixed = b.pointee.service.fixed.best
                let mobile = b.pointee.service.mobileIndoor.bestDownlinkMbps ?? 0
                let best = BuildingService.best(
                    fixedMbps: fixed?.downMbps, mobileIndoorMbps: mobile, wlanMbps: b.pointee.service.wlanMbps)
                func number(_ value: Double, _ decimals: Int) {
                    JSONWriter.appendNumber(value, decimals: decimals, to: &rows)
                    rows.append(UInt8(ascii: ","))
                }
                func text(_ value: String) {
                    JSONWriter.appendQuoted(value, to: &rows)
                    rows.append(UInt8(ascii: ","))
                }
                rows.append(contentsOf: (k == 0 ? "[" : ",\n[").utf8)
                number(anchors[k].x, 6)
                number(anchors[k].y, 6)
                text(b.pointee.building.id)
                // The address written in its parts, not made into a text first.
                rows.append(UInt8(ascii: "\""))
                b.pointee.building.address?.forEachPart { JSONWriter.appendEscaped($0, to: &rows) }
                rows.append(contentsOf: "\",".utf8)
                text(Self.sourceDE[best.source.rawValue] ?? best.source.rawValue)
                number(best.downMbps, 1)
                text(fixed?.technology.rawValue ?? "none")
                number(fixed?.downMbps ?? 0, 0)
                number(fixed?.upMbps ?? 0, 0)
                number(b.pointee.service.funding[programme]!.eligible ? 1 : 0, 0)
                rows.append(UInt8(ascii: "["))
                for (n, p) in programmes.enumerated() {
                    if n > 0 { rows.append(UInt8(ascii: ",")) }
                    let reason = b.pointee.service.funding[p]!.reason
                    JSONWriter.appendInteger(UInt64(n * reasonCount + reason.caseIndex), to: &rows)
                }
                rows.append(contentsOf: "],".utf8)
                number(mobile, 1)
                JSONWriter.appendNumber(
                    b.pointee.service.mobileIndoorLoadedMbps.values.max() ?? 0, decimals: 1, to: &rows)
                rows.append(UInt8(ascii: "]"))
            }
        }
        let legend = CoverageLegend.classes.map { c in "[\(NumberText.plain(c.minimumMbps)),\(JSONWriter.quote(c.hex))]"
        }.joined(separator: ",")
        let raster = r.grid.map { try? Self.raster($0, crs: crs, projector: projector) } ?? nil
        let rasterJS =
            raster.map {
                "L.imageOverlay('data:image/png;base64,\(Data($0.png).base64EncodedString())',"
                    + "[[\($0.south),\($0.west)],[\($0.north),\($0.east)]],{opacity:0.75})"
            } ?? "null"
        let title = HTML.escape(r.scenario.name)
        var notes: [String] = []
        if !r.generatedLayers.isEmpty {
            notes.append("Enthält generierte Daten (\(r.generatedLayers.joined(separator: ", "))): nicht real")
        }
        if shown.count < r.buildings.count {
            notes.append("Gezeigt: die \(shown.count) förderfähigen von \(r.buildings.count) Gebäuden")
        }
        // The page as bytes, not copied through strings on the way to the file, handed to the file in parts.
        var page: [UInt8] = []
        page.reserveCapacity(Self.part + (64 << 10))
        func add(_ text: String) throws {
            page.append(contentsOf: text.utf8)
            try Self.flushWhenFull(&page, to: sink)
        }
        try add(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>\(title): Karte</title>"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>")
        page.append(contentsOf: css)
        try add(
            "\nhtml,body,#map{height:100%;margin:0}body{font-family:\"DejaVu Sans\",sans-serif}"
                + ".label{background:none;border:none;box-shadow:none;font-weight:bold;color:#333;"
                + "text-shadow:0 0 3px #fff}"
                + ".legend{background:#fff;padding:6px;line-height:1.4;font-size:12px;max-width:260px}"
                + ".legend i{display:inline-block;width:12px;height:12px;margin-right:4px}</style></head><body>"
                + "<div id=\"map\"></div><script>")
        page.append(contentsOf: js)
        try add("</script><script>\n")
        try add("const generated=" + (notes.isEmpty ? "null" : JSONWriter.quote(notes.joined(separator: ". "))) + ";\n")
        try add("const verdicts=\(JSONWriter.serialize(.array(verdictTexts.map { .string($0) })));\nconst buildings=[")
        try appendBuildings(to: &page)
        try add("];\nconst classes=[\(legend)]")
        for (name, layer) in [
            ("districts", districts), ("areas", areas), ("projects", projects), ("schools", schools), ("sites", sites),
        ] {
            try add(";\nconst \(name)=")
            try add(layer)
        }
        try add(";\nconst programme=\(JSONWriter.quote(programme.rawValue));\nconst raster=")
        try add(rasterJS)
        try add(";\n\(script)\n</script></body></html>\n")
        try sink.write(page)
        try sink.close()
    }

    /// The size of the parts the page is written in.
    static let part = 1 << 20

    /// Hands `bytes` to `sink` once they reach `part`, and empties them.
    static func flushWhenFull(_ bytes: inout [UInt8], to sink: FileSink) throws {
        guard bytes.count >= part else { return }
        try sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The page's own script: layers, labels, legend, the building details and the inspect hook.
    static let script = """
        function colour(mbps){let c=classes[0][1];for(const k of classes){if(mbps>=k[0])c=k[1];}return c;}
        const map=L.map('map',{preferCanvas:true});
        const canvas=L.canvas({padding:0.5});
        const overlays={};
        if(raster){raster.addTo(map);overlays['Versorgung (bester Download im Freien)']=raster;}
        const d=L.geoJSON(districts,{style:{color:'#555',weight:1.5,fill:false},
          onEachFeature:(f,l)=>l.bindTooltip(f.properties.name,{permanent:true,direction:'center',className:'label'})});
        d.addTo(map);overlays['Bezirke']=d;
        const a=L.geoJSON(areas,{style:{color:'#c0392b',weight:1,fillOpacity:0.15},
          onEachFeature:(f,l)=>l.bindPopup('<b>'+f.properties.name+'</b><br>'+f.properties.buildings
            +' Gebäude<br>'+f.properties.reason)});
        a.addTo(map);overlays['Unterversorgte Gebiete']=a;
        const p=L.geoJSON(projects,{style:{color:'#8e44ad',weight:2,fill:false,dashArray:'6 4'},
          onEachFeature:(f,l)=>l.bindPopup('<b>'+f.properties.name+'</b><br>'+f.properties.homes
            +' Einheiten, Investition '+f.properties.capex.toLocaleString('de-DE')+' €')});
        overlays['Projektgebiete']=p;
        const s=L.geoJSON(schools,{pointToLayer:(f,ll)=>L.circleMarker(ll,
            {radius:6,color:'#1f5fa8',weight:2,fillColor:'#fff',fillOpacity:1,renderer:canvas}),
          onEachFeature:(f,l)=>l.bindTooltip(f.properties.name)});
        s.addTo(map);overlays['Schulen']=s;
        const t=L.geoJSON(sites,{pointToLayer:(f,ll)=>L.circleMarker(ll,
            {radius:4,color:'#000',weight:1,fillColor:'#ffd400',fillOpacity:1,renderer:canvas}),
          onEachFeature:(f,l)=>l.bindTooltip(f.properties.name)});
        overlays['Mobilfunkstandorte']=t;
        const b=L.featureGroup();const byId={};
        for(const r of buildings){
          const m=L.circleMarker([r[1],r[0]],{radius:3,weight:r[9]?1.5:0.5,color:r[9]?'#c0392b':'#333',
            fillColor:colour(r[5]),fillOpacity:0.9,renderer:canvas});
          m.bindPopup(()=>'<b>'+r[2]+'</b>'+(r[3]?'<br>'+r[3]:'')+'<br>bester Dienst: '+r[4]+', '
            +r[5].toLocaleString('de-DE')+' Mbit/s'
            +'<br>Festnetz: '+r[6]+' '+r[7]+'/'+r[8]+' Mbit/s'
            +'<br>Mobilfunk innen: '+r[11].toLocaleString('de-DE')+' Mbit/s allein in der Zelle, '
            +r[12].toLocaleString('de-DE')+' Mbit/s zur Hauptlastzeit<br>'+r[10].map(k=>verdicts[k]).join('<br>'));
          m.addTo(b);byId[r[2]]=m;
        }
        b.addTo(map);overlays['Gebäude (rot umrandet: förderfähig nach '+programme+')']=b;
        L.control.layers(null,overlays,{collapsed:false}).addTo(map);
        L.control.scale({imperial:false}).addTo(map);
        const legend=L.control({position:'bottomright'});
        legend.onAdd=()=>{const div=L.DomUtil.create('div','legend');
          div.innerHTML='<b>bester Download (Mbit/s)</b><br>'
            +classes.map(c=>'<i style="background:'+c[1]+'"></i>≥ '+c[0]).join('<br>')
            +(generated?'<br><b>'+generated+'</b>':'');return div;};
        legend.addTo(map);
        const all=L.featureGroup([d,b]);
        map.fitBounds(all.getBounds().isValid()?all.getBounds():[[47,6],[55,15]]);
        function inspect(){const m=location.hash.match(/^#inspect=(.+)$/);if(!m)return;
          const marker=byId[decodeURIComponent(m[1])];if(!marker)return;
          map.setView(marker.getLatLng(),17);marker.fire('click');
          document.body.dataset.inspected=decodeURIComponent(m[1]);}
        window.addEventListener('hashchange',inspect);inspect();
        """

    /// The coverage raster resampled onto the map's Web Mercator grid (Leaflet stretches an image
    /// linearly in Web Mercator): every pixel's centre is taken back to the working CRS and coloured by
    /// the grid cell it falls in. Returns the PNG and its bounds in degrees.
    static func raster(
        _ grid: CoverageGrid, crs: CRS, projector: Projector
    ) throws -> (png: [UInt8], south: Double, west: Double, north: Double, east: Double) {
        let extent = [
            grid.origin, Coordinate(grid.origin.x + Double(grid.columns) * grid.resolutionM, grid.origin.y),
            Coordinate(grid.origin.x, grid.origin.y + Double(grid.rows) * grid.resolutionM),
            Coordinate(
                grid.origin.x + Double(grid.columns) * grid.resolutionM,
                grid.origin.y + Double(grid.rows) * grid.resolutionM),
        ]
        var corners = extent
        try projector.transform(&corners, from: crs, to: .wgs84)
        let west = corners.map(\.x).min()!
        let east = corners.map(\.x).max()!
        let south = corners.map(\.y).min()!
        let north = corners.map(\.y).max()!
        func mercatorY(_ lat: Double) -> Double { log(tan(Double.pi / 4 + lat * Double.pi / 360)) }
        let (y0, y1) = (mercatorY(south), mercatorY(north))
        let width = min(2000, grid.columns)
        let height = max(1, Int((Double(width) * (y1 - y0) / ((east - west) * Double.pi / 180)).rounded()))
        var centres: [Coordinate] = []
        centres.reserveCapacity(width * height)
        for row in 0..<height {
            let y = y1 - (Double(row) + 0.5) / Double(height) * (y1 - y0)
            let lat = (2 * atan(exp(y)) - Double.pi / 2) * 180 / Double.pi
            for col in 0..<width {
                centres.append(Coordinate(west + (Double(col) + 0.5) / Double(width) * (east - west), lat))
            }
        }
        try projector.transform(&centres, from: .wgs84, to: crs)
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        for (k, c) in centres.enumerated() {
            let column = Int(((c.x - grid.origin.x) / grid.resolutionM).rounded(.down))
            let row = Int(((c.y - grid.origin.y) / grid.resolutionM).rounded(.down))
            guard column >= 0, column < grid.columns, row >= 0, row < grid.rows else { continue }
            let colour = CoverageLegend.colour(CoverageTiles.bestMbps(grid, cell: row * grid.columns + column))
            rgba[k * 4] = colour[0]
            rgba[k * 4 + 1] = colour[1]
            rgba[k * 4 + 2] = colour[2]
            rgba[k * 4 + 3] = 160
        }
        return (PNGEncoder.encode(width: width, height: height, rgba: rgba), south, west, north, east)
    }
}
