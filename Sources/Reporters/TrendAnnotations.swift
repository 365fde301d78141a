import LeakModel

/// What the CI formats (sarif, github, junit, codequality) show of a trend: the findings
/// that fail `--fail-on new` — growing and new — as one report over every run's inputs, each
/// title saying why it fails (`— new in run 4 of 6`). Flaky, persistent and fixed leaks are
/// the history, not something this change should be annotated for.
public enum TrendAnnotations {
    /// The growing and new findings of `trend`, in its order, ranked again; positions index the
    /// inputs of all runs one after the other, oldest run first.
    public static func report(of trend: LeakTrend) -> LeakReport {
        report(of: trend, entries: trend.findings.filter(\.status.isRegression)) { " — " + TrendWording.regression($0) }
    }

    /// `entries` of `trend` as one report, ranked again in their order, each title followed by
    /// its `titleSuffix`; positions index the inputs of all runs one after the other.
    static func report(of trend: LeakTrend, entries: [TrendFinding], titleSuffix: (TrendFinding) -> String) -> LeakReport {
        var offsets: [Int] = []
        var inputs: [InputSummary] = []
        for run in trend.runs {
            offsets.append(inputs.count)
            inputs += run.inputs
        }
        let moved = { (position: LogPosition, run: Int) in LogPosition(input: position.input + offsets[run], line: position.line) }
        var findings: [Finding] = []
        for entry in entries {
            var finding = entry.finding
            finding.rank = findings.count + 1
            finding.title += titleSuffix(entry)
            finding.occurrences = finding.occurrences.map { moved($0, entry.lastRun) }
            findings.append(finding)
        }
        let diagnostics = trend.diagnostics.map { item in
            var diagnostic = item.diagnostic
            diagnostic.position = diagnostic.position.map { moved($0, item.run) }
            return diagnostic
        }
        var summary: [Detector: DetectorSummary] = [:]
        for finding in findings {
            let totals = summary[finding.detector] ?? DetectorSummary(occurrences: 0, bytes: finding.detector.reportsBytes ? 0 : nil)
            summary[finding.detector] = DetectorSummary(
                occurrences: totals.occurrences.addingSaturated(finding.count),
                bytes: totals.bytes.map { $0.addingSaturated(finding.bytes ?? 0) })
        }
        return LeakReport(inputs: inputs, summary: summary, findings: findings, panics: [], traces: [], diagnostics: diagnostics)
    }
}
