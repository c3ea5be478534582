/// A carrier chosen by catalogue name, or by technology, frequency and bandwidth.
public struct CarrierChoiceError: Error, Sendable, CustomStringConvertible { public var description: String }

extension TechnologyCatalogue {
    /// The catalogue carrier `name` (with another channel bandwidth where given), or the carrier of
    /// `technology` at `frequencyMHz` and `bandwidthMHz`.
    /// - Throws: `CarrierChoiceError` for an unknown name, a technology without a catalogue carrier,
    ///   or a bandwidth the technology has no channel of.
    public static func choose(
        name: String?, technology: Technology, frequencyMHz: Double, bandwidthMHz: Double?
    ) throws -> CarrierProfile {
        var profile: CarrierProfile
        if let name {
            guard let c = carrier(named: name) else { throw CarrierChoiceError(description: "unknown carrier \(name)") }
            profile = c
            if let bandwidthMHz,
                let other = carrier(technology: c.technology, frequencyMHz: c.frequencyMHz, bandwidthMHz: bandwidthMHz)
            {
                profile = other
            }
        } else {
            guard let c = carrier(technology: technology, frequencyMHz: frequencyMHz, bandwidthMHz: bandwidthMHz) else {
                throw CarrierChoiceError(description: "no catalogue carrier for \(technology.rawValue)")
            }
            profile = c
        }
        if let bandwidthMHz, profile.bandwidthMHz != bandwidthMHz {
            let spacing =
                profile.subcarrierSpacingKHz > 0
                ? "\(NumberText.plain(profile.subcarrierSpacingKHz)) kHz subcarriers" : "its kind"
            throw CarrierChoiceError(
                description: "--bandwidth-mhz: \(profile.technology.rawValue) has no "
                    + "\(NumberText.plain(bandwidthMHz)) MHz channel of \(spacing) (LTE: 1.4, 3, 5, 10, 15, 20 MHz by "
                    + "TS 36.101; " + "NR by the TS 38.101-1 resource-block table)")
        }
        return profile
    }
}
