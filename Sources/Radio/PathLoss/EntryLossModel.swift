/// The building entry loss models by their command-line names: ITU-R P.2109 (traditional or
/// thermally efficient buildings) and the TR 38.901 §7.4.3.1 O2I low- and high-loss models.
public enum EntryLossModel: String, Sendable, CaseIterable {
    case none
    case p2109Traditional = "p2109-traditional"
    case p2109ThermallyEfficient = "p2109-thermally-efficient"
    case o2iLow = "o2i-low"
    case o2iHigh = "o2i-high"

    /// The entry loss at `frequencyMHz`; nil for `none`. P.2109 uses the probability and elevation;
    /// the O2I models the mean indoor distance.
    public func loss(
        frequencyMHz: Double, probability: Double, elevationDeg: Double, policy: RangePolicy = .extrapolate
    ) throws -> ModelResult? {
        switch self {
        case .none: return nil
        case .p2109Traditional:
            return try P2109.entryLoss(
                .traditional, frequencyMHz: frequencyMHz, probability: probability, elevationDeg: elevationDeg,
                policy: policy)
        case .p2109ThermallyEfficient:
            return try P2109.entryLoss(
                .thermallyEfficient, frequencyMHz: frequencyMHz, probability: probability, elevationDeg: elevationDeg,
                policy: policy)
        case .o2iLow: return try O2IPenetration.loss(.lowLoss, frequencyMHz: frequencyMHz, policy: policy)
        case .o2iHigh: return try O2IPenetration.loss(.highLoss, frequencyMHz: frequencyMHz, policy: policy)
        }
    }
}
