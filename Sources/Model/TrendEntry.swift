/// One fingerprint across the runs of a trend: the item (a finding, a panic) as the last run
/// that showed it reported it, and how many each run had.
public struct TrendEntry<Item: Sendable & Equatable>: Sendable, Equatable {
    /// The item of the last run it was seen in; its log positions index that run's inputs.
    public var item: Item
    /// The fingerprint the runs are matched by.
    public var fingerprint: String
    /// The run ``item`` comes from (0-based, oldest first).
    public var lastRun: Int
    /// Occurrences per run, oldest first; 0 where the run did not show it.
    public var counts: [Int]
    /// How it behaves across the runs.
    public var status: TrendStatus

    /// Creates an entry.
    public init(item: Item, fingerprint: String, lastRun: Int, counts: [Int], status: TrendStatus) {
        self.item = item
        self.fingerprint = fingerprint
        self.lastRun = lastRun
        self.counts = counts
        self.status = status
    }

    /// The 0-based indices of the runs that showed it, oldest first.
    public var seenIn: [Int] { counts.indices.filter { counts[$0] > 0 } }

    /// Whether the newest run showed it.
    public var inLastRun: Bool { (counts.last ?? 0) > 0 }
}

/// A finding across the runs of a trend.
public typealias TrendFinding = TrendEntry<Finding>

/// A panic (exception, job exception, crash, break) across the runs of a trend: racy runs
/// differ in which of them make it out.
public typealias TrendPanic = TrendEntry<Panic>

extension TrendEntry where Item == Finding {
    /// The finding of the last run it was seen in.
    public var finding: Finding { item }
}

extension TrendEntry where Item == Panic {
    /// The panic as the last run that showed it printed it.
    public var panic: Panic { item }
}
