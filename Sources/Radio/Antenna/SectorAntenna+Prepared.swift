extension SectorAntenna {
    /// The pattern with its constants worked out for an inner loop (`Lanes` evaluates it): the azimuth
    /// in [0°, 360°), reciprocal beamwidths, and the gain at the floor A_m.
    public struct Prepared: Sendable {
        public var azimuthDeg: Double
        public var omnidirectional: Bool
        public var tiltZenithDeg: Double
        public var inverseHorizontalBeamwidth: Double
        public var inverseVerticalBeamwidth: Double
        public var sideLobeLimitDB: Double
        /// A_m: the most the pattern attenuates.
        public var floorDB: Double
        /// 10^(−A_m/10).
        public var floorGain: Double

        public init(_ a: SectorAntenna) {
            let azimuth = (a.azimuthDeg ?? 0).truncatingRemainder(dividingBy: 360)
            azimuthDeg = azimuth < 0 ? azimuth + 360 : azimuth
            omnidirectional = a.azimuthDeg == nil
            tiltZenithDeg = 90 + a.downtiltDeg
            inverseHorizontalBeamwidth = 1 / a.horizontalBeamwidthDeg
            inverseVerticalBeamwidth = 1 / a.verticalBeamwidthDeg
            sideLobeLimitDB = a.sideLobeLimitDB
            floorDB = a.frontToBackDB
            floorGain = Decibel.toLinear(-a.frontToBackDB)
        }
    }
}
