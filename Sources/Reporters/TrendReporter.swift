import LeakModel

/// Prints a trend of several runs in one output format.
public protocol TrendReporter: DocumentReporter where Document == LeakTrend {}

extension OutputFormat {
    /// The reporter that prints a whole trend in this format, or nil for a format that shows a
    /// trend as annotations: its ``reporter`` prints ``TrendAnnotations/report(of:)``, the findings
    /// that fail `--fail-on new`. So a format that gains a ``reporter`` works for `trend` at once;
    /// give it a case here when it should show the history itself.
    public var trendReporter: (any TrendReporter)? {
        switch self {
        case .text: return TrendTextReporter()
        case .json: return TrendJSONReporter()
        case .html: return TrendHTMLReporter()
        case .sarif, .github, .junit, .codequality, .native: return nil
        }
    }
}
