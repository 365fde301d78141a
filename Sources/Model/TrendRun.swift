/// One run of a trend (or of a diff's history): the inputs it was read from — several for
/// CI shards — and whether what they show can be trusted.
public struct TrendRun: Sendable, Equatable {
    /// The run's inputs, in command-line order; findings' and diagnostics' positions index them.
    public var inputs: [InputSummary]
    /// Whether some diagnostic says the run's logs may not show every leak.
    public var untrustworthy: Bool

    /// Creates a run.
    public init(inputs: [InputSummary], untrustworthy: Bool) {
        self.inputs = inputs
        self.untrustworthy = untrustworthy
    }
}
