import LeakModel

/// Folds the reports of several runs, oldest first, into a ``LeakTrend`` one run at a time, so
/// that a run's report can be dropped as soon as it is added: what stays is one entry per
/// fingerprint (the finding or panic of the last run that showed it, and one count per run) and
/// the runs' inputs.
public struct TrendBuilder: Sendable {
    /// Diagnostics kept over all runs before the rest are only counted, as for one run.
    public static let diagnosticLimit = 500

    private var findings = Tally<Finding>()
    /// Profiler leaks per run by ``Finding/stackVariationGroup``.
    private var groupCounts: [String: [Int]] = [:]
    private var panics = Tally<Panic>()
    private var runs: [TrendRun] = []
    private var diagnostics: [TrendDiagnostic] = []
    private var droppedDiagnostics = 0
    private var firstRunDropping: Int?

    /// Creates a builder with no runs.
    public init() {}

    /// Adds the next run, newer than every run added before.
    public mutating func add(_ report: LeakReport) {
        let run = runs.count
        runs.append(TrendRun(inputs: report.inputs, untrustworthy: report.isUntrustworthy))
        for finding in report.findings {
            findings.add(finding, fingerprint: finding.fingerprint, count: finding.count, run: run)
            if let group = finding.stackVariationGroup {
                var counts = groupCounts[group] ?? []
                counts += Array(repeating: 0, count: run + 1 - counts.count)
                counts[run] = counts[run].addingSaturated(finding.count)
                groupCounts[group] = counts
            }
        }
        for panic in report.panics {
            // Triage fingerprinted every panic of the runs' reports.
            panics.add(panic, fingerprint: panic.fingerprint, count: 1, run: run)
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
        var diagnostics = diagnostics
        if droppedDiagnostics > 0, let run = firstRunDropping {
            diagnostics.append(TrendDiagnostic(run: run, diagnostic: Diagnostic(
                severity: .note, position: nil,
                message: "\(droppedDiagnostics) more diagnostics from run \(run + 1) on not kept", untrustworthy: false)))
        }
        return LeakTrend(
            runs: runs,
            findings: findings.entries(runs: runs.count, status: status(of:counts:)) { $0.rank < $1.rank },
            panics: panics.entries(runs: runs.count, status: { TrendClassifier.status(counts: $1) }) { $0.position < $1.position },
            diagnostics: diagnostics)
    }
}

extension TrendBuilder {
    /// A finding's status from its counts, unless it is a profiler leak whose stack the profiler
    /// recorded differently from run to run (whole, cut short or not at all, so that its
    /// fingerprint comes and goes) while the leaks of its test file and context without their
    /// stacks stayed the same in number in every run: then it is persistent, as `diff` pairs it.
    /// A real change in those leaks (a new one, one fixed, one more each run) changes the
    /// group's counts and keeps the finding's own status.
    private func status(of finding: Finding, counts: [Int]) -> TrendStatus {
        let own = TrendClassifier.status(counts: counts)
        guard own != .persistent, own != .growing, let key = finding.stackVariationGroup, var group = groupCounts[key] else { return own }
        group += Array(repeating: 0, count: max(0, counts.count - group.count))
        guard let first = group.first, first > 0, group.allSatisfy({ $0 == first }) else { return own }
        return .persistent
    }
}

/// One entry per fingerprint of one kind of item, in order of first appearance.
private struct Tally<Item: Sendable & Equatable>: Sendable {
    private struct Entry: Sendable {
        var item: Item
        var fingerprint: String
        var lastRun: Int
        /// Counts of the runs up to ``lastRun``; later runs are padded with zeros in ``entries(runs:by:)``.
        var counts: [Int]
    }

    private var entries: [Entry] = []
    private var index: [String: Int] = [:]

    /// Counts `count` occurrences of `fingerprint` in `run`, the newest run so far; the first item
    /// of a run stands for its fingerprint.
    mutating func add(_ item: Item, fingerprint: String, count: Int, run: Int) {
        guard let position = index[fingerprint] else {
            index[fingerprint] = entries.count
            entries.append(Entry(item: item, fingerprint: fingerprint, lastRun: run, counts: Array(repeating: 0, count: run) + [count]))
            return
        }
        if entries[position].lastRun == run {
            entries[position].counts[run] = entries[position].counts[run].addingSaturated(count)
            return
        }
        entries[position].counts += Array(repeating: 0, count: run - entries[position].counts.count) + [count]
        entries[position].item = item
        entries[position].lastRun = run
    }

    /// Every entry over `runs` runs, classified by `status`, ordered by status (``TrendStatus/displayOrder``),
    /// newest run first, then by `order` within that run, then by fingerprint.
    func entries(runs: Int, status: (Item, [Int]) -> TrendStatus, by order: (Item, Item) -> Bool) -> [TrendEntry<Item>] {
        let classified = entries.map { entry in
            let counts = entry.counts + Array(repeating: 0, count: runs - entry.counts.count)
            return TrendEntry(
                item: entry.item, fingerprint: entry.fingerprint, lastRun: entry.lastRun, counts: counts,
                status: status(entry.item, counts))
        }
        return classified.sorted { lhs, rhs in
            if lhs.status != rhs.status { return lhs.status.displayOrder < rhs.status.displayOrder }
            if lhs.lastRun != rhs.lastRun { return lhs.lastRun > rhs.lastRun }
            if order(lhs.item, rhs.item) { return true }
            if order(rhs.item, lhs.item) { return false }
            return lhs.fingerprint < rhs.fingerprint
        }
    }
}
