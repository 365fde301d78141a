import LeakModel

/// The reports an input's readers have closed, handed on in log order as ``LogEvent/report(_:)``.
/// The last one waits for the next, so that consecutive dumps of one kind go on as one: the
/// runtime prints JobStatus then Feature objects, and one handle type after another, as one dump.
struct ReadReports {
    private var last: ReportState?

    /// Takes the next report.
    mutating func add(_ report: ReportState, emit: (LogEvent) -> Void) {
        switch (last, report) {
        case let (.jobQueue(previous)?, .jobQueue(next)) where previous.features.isEmpty && next.statuses.isEmpty:
            var merged = previous
            merged.features = next.features
            merged.featureTotalPrinted = next.featureTotalPrinted
            last = .jobQueue(merged)
        case let (.handles(previous)?, .handles(next)):
            last = .handles(HandleRegistryDump(groups: previous.groups + next.groups))
        default:
            if let last { emit(.report(last)) }
            last = report
        }
    }

    /// Hands on the last report, at the end of the input.
    mutating func finish(emit: (LogEvent) -> Void) {
        if let last { emit(.report(last)) }
        last = nil
    }
}
