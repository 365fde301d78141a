/// The result of reading a run's logs: what was read, per-detector totals, findings in
/// triage order, panics, traces, and what could not be trusted.
public struct LeakReport: Sendable, Equatable {
    /// The inputs, in command-line order.
    public var inputs: [InputSummary]
    /// Totals per detector; every detector is present.
    public var summary: [Detector: DetectorSummary]
    /// Findings in triage order (rank 1 first).
    public var findings: [Finding]
    /// Panics, crashes and breaks, in log order.
    public var panics: [Panic]
    /// Job-status traces with what they say, in order of first appearance.
    public var traces: [TraceAnalysis]
    /// Diagnostics about the logs, in log order (up to a limit; a note counts the rest).
    public var diagnostics: [Diagnostic]
    /// Every diagnostic the logs gave, grouped by kind, in order of each kind's first appearance.
    public var diagnosticGroups: [DiagnosticGroup]

    /// Creates a report.
    public init(
        inputs: [InputSummary], summary: [Detector: DetectorSummary], findings: [Finding], panics: [Panic],
        traces: [TraceAnalysis], diagnostics: [Diagnostic], diagnosticGroups: [DiagnosticGroup]? = nil
    ) {
        self.inputs = inputs
        self.summary = summary
        self.findings = findings
        self.panics = panics
        self.traces = traces
        self.diagnostics = diagnostics
        self.diagnosticGroups = diagnosticGroups ?? DiagnosticGrouping(diagnostics).groups
    }

    /// The panic whose fingerprint is `fingerprint` (what a consequence's `consequenceOf` names).
    public func panic(fingerprinted fingerprint: String) -> Panic? {
        panics.first { $0.fingerprint == fingerprint }
    }

    /// Whether some diagnostic says the logs may not show every leak.
    public var isUntrustworthy: Bool {
        diagnostics.contains { $0.untrustworthy }
    }
}
