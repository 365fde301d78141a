import LeakModel

/// How the text formats word a fingerprint's history, the same in the trend's text and in
/// the titles of its annotations. Runs are numbered from 1 for people (JSON counts from 0).
enum TrendWording {
    /// Runs a presence strip shows; older ones are elided with `…`.
    static let stripLimit = 24
    /// Counts a growing leak's rise shows.
    static let riseLimit = 6

    /// `■□■■□■`: one square per run, filled where the run showed the finding.
    static func strip(_ counts: [Int]) -> String {
        let shown = counts.suffix(stripLimit).map { $0 > 0 ? "■" : "□" }.joined()
        return counts.count > stripLimit ? "…" + shown : shown
    }

    /// What the status means for this finding: `count 1 → 2 → 3` (the last six runs),
    /// `new in run 4 of 6`, `in 4 of 6 runs`, `gone after run 2 of 6`, `in all 6 runs`, and for a
    /// profiler leak persistent only by its test file and context, `in 2 of 6 runs with this
    /// stack, …`.
    static func history(_ entry: TrendFinding) -> String {
        let runs = entry.counts.count
        switch entry.status {
        case .growing:
            let shown = entry.counts.suffix(riseLimit).map(String.init).joined(separator: " → ")
            return "count " + (runs > riseLimit ? "… " : "") + shown
        case .persistent where entry.seenIn.count < runs:
            // Only the profiler's stack variation makes a finding persistent without being in
            // every run (``TrendStatus/persistent``): say so, as `diff` says it in its notes.
            return presence(entry) + " with this stack; the profiler recorded it otherwise in the others, and its test file and context leak as many in every run"
        case .persistent, .intermittent:
            return presence(entry)
        case .new:
            return "new in run \((entry.seenIn.first ?? 0) + 1) of \(runs)"
        case .fixed:
            return "gone after run \(entry.lastRun + 1) of \(runs)"
        }
    }

    /// `in 4 of 6 runs`, `in both runs`, `in all 6 runs`: how many runs showed it, whatever its status.
    static func presence<Item>(_ entry: TrendEntry<Item>) -> String {
        let runs = entry.counts.count
        let seen = entry.seenIn.count
        guard seen == runs else { return "in \(seen) of \(runs) runs" }
        switch runs {
        case 1: return "in the only run"
        case 2: return "in both runs"
        default: return "in all \(runs) runs"
        }
    }

    /// Why a finding fails `--fail-on new`, for the title of its annotation:
    /// `growing: count 1 → 2 → 3`, `new in run 4 of 6`.
    static func regression(_ entry: TrendFinding) -> String {
        entry.status == .new ? history(entry) : "\(entry.status.rawValue): \(history(entry))"
    }

    /// `in 2 of 3 history runs`, for `diff --history`.
    static func history(_ entry: LeakDiff.Intermittent, runs: Int) -> String {
        "in \(entry.historySeenIn.count) of \(runs) history \(runs == 1 ? "run" : "runs")"
    }
}
