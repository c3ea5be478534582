import Foundation

extension Scenario {
    /// The date the run's data stands for ("Stand"): the scenario's `as_of`, else the day (UTC) the newest
    /// input or scenario file was last changed. Reports, layer descriptions and the GeoPackage's
    /// `last_change` carry it, so that the same input gives the same bytes.
    public func standDate() -> CalendarDate {
        if let asOf { return asOf }
        let newest =
            (files + inputPaths).compactMap {
                try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date
            }.max() ?? Date(timeIntervalSince1970: 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: newest)
        return CalendarDate(year: day.year!, month: day.month!, day: day.day!)!
    }
}
