import LeakModel

/// `--format json`: schema `leaktriage/1`.
public struct JSONReporter: LeakReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ report: LeakReport, options: RenderOptions) -> String {
        LeakReportJSON.document(report, explain: options.explain).rendered()
    }

    public func write(_ report: LeakReport, options: RenderOptions, to output: (String) throws -> Void) rethrows {
        try LeakReportJSON.write(report, explain: options.explain, to: output)
    }
}
