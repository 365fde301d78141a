import LeakModel

/// The reporters of one output format, one per document it prints whole (see
/// ``OutputFormat/reporters``).
public struct FormatReporters: Sendable {
    /// Prints a run's report; nil for ``OutputFormat/native``, which prints the log's own reports
    /// again through the reference emitters.
    public var run: (any LeakReporter)?
    /// Prints a whole diff, or nil for a format that shows a diff as annotations: its ``run``
    /// reporter prints the head run with only the new findings.
    public var diff: (any LeakDiffReporter)?
    /// Prints a whole trend, or nil for a format that shows a trend as annotations: its ``run``
    /// reporter prints ``TrendAnnotations/report(of:)``, the findings that fail `--fail-on new`.
    public var trend: (any TrendReporter)?
    /// Prints a replay of traces and debugger sessions, or nil for a format `replay` does not
    /// offer.
    public var replay: (any ReplayReporter)?

    /// Creates the reporters of a format.
    init(
        run: (any LeakReporter)? = nil, diff: (any LeakDiffReporter)? = nil, trend: (any TrendReporter)? = nil,
        replay: (any ReplayReporter)? = nil
    ) {
        self.run = run
        self.diff = diff
        self.trend = trend
        self.replay = replay
    }
}
