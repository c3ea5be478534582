import ArgumentParser
import GeoCore
import Planning
import Radio
import Reports

/// How a command prints: text for people, JSON for programs.
enum PrintFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

extension LayerKind: ExpressibleByArgument {}

extension CRS: ExpressibleByArgument { public init?(argument: String) { self.init(argument) } }

extension PathLossModel: ExpressibleByArgument {}
extension EntryLossModel: ExpressibleByArgument {}
extension Technology: ExpressibleByArgument {}
extension ReportLocale: ExpressibleByArgument {}
extension OutputProfile: ExpressibleByArgument {}
extension TableText.Format: ExpressibleByArgument {}
