/// The output formats. A closed set: a new case does not compile until ``reporters`` maps it to
/// its reporters.
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
    /// from findings, so it has no reporters.
    case native

    /// The reporters that print this format, one per document. A format that gains a ``FormatReporters/run``
    /// reporter works for `diff` and `trend` at once, as annotations; give it a ``FormatReporters/diff`` or
    /// ``FormatReporters/trend`` reporter when it should show the whole document.
    public var reporters: FormatReporters {
        switch self {
        case .text:
            return FormatReporters(run: TextReporter(), diff: DiffTextReporter(), trend: TrendTextReporter(), replay: ReplayTextReporter())
        case .json:
            return FormatReporters(run: JSONReporter(), diff: DiffJSONReporter(), trend: TrendJSONReporter(), replay: ReplayJSONReporter())
        case .html: return FormatReporters(run: HTMLReporter(), diff: DiffHTMLReporter(), trend: TrendHTMLReporter())
        case .sarif: return FormatReporters(run: SARIFReporter())
        case .github: return FormatReporters(run: GitHubReporter())
        case .junit: return FormatReporters(run: JUnitReporter())
        case .codequality: return FormatReporters(run: CodeQualityReporter())
        case .native: return FormatReporters()
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
