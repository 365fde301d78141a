/// One fingerprint across the runs of a trend: the finding as the last run that showed it
/// reported it, and how many occurrences each run had.
public struct TrendFinding: Sendable, Equatable {
    /// The finding of the last run it was seen in; its occurrence positions index that run's inputs.
    public var finding: Finding
    /// The run ``finding`` comes from (0-based, oldest first).
    public var lastRun: Int
    /// Occurrences per run, oldest first; 0 where the run did not show it.
    public var counts: [Int]
    /// How it behaves across the runs.
    public var status: TrendStatus

    /// Creates an entry.
    public init(finding: Finding, lastRun: Int, counts: [Int], status: TrendStatus) {
        self.finding = finding
        self.lastRun = lastRun
        self.counts = counts
        self.status = status
    }

    /// The 0-based indices of the runs that showed it, oldest first.
    public var seenIn: [Int] { counts.indices.filter { counts[$0] > 0 } }

    /// Whether the newest run showed it.
    public var inLastRun: Bool { (counts.last ?? 0) > 0 }
}
