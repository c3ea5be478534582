/// HTML text escaping.
public enum HTML {
    /// `s` with `&`, `<`, `>` and `"` escaped, for text and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A table with a header row; the columns in `numeric` are right-aligned.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "<table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out +=
                "<tr>"
                + row.enumerated().map { i, cell in
                    "<td\(numeric.contains(i) ? " class=\"n\"" : "")>\(escape(cell))</td>"
                }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }
}
