/// A named radio configuration of a real deployment: technology, band, bandwidth, numerology and the
/// rate model that turns SINR into Mbit/s.
public struct CarrierProfile: Sendable, Hashable {
    public var name: String
    public var label: String
    public var technology: Technology
    public var frequencyMHz: Double
    public var bandwidthMHz: Double
    /// Resource blocks (LTE/NR); nil for UMTS/HSDPA.
    public var resourceBlocks: Int?
    public var subcarrierSpacingKHz: Double
    public var layers: Int
    /// Downlink share of the TDD frame (1 for FDD).
    public var downlinkShare: Double
    public var shannon: TruncatedShannon
    /// The peak downlink rate a terminal reaches, Mbit/s.
    public var peakDownlinkMbps: Double
    public var notes: String

    /// The occupied bandwidth in Hz: N_RB · 12 · SCS for LTE/NR, the channel bandwidth otherwise.
    public var transmissionBandwidthHz: Double {
        if let rb = resourceBlocks { return Double(rb) * 12 * subcarrierSpacingKHz * 1000 }
        return bandwidthMHz * 1e6
    }

    /// Number of resource elements per OFDM symbol (12 · N_RB), for RSRP; nil without resource blocks.
    public var subcarriers: Int? { resourceBlocks.map { $0 * 12 } }

    /// Downlink Mbit/s at a SINR: layers × efficiency × occupied bandwidth × downlink share, capped at the peak rate.
    public func downlinkMbps(sinrDB: Double) -> Double { downlinkCurve.mbps(sinrDB: sinrDB) }

    /// The figures of `downlinkMbps` as a plain value, for callers that work it out per receiver (a copy of
    /// the profile retains its texts).
    public var downlinkCurve: DownlinkCurve {
        DownlinkCurve(
            layers: Double(layers), alpha: shannon.alpha, minimumSINRDB: shannon.minimumSINRDB,
            maximumEfficiency: shannon.maximumEfficiency, bandwidthHz: transmissionBandwidthHz,
            downlinkShare: downlinkShare, peakMbps: peakDownlinkMbps)
    }

    /// `downlinkMbps` of one carrier profile: its layers, truncated Shannon curve, occupied bandwidth,
    /// downlink share and peak rate.
    public struct DownlinkCurve: Sendable {
        public var layers: Double
        public var alpha: Double
        public var minimumSINRDB: Double
        public var maximumEfficiency: Double
        public var bandwidthHz: Double
        public var downlinkShare: Double
        public var peakMbps: Double

        /// Downlink Mbit/s at a SINR: layers × efficiency × occupied bandwidth × downlink share, capped at
        /// the peak rate; the efficiency as `TruncatedShannon.efficiency(sinrDB:)` gives it.
        @inlinable public func mbps(sinrDB: Double) -> Double {
            let efficiency = TruncatedShannon.efficiency(
                sinrDB: sinrDB, alpha: alpha, minimumSINRDB: minimumSINRDB, maximumEfficiency: maximumEfficiency)
            let rate = layers * efficiency * bandwidthHz * downlinkShare / 1e6
            return min(rate, peakMbps)
        }
    }
}

extension CarrierProfile {
    /// The same carrier in the uplink: the TR 36.942 uplink fit (LTE, or NR's), the other share of
    /// a TDD frame, `layers` layers (default 1) and no downlink peak cap.
    public func uplink(layers: Int? = nil) -> CarrierProfile {
        var p = self
        p.shannon = technology == .nr ? .nrUplink : .lteUplink
        p.downlinkShare = 1 - (downlinkShare < 1 ? downlinkShare : 0)
        p.layers = layers ?? 1
        p.peakDownlinkMbps = .infinity
        return p
    }
}
