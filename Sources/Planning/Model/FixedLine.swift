import GeoCore
import Radio

/// Fixed-line access technologies of a market survey (Markterkundung).
public enum FixedTechnology: String, Sendable, CaseIterable, Codable, Comparable, HashedByCase {
    case none, adsl, vdsl, hfc, fttb, ftth

    public static func < (a: FixedTechnology, b: FixedTechnology) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What an operator reports for one address or building.
public struct FixedLineRecord: Sendable, Hashable {
    public var id: String
    /// The address point, when the record is located by coordinates.
    public var location: Coordinate?
    /// The building the record refers to, when given by id.
    public var buildingID: String?
    public var technology: FixedTechnology
    public var downMbps: Double
    public var upMbps: Double?
    public var provider: String?
    /// A network an operator announced rather than one available now (`planned_within_3y: true`, or a
    /// `planned_date`).
    public var plannedWithin3Years: Bool
    /// When the announced network is due (market survey), if the survey says.
    public var plannedDate: CalendarDate?
    /// The postal address of the record's address point, when the survey gives one.
    public var address: PostalAddress? {
        get { addressBox?.address }
        set { addressBox = newValue.map(AddressBox.init) }
    }
    /// The address held by reference. Records keyed by building id (operators' building lists, the
    /// generated data) have none, and six strings inline take 96 bytes in each of them; a record with an
    /// address pays 24 bytes more than inline (the box's header and pointer).
    private var addressBox: AddressBox?
    /// True when the record carries a `generated` property (see `GeoData.generatedLayers`). Its other
    /// properties are not kept: a survey has hundreds of thousands of records, and nothing reads them.
    public var markedGenerated: Bool

    /// - Parameter attributes: the record's input properties; only whether one is `generated` is kept.
    public init(
        id: String, location: Coordinate?, buildingID: String?, technology: FixedTechnology, downMbps: Double,
        upMbps: Double?, provider: String?, plannedWithin3Years: Bool, plannedDate: CalendarDate? = nil,
        attributes: JSONObject
    ) {
        self.id = id
        self.location = location
        self.buildingID = buildingID
        self.technology = technology
        self.downMbps = downMbps
        self.upMbps = upMbps
        self.provider = provider
        self.plannedWithin3Years = plannedWithin3Years
        self.plannedDate = plannedDate
        // A survey's records have a few properties: their names compared one by one, without hashing.
        markedGenerated = attributes.keys.contains("generated")
    }
}

/// A postal address held by reference (`FixedLineRecord.address`).
private final class AddressBox: Sendable, Hashable {
    let address: PostalAddress

    init(_ address: PostalAddress) { self.address = address }

    static func == (a: AddressBox, b: AddressBox) -> Bool { a.address == b.address }

    func hash(into hasher: inout Hasher) { hasher.combine(address) }
}
