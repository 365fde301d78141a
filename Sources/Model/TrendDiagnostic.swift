/// A diagnostic of one run of a trend.
public struct TrendDiagnostic: Sendable, Equatable {
    /// The run it concerns (0-based, oldest first); its position indexes that run's inputs.
    public var run: Int
    /// What was noticed.
    public var diagnostic: Diagnostic

    /// Creates a run's diagnostic.
    public init(run: Int, diagnostic: Diagnostic) {
        self.run = run
        self.diagnostic = diagnostic
    }
}
