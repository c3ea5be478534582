/// A domain value with an id that is unique within its layer.
public protocol Identified { var id: String { get set } }

extension Building: Identified {}
extension School: Identified {}
extension FocusPoint: Identified {}
extension Site: Identified {}
extension WLANAccessPoint: Identified {}
extension FixedLineRecord: Identified {}
extension District: Identified {}
extension PopulationCell: Identified {}
extension Street: Identified {}
