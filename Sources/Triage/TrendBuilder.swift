import LeakModel

/// Folds the reports of several runs, oldest first, into a ``LeakTrend`` one run at a time, so
/// that a run's report can be dropped as soon as it is added: what stays is one entry per
/// fingerprint (the finding of the last run that showed it, and one count per run) and the
/// runs' inputs.
public struct TrendBuilder: Sendable {
    /// Diagnostics kept over all runs before the rest are only counted, as for one run.
    public static let diagnosticLimit = 500

    private struct Entry: Sendable {
        var finding: Finding
        var lastRun: Int
        /// Counts of the runs up to ``lastRun``; later runs are padded with zeros in ``build()``.
        var counts: [Int]
    }

    private var entries: [Entry] = []
    private var entryIndex: [String: Int] = [:]
    private var runs: [TrendRun] = []
    private var diagnostics: [TrendDiagnostic] = []
    private var droppedDiagnostics = 0
    private var firstRunDropping: Int?

    /// Creates a builder with no runs.
    public init() {}

    /// How many runs were added.
    public var runCount: Int { runs.count }

    /// Adds the next run, newer than every run added before.
    public mutating func add(_ report: LeakReport) {
        let run = runs.count
        runs.append(TrendRun(inputs: report.inputs, untrustworthy: report.isUntrustworthy))
        for finding in report.findings {
            guard let index = entryIndex[finding.fingerprint] else {
                entryIndex[finding.fingerprint] = entries.count
                entries.append(Entry(finding: finding, lastRun: run, counts: Array(repeating: 0, count: run) + [finding.count]))
                continue
            }
            if entries[index].lastRun == run {
                // The same fingerprint twice in one run (a report never does this today): one entry, counts summed.
                entries[index].counts[run] = entries[index].counts[run].addingSaturated(finding.count)
                continue
            }
            entries[index].counts += Array(repeating: 0, count: run - entries[index].counts.count) + [finding.count]
            entries[index].finding = finding
            entries[index].lastRun = run
        }
        for diagnostic in report.diagnostics {
            if diagnostics.count < Self.diagnosticLimit {
                diagnostics.append(TrendDiagnostic(run: run, diagnostic: diagnostic))
            } else {
                droppedDiagnostics += 1
                if firstRunDropping == nil { firstRunDropping = run }
            }
        }
    }

    /// The trend of the runs added so far: every fingerprint classified by ``TrendClassifier``.
    public func build() -> LeakTrend {
        let runCount = runs.count
        var findings = entries.map { entry in
            let counts = entry.counts + Array(repeating: 0, count: runCount - entry.counts.count)
            return TrendFinding(finding: entry.finding, lastRun: entry.lastRun, counts: counts, status: TrendClassifier.status(counts: counts))
        }
        findings.sort { lhs, rhs in
            (lhs.status.displayOrder, -lhs.lastRun, lhs.finding.rank, lhs.finding.fingerprint)
                < (rhs.status.displayOrder, -rhs.lastRun, rhs.finding.rank, rhs.finding.fingerprint)
        }
        var diagnostics = diagnostics
        if droppedDiagnostics > 0, let run = firstRunDropping {
            diagnostics.append(TrendDiagnostic(run: run, diagnostic: Diagnostic(
                severity: .note, position: nil,
                message: "\(droppedDiagnostics) more diagnostics from run \(run + 1) on not kept", untrustworthy: false)))
        }
        return LeakTrend(runs: runs, findings: findings, diagnostics: diagnostics)
    }
}
