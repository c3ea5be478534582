import Foundation

/// Thermal noise power N = k T B (ITU-R P.372) plus the receiver noise figure, in dBm:
/// N = 10 log10(k T B / 1 mW) + NF. At T = 290 K: −173.98 dBm/Hz.
public enum Noise {
    public static func powerDBm(
        bandwidthHz: Double, noiseFigureDB: Double, temperatureK: Double = PropagationConstants.referenceTemperature
    ) -> Double { 10 * log10(PropagationConstants.boltzmann * temperatureK * bandwidthHz * 1000) + noiseFigureDB }
}

/// Conversions between decibel and linear values.
public enum Decibel {
    /// 10^(dB/10), computed as exp(dB · ln 10 / 10).
    @inline(__always) public static func toLinear(_ db: Double) -> Double { exp(db * 0.230_258_509_299_404_57) }
    public static func fromLinear(_ x: Double) -> Double { 10 * log10(x) }

}
