import Foundation

/// The sector antenna pattern of 3GPP TR 38.901 V17.0.0 Table 7.3-1, with the beam steered by
/// azimuth and electrical downtilt:
/// A_V(θ) = −min(12 ((θ − θ_tilt)/θ3dB)², SLA_V), A_H(φ) = −min(12 (φ/φ3dB)², A_m),
/// A(θ, φ) = G_max − min(−(A_V + A_H), A_m),
/// θ the zenith angle (90° = horizon), θ_tilt = 90° + downtilt, φ the angle off boresight.
/// TR defaults: θ3dB = φ3dB = 65°, SLA_V = 30 dB, A_m = 30 dB (the front-to-back ratio), G_max = 8 dBi
/// per element; a sector panel typically has G_max 15–18 dBi.
public struct SectorAntenna: Sendable, Hashable {
    public var maxGainDBi: Double
    public var azimuthDeg: Double?
    public var downtiltDeg: Double
    public var horizontalBeamwidthDeg: Double
    public var verticalBeamwidthDeg: Double
    public var frontToBackDB: Double
    public var sideLobeLimitDB: Double

    public static let source = "3GPP TR 38.901 V17.0.0 Table 7.3-1"

    /// - Parameter azimuthDeg: boresight bearing clockwise from north; nil for an omnidirectional antenna.
    public init(
        maxGainDBi: Double, azimuthDeg: Double?, downtiltDeg: Double = 6, horizontalBeamwidthDeg: Double = 65,
        verticalBeamwidthDeg: Double = 65, frontToBackDB: Double = 30, sideLobeLimitDB: Double = 30
    ) {
        self.maxGainDBi = maxGainDBi
        self.azimuthDeg = azimuthDeg
        self.downtiltDeg = downtiltDeg
        self.horizontalBeamwidthDeg = horizontalBeamwidthDeg
        self.verticalBeamwidthDeg = verticalBeamwidthDeg
        self.frontToBackDB = frontToBackDB
        self.sideLobeLimitDB = sideLobeLimitDB
    }

    /// Horizontal attenuation A_H (≤ 0 dB) for a bearing, clockwise from north in degrees.
    public func horizontalAttenuation(bearingDeg: Double) -> Double {
        guard let azimuthDeg else { return 0 }
        var phi = (bearingDeg - azimuthDeg).truncatingRemainder(dividingBy: 360)
        if phi > 180 { phi -= 360 }
        if phi < -180 { phi += 360 }
        return -min(12 * (phi / horizontalBeamwidthDeg) * (phi / horizontalBeamwidthDeg), frontToBackDB)
    }

    /// Vertical attenuation A_V (≤ 0 dB) for a zenith angle in degrees (90° = horizon, > 90° below it).
    public func verticalAttenuation(zenithDeg: Double) -> Double {
        let x = (zenithDeg - (90 + downtiltDeg)) / verticalBeamwidthDeg
        return -min(12 * x * x, sideLobeLimitDB)
    }

    /// Gain in dBi towards a bearing and zenith angle.
    public func gain(bearingDeg: Double, zenithDeg: Double) -> Double {
        maxGainDBi - discriminationDB(bearingDeg: bearingDeg, zenithDeg: zenithDeg)
    }

    /// The antenna discrimination G_max − A(θ, φ) = min(−(A_V + A_H), A_m) ≥ 0 dB.
    @inline(__always) public func discriminationDB(bearingDeg: Double, zenithDeg: Double) -> Double {
        min(-(verticalAttenuation(zenithDeg: zenithDeg) + horizontalAttenuation(bearingDeg: bearingDeg)), frontToBackDB)
    }

    /// Gain towards a receiver at horizontal distance `distanceM`, bearing `bearingDeg` and height
    /// difference `antennaHeightM − receiverHeightM`.
    public func gain(bearingDeg: Double, distanceM: Double, heightDifferenceM: Double) -> Double {
        // Zenith angle: 90° at the horizon, larger when the receiver is below the antenna.
        let zenith = 90 + atan2(heightDifferenceM, max(distanceM, 1e-9)) * 180 / Double.pi
        return gain(bearingDeg: bearingDeg, zenithDeg: zenith)
    }
}
