/// The output formats of `leaktriage run`. A closed set: a new case does not compile until
/// ``reporter`` maps it to its reporter.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For people, one screen.
    case text
    /// `leaktriage/1`, per CONTRACT.md.
    case json
    /// SARIF 2.1.0, for code scanning.
    case sarif
    /// GitHub Actions workflow commands (annotations).
    case github
    /// JUnit XML, for CI test views.
    case junit
    /// GitLab Code Quality JSON.
    case codequality
    /// One self-contained HTML page with flame graphs, to look at.
    case html
    /// The log's own reports printed again exactly as daslang printed them, limited to the
    /// selected findings: made from the log's report lines by the reference emitters, not
    /// from findings, so it has no ``reporter``.
    case native

    /// The reporter that prints this format from findings; nil for ``native``.
    public var reporter: (any LeakReporter)? {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubReporter()
        case .junit: return JUnitReporter()
        case .codequality: return CodeQualityReporter()
        case .html: return HTMLReporter()
        case .native: return nil
        }
    }

    /// Whether the output is one JSON, XML or HTML document, which cannot follow a log on the same
    /// stream (`annotate` writes such formats only to `--output`).
    public var isDocument: Bool {
        switch self {
        case .text, .github, .native: return false
        case .json, .sarif, .junit, .codequality, .html: return true
        }
    }
}
