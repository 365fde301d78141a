import LeakModel

/// The Markdown that `--format github` leaves in `$GITHUB_STEP_SUMMARY`: every finding in triage
/// order as a table row, then every diagnostic, so that nothing the annotation budget left out
/// is lost.
struct GitHubStepSummary {
    /// The report's findings, worded as every CI format words them.
    let details: FindingDetails
    /// How many findings and diagnostics the annotations could not show.
    let notAnnotated: Int

    var rendered: String {
        let report = details.report
        let inputs = MarkdownText.escape(report.inputs.map { FindingTarget.logName($0.path, paths: details.paths) }.joined(separator: ", "))
        let count = report.findings.count
        var lines = [count == 0
            ? "### leaktriage: no leaks reported in \(inputs)"
            : "### leaktriage: \(count) \(count == 1 ? "finding" : "findings") in \(inputs)"]
        if notAnnotated > 0 {
            lines += ["", "GitHub shows at most \(GitHubReporter.annotationsPerKind) annotations of each kind per step: \(notAnnotated) of these are only listed here."]
        }
        if count > 0 {
            lines += ["", "| # | severity | finding | where | next step | fingerprint |", "| ---: | --- | --- | --- | --- | --- |"]
            for finding in report.findings {
                var about = [finding.title]
                if let cause = details.cause(of: finding) { about.append(cause) }
                if let reason = finding.knownNonLeak { about.append("known non-leak: \(reason)") }
                let cells = [
                    String(finding.rank), finding.severity.rawValue, about.joined(separator: "\n"),
                    details.target(of: finding).description, finding.nextStep ?? "", String(finding.fingerprint.prefix(12)),
                ]
                lines.append("| " + cells.map(MarkdownText.escape).joined(separator: " | ") + " |")
            }
        }
        if !report.diagnostics.isEmpty {
            lines += ["", "#### About the log", ""]
            lines += report.diagnostics.map { "- \($0.severity.rawValue): " + MarkdownText.escape(details.line(for: $0)) }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
