/// A downlink budget from a sector to a receiver:
/// P_rx = EIRP_max − (G_max − G(θ, φ)) − PL − L_entry + G_UE (dBm, over the carrier),
/// RSRP = P_rx − 10 log10(12 N_RB) (power per resource element, TS 36.214 §5.1.1 / TS 38.215 §5.1.1),
/// N = kTB + NF over the occupied bandwidth, SINR = S / (N + η Σ I), Mbit/s from the carrier's truncated
/// Shannon curve.
public struct LinkBudget: Sendable, Hashable {
    public var carrier: CarrierProfile
    /// EIRP at the antenna's maximum gain, over the whole carrier, dBm.
    public var eirpDBm: Double
    /// How far the antenna gain towards the receiver lies below its maximum, dB (≥ 0).
    public var antennaDiscriminationDB: Double
    public var pathLossDB: Double
    /// Building entry (or wall) loss, dB; 0 outdoors.
    public var entryLossDB: Double
    public var receiverGainDBi: Double
    public var noiseFigureDB: Double
    /// Co-channel interferers' received powers, dBm.
    public var interferenceDBm: [Double]
    /// Load of the interfering cells, 0…1.
    public var load: Double

    public init(
        carrier: CarrierProfile, eirpDBm: Double, antennaDiscriminationDB: Double = 0, pathLossDB: Double,
        entryLossDB: Double = 0, receiverGainDBi: Double = 0, noiseFigureDB: Double = 7, interferenceDBm: [Double] = [],
        load: Double = 1
    ) {
        self.carrier = carrier
        self.eirpDBm = eirpDBm
        self.antennaDiscriminationDB = antennaDiscriminationDB
        self.pathLossDB = pathLossDB
        self.entryLossDB = entryLossDB
        self.receiverGainDBi = receiverGainDBi
        self.noiseFigureDB = noiseFigureDB
        self.interferenceDBm = interferenceDBm
        self.load = load
    }

    public struct Result: Sendable, Hashable {
        public var receivedPowerDBm: Double
        /// RSRP for LTE/NR; nil for UMTS/HSDPA.
        public var rsrpDBm: Double?
        public var noiseDBm: Double
        public var sinrDB: Double
        public var spectralEfficiency: Double
        public var downlinkMbps: Double
    }

    public var result: Result {
        let received = eirpDBm - antennaDiscriminationDB - pathLossDB - entryLossDB + receiverGainDBi
        let noise = Noise.powerDBm(bandwidthHz: carrier.transmissionBandwidthHz, noiseFigureDB: noiseFigureDB)
        let sinr = SINR.value(signalDBm: received, interferenceDBm: interferenceDBm, noiseDBm: noise, load: load)
        return Result(
            receivedPowerDBm: received, rsrpDBm: carrier.subcarriers.map { received - Decibel.fromLinear(Double($0)) },
            noiseDBm: noise, sinrDB: sinr, spectralEfficiency: carrier.shannon.efficiency(sinrDB: sinr),
            downlinkMbps: carrier.downlinkMbps(sinrDB: sinr))
    }
}
