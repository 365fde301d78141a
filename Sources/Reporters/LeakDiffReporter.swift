import LeakModel

/// Prints a diff of two runs in one output format.
public protocol LeakDiffReporter: DocumentReporter where Document == LeakDiff {}

extension OutputFormat {
    /// The reporter that prints a whole diff in this format, or nil for a format that shows a
    /// diff as annotations: its ``reporter`` prints the head run with only the new findings.
    public var diffReporter: (any LeakDiffReporter)? {
        switch self {
        case .text: return DiffTextReporter()
        case .json: return DiffJSONReporter()
        case .html: return DiffHTMLReporter()
        case .sarif, .github, .junit, .codequality, .native: return nil
        }
    }
}
