import Radio

/// The colour classes of the best outdoor downlink rate, used by the raster tiles, the report's map
/// legend and the raster's description alike.
enum CoverageLegend {
    struct ColourClass {
        /// Lower bound, Mbit/s.
        var minimumMbps: Double
        var rgba: [UInt8]
        var colourName: String

        var hex: String { "#" + rgba.prefix(3).map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined() }
    }

    static let classes: [ColourClass] = [
        ColourClass(minimumMbps: 0, rgba: [215, 25, 28, 200], colourName: "red"),
        ColourClass(minimumMbps: 2, rgba: [253, 174, 97, 200], colourName: "orange"),
        ColourClass(minimumMbps: 30, rgba: [255, 255, 140, 200], colourName: "yellow"),
        ColourClass(minimumMbps: 100, rgba: [166, 217, 106, 200], colourName: "light green"),
        ColourClass(minimumMbps: 300, rgba: [26, 150, 65, 200], colourName: "green"),
    ]

    /// The class of a rate.
    static func colour(_ mbps: Double) -> [UInt8] { classes.last { mbps >= $0.minimumMbps }!.rgba }

    /// Legend entries ("mobile 2–30 Mbit/s", colour).
    static var legend: [(label: String, colour: String)] { legend(.en) }

    /// Legend entries in a language ("Mobilfunk 2–30 Mbit/s").
    static func legend(_ locale: ReportLocale) -> [(label: String, colour: String)] {
        let mobile = locale == .de ? "Mobilfunk" : "mobile"
        return classes.indices.map { k in
            let c = classes[k]
            let label: String
            if k == 0 {
                label = "\(mobile) < \(NumberText.plain(classes[1].minimumMbps)) Mbit/s"
            } else if k == classes.count - 1 {
                label = "\(mobile) ≥ \(NumberText.plain(c.minimumMbps)) Mbit/s"
            } else {
                label =
                    "\(mobile) \(NumberText.plain(c.minimumMbps))–"
                    + "\(NumberText.plain(classes[k + 1].minimumMbps)) Mbit/s"
            }
            return (label, c.hex)
        }
    }

    /// "red < 2, orange < 30, …, green ≥ 300".
    static var description: String {
        classes.indices.map { k in
            k == classes.count - 1
                ? "\(classes[k].colourName) ≥ \(NumberText.plain(classes[k].minimumMbps))"
                : "\(classes[k].colourName) < \(NumberText.plain(classes[k + 1].minimumMbps))"
        }.joined(separator: ", ")
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
