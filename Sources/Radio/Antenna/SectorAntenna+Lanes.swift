extension SectorAntenna {
    /// Four prepared patterns side by side, so that four antennas' gains are worked out at once:
    /// `SectorAntenna.discriminationDB` in lanes (by reciprocals instead of divisions), then the gain
    /// 10^(−discrimination/10) by `LaneMath.exp`, or the floor gain where the pattern is at its floor.
    public struct Lanes: Sendable {
        public var azimuthDeg: SIMD4<Double>
        public var tiltZenithDeg: SIMD4<Double>
        public var inverseHorizontalBeamwidth: SIMD4<Double>
        public var inverseVerticalBeamwidth: SIMD4<Double>
        public var sideLobeLimitDB: SIMD4<Double>
        public var floorDB: SIMD4<Double>
        public var floorGain: SIMD4<Double>
        public var omnidirectional: SIMDMask<SIMD4<Int64>>

        @inlinable @inline(__always) public init(_ a: Prepared, _ b: Prepared, _ c: Prepared, _ d: Prepared) {
            azimuthDeg = SIMD4(a.azimuthDeg, b.azimuthDeg, c.azimuthDeg, d.azimuthDeg)
            tiltZenithDeg = SIMD4(a.tiltZenithDeg, b.tiltZenithDeg, c.tiltZenithDeg, d.tiltZenithDeg)
            inverseHorizontalBeamwidth = SIMD4(
                a.inverseHorizontalBeamwidth, b.inverseHorizontalBeamwidth, c.inverseHorizontalBeamwidth,
                d.inverseHorizontalBeamwidth)
            inverseVerticalBeamwidth = SIMD4(
                a.inverseVerticalBeamwidth, b.inverseVerticalBeamwidth, c.inverseVerticalBeamwidth,
                d.inverseVerticalBeamwidth)
            sideLobeLimitDB = SIMD4(a.sideLobeLimitDB, b.sideLobeLimitDB, c.sideLobeLimitDB, d.sideLobeLimitDB)
            floorDB = SIMD4(a.floorDB, b.floorDB, c.floorDB, d.floorDB)
            floorGain = SIMD4(a.floorGain, b.floorGain, c.floorGain, d.floorGain)
            func flag(_ p: Prepared) -> Int64 { p.omnidirectional ? -1 : 0 }
            omnidirectional = SIMD4(flag(a), flag(b), flag(c), flag(d)) .!= 0
        }

        /// G_max − A(θ, φ) = min(min(12 x_V², SLA_V) + min(12 x_H², A_m), A_m) of each lane's pattern at its
        /// bearing (within [−180°, 180°], so one wrap brings φ into (−180°, 180°]) and zenith angle.
        @inlinable @inline(__always) public func discriminationDB(
            bearingDeg: SIMD4<Double>, zenithDeg: SIMD4<Double>
        ) -> SIMD4<Double> {
            // min(a, b) as Swift's `min` takes it: b where b < a, else a.
            func lesser(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> { a.replacing(with: b, where: b .< a) }
            let x = (zenithDeg - tiltZenithDeg) * inverseVerticalBeamwidth
            let vertical = lesser(12 * x * x, sideLobeLimitDB)
            var phi = bearingDeg - azimuthDeg
            phi = phi.replacing(with: phi + 360, where: phi .< -180)
            let h = phi * inverseHorizontalBeamwidth
            let directional = lesser(vertical + lesser(12 * h * h, floorDB), floorDB)
            return directional.replacing(with: lesser(vertical, floorDB), where: omnidirectional)
        }

        /// The linear gain relative to the maximum, 10^(−discrimination/10) as `Decibel.toLinear`
        /// computes it (relative error below 10⁻¹⁵), and exactly the floor gain at the floor. Transparent:
        /// inlined wherever it is used, also four times in one function (`MobileCoverage.fourGains`), where
        /// `@inline(__always)` left three of the four as calls.
        @_transparent public func gain(bearingDeg: SIMD4<Double>, zenithDeg: SIMD4<Double>) -> SIMD4<Double> {
            let discrimination = discriminationDB(bearingDeg: bearingDeg, zenithDeg: zenithDeg)
            return LaneMath.exp(-discrimination * 0.230_258_509_299_404_57).replacing(
                with: floorGain, where: discrimination .>= floorDB)
        }
    }
}
