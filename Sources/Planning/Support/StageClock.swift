/// Wall time per named stage, read from one monotonic clock: the analysis laps its stages on it and
/// the command line adds loading and writing, so that `--timings` shows one table.
public struct StageClock: Sendable {
    /// Stage name, seconds, and whether the time counts towards the total (false for parts of a stage
    /// that is counted already, such as the writers that run in parallel).
    public private(set) var stages: [(name: String, seconds: Double, counted: Bool)] = []
    private var lapStart = ContinuousClock.now

    public init() {}

    /// Records a stage measured elsewhere.
    public mutating func add(_ name: String, _ seconds: Double, counted: Bool = true) {
        stages.append((name, seconds, counted))
    }

    /// Records the time since the previous lap (or since the clock was made) as `name`.
    public mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        add(name, Self.seconds(lapStart.duration(to: now)))
        lapStart = now
    }

    /// Runs `body` and records its wall time as `name`.
    public mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer {
            add(name, Self.seconds(start.duration(to: .now)))
            lapStart = .now
        }
        return try body()
    }

    /// The stages appended to this clock's list.
    public mutating func append(_ other: StageClock) { stages += other.stages }

    public var totalSeconds: Double { stages.filter(\.counted).reduce(0) { $0 + $1.seconds } }

    public static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
