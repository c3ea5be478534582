import Planning

/// A QGIS layer style (QML): a single symbol, categories of a field or classes of a number, optional
/// labels from a field, and field aliases. Symbols carry their properties both as `<Option>` maps and
/// as `<prop>` elements, which QGIS 3 reads in either form.
struct QGISStyle {
    enum Geometry { case point, line, polygon }

    /// A symbol: fill (or none), outline, and for points a size in mm.
    struct Symbol {
        var fill: [UInt8]?
        var outline: [UInt8]
        var width = 0.4
        var dashed = false
        var size = 2.0
    }

    enum Renderer {
        case single(Symbol)
        case categorized(field: String, [(value: String, label: String, symbol: Symbol)])
        case graduated(field: String, [(lower: Double, upper: Double, label: String, symbol: Symbol)])
    }

    var geometry: Geometry
    var renderer: Renderer
    var labelField: String? = nil
    var aliases: [(field: String, alias: String)] = []

    static func rgba(_ c: [UInt8]) -> String { c.map(String.init).joined(separator: ",") }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    func symbolXML(_ s: Symbol, name: Int) -> String {
        var props: [(String, String)]
        let type: String
        let layerClass: String
        switch geometry {
        case .polygon:
            (type, layerClass) = ("fill", "SimpleFill")
            props = [
                ("color", Self.rgba(s.fill ?? [0, 0, 0, 0])), ("style", s.fill == nil ? "no" : "solid"),
                ("outline_color", Self.rgba(s.outline)), ("outline_style", s.dashed ? "dash" : "solid"),
                ("outline_width", String(s.width)), ("outline_width_unit", "MM"),
            ]
        case .line:
            (type, layerClass) = ("line", "SimpleLine")
            props = [
                ("line_color", Self.rgba(s.outline)), ("line_style", s.dashed ? "dash" : "solid"),
                ("line_width", String(s.width)), ("line_width_unit", "MM"), ("capstyle", "round"),
            ]
        case .point:
            (type, layerClass) = ("marker", "SimpleMarker")
            props = [
                ("name", "circle"), ("color", Self.rgba(s.fill ?? s.outline)), ("outline_color", Self.rgba(s.outline)),
                ("outline_width", String(s.width)), ("outline_width_unit", "MM"), ("size", String(s.size)),
                ("size_unit", "MM"),
            ]
        }
        let options = props.map { "<Option type=\"QString\" name=\"\($0.0)\" value=\"\($0.1)\"/>" }.joined()
        let legacy = props.map { "<prop k=\"\($0.0)\" v=\"\($0.1)\"/>" }.joined()
        return "<symbol type=\"\(type)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
            + "<layer class=\"\(layerClass)\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">\(options)"
            + "</Option>\(legacy)</layer></symbol>"
    }

    /// The QML document.
    var qml: String {
        var renderer: String
        switch self.renderer {
        case .single(let s):
            renderer =
                "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                + "<symbols>\(symbolXML(s, name: 0))</symbols></renderer-v2>"
        case .categorized(let field, let categories):
            renderer =
                "<renderer-v2 type=\"categorizedSymbol\" attr=\"\(Self.escape(field))\" symbollevels=\"0\" "
                + "enableorderby=\"0\" forceraster=\"0\"><categories>"
                + categories.enumerated().map { k, c in
                    "<category render=\"true\" symbol=\"\(k)\" value=\"\(Self.escape(c.value))\" "
                        + "label=\"\(Self.escape(c.label))\"/>"
                }.joined() + "</categories><symbols>"
                + categories.enumerated().map { k, c in symbolXML(c.symbol, name: k) }.joined()
                + "</symbols></renderer-v2>"
        case .graduated(let field, let ranges):
            renderer =
                "<renderer-v2 type=\"graduatedSymbol\" attr=\"\(Self.escape(field))\" "
                + "graduatedMethod=\"GraduatedColor\" "
                + "symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><ranges>"
                + ranges.enumerated().map { k, r in
                    "<range render=\"true\" symbol=\"\(k)\" lower=\"\(r.lower)\" upper=\"\(r.upper)\" "
                        + "label=\"\(Self.escape(r.label))\"/>"
                }.joined() + "</ranges><symbols>"
                + ranges.enumerated().map { k, r in symbolXML(r.symbol, name: k) }.joined()
                + "</symbols><mode name=\"manual\"/></renderer-v2>"
        }
        var labeling = ""
        if let field = labelField {
            labeling =
                "<labeling type=\"simple\"><settings calloutType=\"simple\">"
                + "<text-style fieldName=\"\(Self.escape(field))\" "
                + "isExpression=\"0\" fontFamily=\"DejaVu Sans\" fontSize=\"9\" fontSizeUnit=\"Point\" "
                + "textColor=\"40,40,40,255\" textOpacity=\"1\" fontWeight=\"75\"><text-buffer bufferDraw=\"1\" "
                + "bufferSize=\"1\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"1\"/>"
                + "</text-style><placement placement=\"\(geometry == .polygon ? 1 : 0)\" dist=\"1\"/>"
                + "<rendering obstacle=\"1\" scaleVisibility=\"0\"/></settings></labeling>"
        }
        let aliasXML =
            aliases.isEmpty
            ? ""
            : "<aliases>"
                + aliases.map { "<alias field=\"\(Self.escape($0.field))\" name=\"\(Self.escape($0.alias))\"/>" }
                .joined() + "</aliases>"
        return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            + "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling|Fields\" "
            + "labelsEnabled=\"\(labelField == nil ? 0 : 1)\">\(renderer)\(labeling)\(aliasXML)</qgis>\n"
    }
}
