/// How a finding behaves across the runs of a trend, oldest run first (see `TrendClassifier`
/// in LeakTriage for the exact rules).
public enum TrendStatus: String, CaseIterable, Sendable, Codable {
    /// In every run, and its count rises from run to run over the last three runs: a leak
    /// that accumulates.
    case growing
    /// In every run, not growing; or a profiler leak whose stack the profiler recorded
    /// differently from run to run (so its fingerprint comes and goes) while the leaks of its test
    /// file and context stayed the same in number in every run.
    case persistent
    /// Absent from the first run, then in every run from its first appearance to the last.
    case new
    /// In the first run and every run up to its last appearance, then never again.
    case fixed
    /// Any other pattern: a leak that comes and goes.
    case intermittent

    /// Whether `--fail-on new` fails on it: a regression, not a flaky leak already known.
    public var isRegression: Bool {
        switch self {
        case .growing, .new: return true
        case .persistent, .fixed, .intermittent: return false
        }
    }

    /// The order in which people read the statuses: what got worse first.
    public var displayOrder: Int {
        switch self {
        case .growing: return 0
        case .new: return 1
        case .intermittent: return 2
        case .persistent: return 3
        case .fixed: return 4
        }
    }
}
