/// Every path-loss and entry-loss model by its command-line name, with one parameter set.
public enum PathLossModel: String, Sendable, CaseIterable {
    case fspl
    case hataUrban = "hata-urban"
    case hataUrbanLarge = "hata-urban-large"
    case hataSuburban = "hata-suburban"
    case hataOpen = "hata-open"
    case cost231
    case cost231Metropolitan = "cost231-metropolitan"
    case umaLOS = "uma-los"
    case umaNLOS = "uma-nlos"
    case umiLOS = "umi-los"
    case umiNLOS = "umi-nlos"
    case rmaLOS = "rma-los"
    case rmaNLOS = "rma-nlos"
    case p1238Office = "p1238-office"
    case p1238Residential = "p1238-residential"
    case p1238Commercial = "p1238-commercial"
    case tgaxResidential = "tgax-residential"
    case tgaxEnterprise = "tgax-enterprise"
    case p2109Traditional = "p2109-traditional"
    case p2109ThermallyEfficient = "p2109-thermally-efficient"

    /// The building entry-loss models (ITU-R P.2109), which take no distance.
    public var isEntryLoss: Bool { self == .p2109Traditional || self == .p2109ThermallyEfficient }

    /// Inputs of a path-loss evaluation; each model reads the ones it needs.
    public struct Parameters: Sendable {
        public var frequencyMHz: Double
        /// 2D ground distance, m.
        public var distanceM: Double
        public var baseHeightM: Double
        public var userHeightM: Double
        public var streetWidthM: Double
        public var buildingHeightM: Double
        public var floors: Int
        public var walls: Int
        public var elevationDeg: Double
        public var probability: Double

        public init(
            frequencyMHz: Double, distanceM: Double, baseHeightM: Double = 25, userHeightM: Double = 1.5,
            streetWidthM: Double = 20, buildingHeightM: Double = 5, floors: Int = 0, walls: Int = 0,
            elevationDeg: Double = 0, probability: Double = 0.5
        ) {
            self.frequencyMHz = frequencyMHz
            self.distanceM = distanceM
            self.baseHeightM = baseHeightM
            self.userHeightM = userHeightM
            self.streetWidthM = streetWidthM
            self.buildingHeightM = buildingHeightM
            self.floors = floors
            self.walls = walls
            self.elevationDeg = elevationDeg
            self.probability = probability
        }
    }

    public func evaluate(_ p: Parameters, policy: RangePolicy = .extrapolate) throws -> ModelResult {
        let link = TR38901.Link(
            frequencyMHz: p.frequencyMHz, distance2DM: p.distanceM, baseHeightM: p.baseHeightM,
            userHeightM: p.userHeightM, buildingHeightM: p.buildingHeightM, streetWidthM: p.streetWidthM)
        let hata = { (e: OkumuraHata.Environment) in
            try OkumuraHata.pathLoss(
                e, frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, baseHeightM: p.baseHeightM,
                mobileHeightM: p.userHeightM, policy: policy)
        }
        let cost = { (e: Cost231Hata.Environment) in
            try Cost231Hata.pathLoss(
                e, frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, baseHeightM: p.baseHeightM,
                mobileHeightM: p.userHeightM, policy: policy)
        }
        switch self {
        case .fspl:
            // P.525 is a point-to-point model: the distance is the path length, heights do not enter.
            return try FreeSpace.pathLoss(frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, policy: policy)
        case .hataUrban: return try hata(.urbanSmallMediumCity)
        case .hataUrbanLarge: return try hata(.urbanLargeCity)
        case .hataSuburban: return try hata(.suburban)
        case .hataOpen: return try hata(.open)
        case .cost231: return try cost(.mediumCity)
        case .cost231Metropolitan: return try cost(.metropolitan)
        case .umaLOS: return try TR38901.pathLoss(.uma, lineOfSight: true, link, policy: policy)
        case .umaNLOS: return try TR38901.pathLoss(.uma, lineOfSight: false, link, policy: policy)
        case .umiLOS: return try TR38901.pathLoss(.umi, lineOfSight: true, link, policy: policy)
        case .umiNLOS: return try TR38901.pathLoss(.umi, lineOfSight: false, link, policy: policy)
        case .rmaLOS: return try TR38901.pathLoss(.rma, lineOfSight: true, link, policy: policy)
        case .rmaNLOS: return try TR38901.pathLoss(.rma, lineOfSight: false, link, policy: policy)
        case .p1238Office:
            return try P1238.pathLoss(
                .office, frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, floors: p.floors, policy: policy)
        case .p1238Residential:
            return try P1238.pathLoss(
                .residential, frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, floors: p.floors, policy: policy)
        case .p1238Commercial:
            return try P1238.pathLoss(
                .commercial, frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, floors: p.floors, policy: policy)
        case .tgaxResidential:
            return try TGax.pathLoss(
                .residential, frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, walls: p.walls, floors: p.floors,
                policy: policy)
        case .tgaxEnterprise:
            return try TGax.pathLoss(
                .enterprise, frequencyMHz: p.frequencyMHz, distanceM: p.distanceM, walls: p.walls, floors: p.floors,
                policy: policy)
        case .p2109Traditional, .p2109ThermallyEfficient:
            // The entry-loss models have one implementation, in `EntryLossModel` (same names).
            return try EntryLossModel(rawValue: rawValue)!.loss(
                frequencyMHz: p.frequencyMHz, probability: p.probability, elevationDeg: p.elevationDeg, policy: policy)!
        }
    }
}
