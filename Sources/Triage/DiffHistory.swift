import LeakModel

extension DiffEngine {
    /// The diff of `base` → `head`, where a head finding that base lacks but some run of
    /// `history` (earlier runs, oldest first) showed is intermittent, not new: a leak that
    /// comes and goes must not fail a `--fail-on new` gate each time it comes back.
    public static func diff(base: LeakReport, head: LeakReport, history: LeakTrend) -> LeakDiff {
        var diff = diff(base: base, head: head)
        let seenIn = Dictionary(history.findings.map { ($0.finding.fingerprint, $0.seenIn) }, uniquingKeysWith: { first, _ in first })
        var new: [Finding] = []
        for finding in diff.new {
            if let runs = seenIn[finding.fingerprint] {
                diff.intermittent.append(LeakDiff.Intermittent(finding: finding, historySeenIn: runs))
            } else {
                new.append(finding)
            }
        }
        diff.new = new
        diff.history = history.runs
        return diff
    }
}
