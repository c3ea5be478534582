import Foundation
import GeoCore
import Radio

/// A map drawn as inline SVG in the working (metric) CRS, with legend, scale bar and north arrow.
struct SVGMap {
    let box: BoundingBox
    let width = 900.0
    var height: Double { (width * box.height / max(box.width, 1)).rounded() }
    var scale: Double { width / max(box.width, 1) }
    private(set) var layers: [String] = []
    private(set) var legend: [(String, String, String)] = []  // label, fill, stroke

    init(box: BoundingBox) { self.box = box }

    func point(_ c: Coordinate) -> String {
        var out = ""
        OneDecimal.append((c.x - box.minX) * scale, to: &out)
        out += ","
        OneDecimal.append((box.maxY - c.y) * scale, to: &out)
        return out
    }

    func path(_ g: Geometry) -> String {
        var d = ""
        func ring(_ r: [Coordinate], close: Bool) {
            guard let first = r.first else { return }
            d += "M" + point(first)
            var last = point(first)
            for c in r.dropFirst() {
                let p = point(c)
                if p != last {
                    d += "L" + p
                    last = p
                }
            }
            if close { d += "Z" }
        }
        switch g {
        case .polygon, .multiPolygon: for p in g.polygons { for r in p.rings { ring(r, close: true) } }
        case .lineString(let cs): ring(cs, close: false)
        case .multiLineString(let ls): for l in ls { ring(l, close: false) }
        case .collection(let gs): return gs.map(path).joined()
        default: break
        }
        return d
    }

    mutating func addPolygons(
        _ geometries: [Geometry], fill: String, stroke: String, label: String?, strokeWidth: Double = 0.6,
        title: ((Int) -> String)? = nil
    ) {
        let tolerance = 0.7 / scale
        var out = "<g>"
        for (i, g) in geometries.enumerated() {
            let simple = (try? g.simplified(tolerance: tolerance)) ?? g
            out +=
                "<path d=\"\(path(simple))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(strokeWidth)\" "
                + "fill-rule=\"evenodd\">"
            if let title { out += "<title>\(HTML.escape(title(i)))</title>" }
            out += "</path>"
        }
        layers.append(out + "</g>")
        if let label { legend.append((label, fill, stroke)) }
    }

    mutating func addPoints(
        _ points: [Coordinate], radius: Double, fill: String, stroke: String, label: String?, titles: [String]? = nil
    ) {
        var out = "<g>"
        for (i, p) in points.enumerated() where box.contains(p) {
            let xy = point(p).split(separator: ",")
            out +=
                "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"\(radius)\" fill=\"\(fill)\" stroke=\"\(stroke)\" "
                + "stroke-width=\"0.5\">"
            if let titles { out += "<title>\(HTML.escape(titles[i]))</title>" }
            out += "</circle>"
        }
        layers.append(out + "</g>")
        if let label { legend.append((label, fill, stroke)) }
    }

    /// A raster image (PNG) covering `extent` in map units, drawn under the later layers.
    mutating func addImage(png: [UInt8], extent: BoundingBox, legend entries: [(String, String)]) {
        let topLeft = point(Coordinate(extent.minX, extent.maxY)).split(separator: ",")
        let w = extent.width * scale
        let h = extent.height * scale
        layers.append(
            "<image x=\"\(topLeft[0])\" y=\"\(topLeft[1])\" width=\"\(OneDecimal.text(w))\" "
                + "height=\"\(OneDecimal.text(h))\" preserveAspectRatio=\"none\" "
                + "style=\"image-rendering:pixelated\" "
                + "href=\"data:image/png;base64,\(Data(png).base64EncodedString())\"/>")
        for (label, colour) in entries { legend.append((label, colour, colour)) }
    }

    mutating func addLines(_ lines: [Geometry], stroke: String, width: Double, label: String?) {
        layers.append(
            "<g fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(width)\">"
                + lines.map { "<path d=\"\(path($0))\"/>" }.joined() + "</g>")
        if let label { legend.append((label, "none", stroke)) }
    }

    /// A round scale-bar length near a fifth of the map width.
    var scaleBarMetres: Double {
        let target = box.width / 5
        let magnitude = pow(10, floor(log10(target)))
        return [1, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
    }

    func render(title: String) -> String {
        let legendHeight = Double(legend.count) * 18 + 10
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"img\" aria-label=\"\(HTML.escape(title))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height + legendHeight + 10))\">"
        svg +=
            "<defs><clipPath id=\"frame\"><rect x=\"0\" y=\"0\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\"/></clipPath></defs>"
        svg +=
            "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#f4f6f8\" stroke=\"#999\"/>"
        svg += "<g clip-path=\"url(#frame)\">" + layers.joined() + "</g>"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"none\" stroke=\"#999\"/>"
        // North arrow.
        svg +=
            "<g transform=\"translate(\(Int(width) - 40),20)\"><path d=\"M0,30 L10,0 L20,30 L10,22 Z\" "
            + "fill=\"#222\"/><text x=\"10\" y=\"44\" font-size=\"13\" text-anchor=\"middle\">N</text></g>"
        // Scale bar.
        let metres = scaleBarMetres
        let pixels = metres * scale
        let label = metres >= 1000 ? "\(NumberText.plain(metres / 1000)) km" : "\(NumberText.plain(metres)) m"
        svg +=
            "<g transform=\"translate(20,\(Int(height) - 24))\"><rect x=\"0\" y=\"0\" "
            + "width=\"\(OneDecimal.text(pixels))\" height=\"6\" fill=\"#222\"/>"
        svg +=
            "<rect x=\"\(OneDecimal.text(pixels / 2))\" y=\"0\" width=\"\(OneDecimal.text(pixels / 2))\" "
            + "height=\"6\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"0.5\"/>"
        svg +=
            "<text x=\"0\" y=\"18\" font-size=\"12\">0</text><text x=\"\(OneDecimal.text(pixels))\" y=\"18\" "
            + "font-size=\"12\" text-anchor=\"middle\">\(label)</text></g>"
        // Legend.
        for (i, entry) in legend.enumerated() {
            let y = height + 14 + Double(i) * 18
            svg +=
                "<rect x=\"10\" y=\"\(Int(y))\" width=\"16\" height=\"12\" fill=\"\(entry.1)\" stroke=\"\(entry.2)\"/>"
            svg += "<text x=\"34\" y=\"\(Int(y) + 11)\" font-size=\"13\">\(HTML.escape(entry.0))</text>"
        }
        return svg + "</svg>"
    }
}
