/// What changed between two runs: findings only in the head run, findings only in the base
/// run, and findings in both with their count and byte changes.
public struct LeakDiff: Sendable, Equatable {
    /// A finding present in both runs.
    public struct Persisting: Sendable, Equatable {
        /// The finding as the head run shows it.
        public var finding: Finding
        /// Head count minus base count.
        public var countDelta: Int
        /// Head bytes minus base bytes, when both runs state sizes.
        public var bytesDelta: Int?
        /// The base location when the leak's code moved (lines shifted), else nil.
        public var movedFrom: SourceLocation?
        /// The base run's fingerprint when it differs from the head's (the leak moved).
        public var baseFingerprint: String

        /// Creates a persisting entry.
        public init(finding: Finding, countDelta: Int, bytesDelta: Int?, movedFrom: SourceLocation?, baseFingerprint: String) {
            self.finding = finding
            self.countDelta = countDelta
            self.bytesDelta = bytesDelta
            self.movedFrom = movedFrom
            self.baseFingerprint = baseFingerprint
        }
    }

    /// A head finding that is not in base but was seen in an earlier run of the history
    /// (`diff --history`): a leak that comes and goes, not a new one.
    public struct Intermittent: Sendable, Equatable {
        /// The finding as the head run shows it.
        public var finding: Finding
        /// The history runs that showed it (0-based, oldest first).
        public var historySeenIn: [Int]

        /// Creates an intermittent entry.
        public init(finding: Finding, historySeenIn: [Int]) {
            self.finding = finding
            self.historySeenIn = historySeenIn
        }
    }

    /// The base run's report.
    public var base: LeakReport
    /// The head run's report.
    public var head: LeakReport
    /// In head only (and in no history run), in head's triage order.
    public var new: [Finding]
    /// In base only, in base's triage order.
    public var fixed: [Finding]
    /// In both, in head's triage order.
    public var persisting: [Persisting]
    /// In head, not in base, but in some history run, in head's triage order; empty without history.
    public var intermittent: [Intermittent]
    /// The earlier runs that ``intermittent`` was looked up in, oldest first; empty without history.
    public var history: [TrendRun]
    /// What the pairing had to work around, once each (`head: no stack recorded for 46 leaks in …`).
    public var notes: [String] = []

    /// Creates a diff.
    public init(
        base: LeakReport, head: LeakReport, new: [Finding], fixed: [Finding], persisting: [Persisting],
        intermittent: [Intermittent] = [], history: [TrendRun] = []
    ) {
        self.base = base
        self.head = head
        self.new = new
        self.fixed = fixed
        self.persisting = persisting
        self.intermittent = intermittent
        self.history = history
    }
}
