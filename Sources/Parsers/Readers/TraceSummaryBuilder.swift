import LeakModel

/// Gathers `--track-job-status` lines into ``TraceSummary`` states, for re-rendering: the echo of
/// the tracked id starts a trace, and each trace line joins the trace of its id (a line of another
/// id starts that id's trace). A trace ends at the next trace or report.
struct TraceSummaryBuilder {
    private var trace: TraceSummary?

    /// Reads a trace line (other lines are ignored).
    mutating func read(_ line: ReportLine, position: LogPosition) -> ReportState? {
        switch line {
        case let .jobTracking(decimal):
            defer { trace = TraceSummary(id: HexNumber(UInt64(max(0, decimal))), subtype: "", events: []) }
            return finish()
        case let .jobTrace(id, subtype, operation, rc, location):
            let event = TraceEvent(id: id, subtype: subtype, operation: operation, referenceCountBefore: rc,
                                   location: SourceLocation(parsing: location), position: position)
            if let current = trace, current.events.isEmpty || current.id == id {
                trace?.id = id
                trace?.subtype = subtype
                trace?.events.append(event)
                return nil
            }
            defer { trace = TraceSummary(id: id, subtype: subtype, events: [event]) }
            return finish()
        default:
            return nil
        }
    }

    /// Ends the trace being read, if any, and returns it.
    mutating func finish() -> ReportState? {
        defer { trace = nil }
        return trace.map(ReportState.trace)
    }
}
