import LeakModel

/// `--format github`: GitHub Actions workflow commands (`::error`, `::warning`, `::notice`) that
/// annotate each finding at its source location, within GitHub's budget.
///
/// GitHub shows at most 10 annotations of each kind per step (and 50 per job). Findings come in
/// triage order, then diagnostics about the log; the first ones of each kind are shown, and when
/// some are not, a last notice says how many. ``stepSummary(_:options:)`` lists everything, for
/// the command line to append to `$GITHUB_STEP_SUMMARY`. A finding located only by a log line
/// gets no `file` property (the log is not a file of the repository): GitHub shows it on the run.
public struct GitHubReporter: LeakReporter {
    /// GitHub's limit per step for each of error, warning and notice.
    public static let annotationsPerKind = 10

    /// The three kinds of annotation.
    public enum Kind: String, CaseIterable, Sendable {
        case error, warning, notice

        /// error → error, warning → warning, note → notice.
        public init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .note: self = .notice
            }
        }
    }

    /// Creates the reporter.
    public init() {}

    public func render(_ report: LeakReport, options: RenderOptions) -> String {
        let selection = Self.select(annotations(report, options: options))
        var lines = selection.shown.map(\.command.rendered)
        if selection.omitted > 0 {
            let message = "\(selection.omitted) more not shown: GitHub shows at most \(Self.annotationsPerKind) errors, "
                + "\(Self.annotationsPerKind) warnings and \(Self.annotationsPerKind) notices per step. "
                + "The step summary and --format json list every finding."
            lines.append(GitHubWorkflowCommand(name: Kind.notice.rawValue, properties: [("title", "leaktriage")], message: message).rendered)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Every finding and diagnostic as Markdown, for `$GITHUB_STEP_SUMMARY`: nothing is left out.
    public func stepSummary(_ report: LeakReport, options: RenderOptions) -> String {
        let selection = Self.select(annotations(report, options: options))
        return GitHubStepSummary(details: FindingDetails(report: report, options: options), notAnnotated: selection.omitted).rendered
    }

    /// One annotation, before the budget is applied.
    struct Annotation {
        var kind: Kind
        var command: GitHubWorkflowCommand
    }

    /// Findings first, in triage order, then diagnostics about the log.
    func annotations(_ report: LeakReport, options: RenderOptions) -> [Annotation] {
        let details = FindingDetails(report: report, options: options)
        let findings = report.findings.map { finding -> Annotation in
            let target = details.target(of: finding)
            var properties: [(name: String, value: String)] = []
            if !target.isLogLine {
                properties.append(("file", target.path))
                properties.append(("line", target.line.map(String.init) ?? ""))
                properties.append(("col", target.line == nil ? "" : target.oneBasedColumn.map(String.init) ?? ""))
            }
            properties.append(("title", finding.title))
            let kind = Kind(finding.severity)
            let message = details.lines(for: finding).joined(separator: "\n")
            return Annotation(kind: kind, command: GitHubWorkflowCommand(name: kind.rawValue, properties: properties, message: message))
        }
        // One annotation per kind of diagnostic, with its count: GitHub shows few of each kind.
        let lines = DiagnosticLines(limit: Int.max).lines(report.diagnosticGroups, in: report, place: details.place)
        let diagnostics = lines.map { line -> Annotation in
            let kind = Kind(line.severity)
            let title = line.untrustworthy ? "leaktriage: this log may not show every leak" : "leaktriage: about the log"
            return Annotation(kind: kind, command: GitHubWorkflowCommand(name: kind.rawValue, properties: [("title", title)], message: line.text))
        }
        return findings + diagnostics
    }

    /// The annotations GitHub will show, in order, and how many are left out. When some are left
    /// out and the notices are full, the last notice gives way to the one that says so.
    static func select(_ annotations: [Annotation]) -> (shown: [Annotation], omitted: Int) {
        var used: [Kind: Int] = [:]
        var shown: [Annotation] = []
        for annotation in annotations where used[annotation.kind, default: 0] < annotationsPerKind {
            used[annotation.kind, default: 0] += 1
            shown.append(annotation)
        }
        var omitted = annotations.count - shown.count
        if omitted > 0, used[.notice, default: 0] == annotationsPerKind, let last = shown.lastIndex(where: { $0.kind == .notice }) {
            shown.remove(at: last)
            omitted += 1
        }
        return (shown, omitted)
    }
}
