import LeakEmitters
import LeakModel

/// Prints reports of a log as daslang prints them (`--format native`).
public protocol SelectedReportsReporter: DocumentReporter where Document == SelectedReports {}

/// `--format native`: every selected report's lines, made by the reference emitters, one
/// report at a time.
public struct NativeReporter: SelectedReportsReporter, StreamingReporter {
    /// Creates the reporter.
    public init() {}

    public func write(_ document: SelectedReports, options: RenderOptions, to output: (String) throws -> Void) rethrows {
        for report in document.reports {
            var text = ""
            for line in report.lines { text += line.text + "\n" }
            try output(text)
        }
    }
}
