/// What `replay` shows of a run: each `--track-job-status` trace with what it says, and each
/// debugger session (a next step run under gdb or lldb) read from the same logs.
public struct LeakReplay: Sendable, Equatable {
    /// The run, whose ``LeakReport/traces`` are the traces replayed.
    public var report: LeakReport
    /// The debugger sessions of the run's logs, in log order.
    public var sessions: [DebuggerSessionAnalysis]

    /// Creates a replay.
    public init(report: LeakReport, sessions: [DebuggerSessionAnalysis]) {
        self.report = report
        self.sessions = sessions
    }

    /// The traces, in order of first appearance.
    public var traces: [TraceAnalysis] { report.traces }
}
