/// Signal to interference-plus-noise ratio with co-channel interference weighted by the load of the
/// interfering cells: SINR = S / (N + Σ ηᵢ Iᵢ), all powers over the same bandwidth (3GPP TR 36.942 §4.5).
public enum SINR {
    /// - Parameters:
    ///   - signalDBm: wanted received power.
    ///   - interferenceDBm: received powers of the co-channel interferers.
    ///   - noiseDBm: noise power over the same bandwidth.
    ///   - load: the fraction of resources each interferer uses (0…1).
    public static func value(signalDBm: Double, interferenceDBm: [Double], noiseDBm: Double, load: Double = 1) -> Double
    {
        let interference = interferenceDBm.reduce(0) { $0 + load * Decibel.toLinear($1) }
        return signalDBm - Decibel.fromLinear(Decibel.toLinear(noiseDBm) + interference)
    }
}
