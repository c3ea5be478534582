import ArgumentParser
import Radio

/// The geometry options shared by `pathloss` and `link`.
struct PathOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Carrier frequency in MHz.") var frequencyMhz: Double?

    @Option(
        parsing: .unconditional,
        help: "2D ground distance in metres (for fspl the path length; not used by the entry-loss models).")
    var distanceM: Double?

    @Option(parsing: .unconditional, help: "Base-station antenna height in metres.") var bsHeightM: Double = 25

    @Option(parsing: .unconditional, help: "Terminal height in metres.") var ueHeightM: Double = 1.5

    @Option(parsing: .unconditional, help: "Street width W in metres (RMa NLOS).") var streetWidthM: Double = 20

    @Option(parsing: .unconditional, help: "Average building height h in metres (RMa).") var buildingHeightM: Double = 5

    @Option(parsing: .unconditional, help: "Floors between the terminals (P.1238, TGax residential).") var floors: Int =
        0

    @Option(parsing: .unconditional, help: "Walls between the terminals (TGax).") var walls: Int = 0

    @Option(parsing: .unconditional, help: "Elevation of the path at the façade in degrees (P.2109).") var elevationDeg:
        Double = 0

    @Option(parsing: .unconditional, help: "Probability that the loss is not exceeded, 0 < P < 1 (P.2109).")
    var probability: Double = 0.5

    @Flag(help: "Throw instead of flagging results outside a model's validity range.") var strict = false

    func validate() throws {
        try checkNumber("--frequency-mhz", frequencyMhz, 0...1_000_000, aboveLower: true, unit: "MHz")
        try checkNumber("--distance-m", distanceM, 0...100_000_000, aboveLower: true, unit: "m")
        try checkNumber("--bs-height-m", bsHeightM, 0...10_000, aboveLower: true, unit: "m")
        try checkNumber("--ue-height-m", ueHeightM, 0...10_000, aboveLower: true, unit: "m")
        try checkNumber("--street-width-m", streetWidthM, 0...1000, aboveLower: true, unit: "m")
        try checkNumber("--building-height-m", buildingHeightM, 0...1000, unit: "m")
        try checkNumber("--floors", floors, 0...200)
        try checkNumber("--walls", walls, 0...200)
        try checkNumber("--elevation-deg", elevationDeg, -90...90, unit: "degrees")
        try checkNumber("--probability", probability, 0...1, aboveLower: true)
        if probability == 1 {
            throw ValidationError("--probability: 1 is not accepted; give more than 0 and less than 1")
        }
    }

    /// The distance, which `validate()` of the commands that need it has checked is given.
    var distance: Double { distanceM ?? 0 }

    func parameters(frequencyMHz: Double) -> PathLossModel.Parameters {
        .init(
            frequencyMHz: frequencyMHz, distanceM: distance, baseHeightM: bsHeightM, userHeightM: ueHeightM,
            streetWidthM: streetWidthM, buildingHeightM: buildingHeightM, floors: floors, walls: walls,
            elevationDeg: elevationDeg, probability: probability)
    }
}
