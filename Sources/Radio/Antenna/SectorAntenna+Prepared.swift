extension SectorAntenna {
    /// The pattern with its constants worked out for an inner loop: the azimuth in [0°, 360°),
    /// reciprocal beamwidths, and the gain at the floor A_m. It agrees with `discriminationDB` to the
    /// last bits (multiplication by reciprocals instead of division).
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

        /// G_max − A(θ, φ) = min(min(12 x_V², SLA_V) + min(12 x_H², A_m), A_m), as `SectorAntenna`
        /// computes it; the bearing is within [−180°, 180°], so one wrap brings φ into (−180°, 180°].
        @inlinable public func discriminationDB(bearingDeg: Double, zenithDeg: Double) -> Double {
            let x = (zenithDeg - tiltZenithDeg) * inverseVerticalBeamwidth
            let vertical = min(12 * x * x, sideLobeLimitDB)
            guard !omnidirectional else { return min(vertical, floorDB) }
            var phi = bearingDeg - azimuthDeg
            if phi < -180 { phi += 360 }
            let h = phi * inverseHorizontalBeamwidth
            return min(vertical + min(12 * h * h, floorDB), floorDB)
        }
    }
}
