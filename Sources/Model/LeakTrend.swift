/// How the findings of several runs of the same tests behave over time: which leaks grow,
/// persist, are new, were fixed or come and go.
public struct LeakTrend: Sendable, Equatable {
    /// The runs, oldest first.
    public var runs: [TrendRun]
    /// One entry per fingerprint: by status in ``TrendStatus/displayOrder``, then newest run
    /// first, then in that run's triage order.
    public var findings: [TrendFinding]
    /// One entry per panic fingerprint, ordered as ``findings``, then in log order.
    public var panics: [TrendPanic]
    /// Diagnostics of every run, oldest run first (capped; the rest are counted in a last note).
    public var diagnostics: [TrendDiagnostic]

    /// Creates a trend.
    public init(runs: [TrendRun], findings: [TrendFinding], panics: [TrendPanic] = [], diagnostics: [TrendDiagnostic]) {
        self.runs = runs
        self.findings = findings
        self.panics = panics
        self.diagnostics = diagnostics
    }

    /// Whether some run's logs may not show every leak.
    public var isUntrustworthy: Bool { runs.contains { $0.untrustworthy } }
}
