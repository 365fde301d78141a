import LeakModel
import LeakTriage

/// The hostile findings of ``HostileReport`` over four runs, so that every trend status, a
/// panic that comes and goes, and an untrustworthy run are in the trend reporters' golden files.
enum HostileTrend {
    /// Each hostile finding's count in runs 1–4 (0 = absent), by rank.
    static let counts: [Int: [Int]] = [
        1: [1, 2, 3, 4],  // growing
        2: [0, 0, 1, 1],  // new
        3: [1, 0, 1, 1],  // intermittent (a consequence)
        4: [1, 1, 1, 1],  // persistent
        5: [1, 1, 0, 0],  // fixed
        6: [1, 1, 1, 1],  // persistent known non-leak
        7: [0, 1, 0, 1],  // intermittent
        8: [1, 0, 0, 0],  // fixed
    ]

    /// Runs that print the hostile panic.
    static let panicRuns: Set<Int> = [1, 3]

    /// The trend of the four runs; only the first keeps the hostile diagnostics.
    static var trend: LeakTrend {
        var builder = TrendBuilder()
        for run in 0..<4 {
            var report = HostileReport.report
            report.findings = report.findings.compactMap { finding in
                guard let count = counts[finding.rank]?[run], count > 0 else { return nil }
                var finding = finding
                finding.count = count
                return finding
            }
            if !panicRuns.contains(run) { report.panics = [] }
            if run > 0 { report.diagnostics = [] }
            builder.add(report)
        }
        return builder.build()
    }
}
