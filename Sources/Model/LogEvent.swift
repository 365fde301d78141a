/// What the parser reports while it reads a log, in log order.
public enum LogEvent: Sendable {
    /// A line that belongs to a leak report (or a trace, panic or usage error).
    case line(RecognizedLine)
    /// A leaked thing.
    case occurrence(Occurrence)
    /// A `--track-job-status` trace line.
    case trace(TraceEvent)
    /// A panic, crash or break.
    case panic(Panic)
    /// Something about the log itself.
    case diagnostic(Diagnostic)
    /// A report as read, when it closes (only when the parser is asked to record reports).
    case report(ReportState)
    /// A line of the `dastest` test runner, which says whose output the next reports are.
    case testRunner(TestRunnerEvent)
}
