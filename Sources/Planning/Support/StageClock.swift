import Foundation

/// Wall time per named stage, read from one monotonic clock: the analysis laps its stages on it and
/// the command line adds loading and writing, so that `--timings` shows one table. Beside the wall time,
/// each lap records the CPU time of the whole process over it (all threads), so that the table shows how
/// many cores a stage kept busy.
public struct StageClock: Sendable {
    /// One timed stage.
    public struct Stage: Sendable {
        public var name: String
        /// Wall-clock seconds.
        public var seconds: Double
        /// CPU seconds of the whole process (every thread) over the same span; nil for parts measured
        /// elsewhere, such as one writer among several running at once.
        public var cpuSeconds: Double?
        /// Whether the time counts towards the total (false for parts of a stage that is counted already,
        /// such as the writers that run in parallel).
        public var counted: Bool
    }

    public private(set) var stages: [Stage] = []
    private var lapStart = ContinuousClock.now
    private var lapCPUStart = StageClock.processCPUSeconds()

    public init() {}

    /// Records a stage measured elsewhere.
    public mutating func add(_ name: String, _ seconds: Double, cpuSeconds: Double? = nil, counted: Bool = true) {
        stages.append(Stage(name: name, seconds: seconds, cpuSeconds: cpuSeconds, counted: counted))
    }

    /// Records the time since the previous lap (or since the clock was made) as `name`.
    public mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        let cpu = Self.processCPUSeconds()
        add(name, Self.seconds(lapStart.duration(to: now)), cpuSeconds: cpu - lapCPUStart)
        lapStart = now
        lapCPUStart = cpu
    }

    /// Runs `body` and records its wall time (and the process's CPU time over it) as `name`.
    public mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        lapStart = .now
        lapCPUStart = Self.processCPUSeconds()
        defer { lap(name) }
        return try body()
    }

    /// The stages appended to this clock's list.
    public mutating func append(_ other: StageClock) { stages += other.stages }

    public var totalSeconds: Double { stages.filter(\.counted).reduce(0) { $0 + $1.seconds } }

    /// The CPU seconds of the counted stages that have them.
    public var totalCPUSeconds: Double { stages.filter(\.counted).reduce(0) { $0 + ($1.cpuSeconds ?? 0) } }

    public static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The CPU time the process has used so far, on all its threads (`CLOCK_PROCESS_CPUTIME_ID`: user and
    /// system time).
    public static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
