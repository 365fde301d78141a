import LeakModel

/// The status of one fingerprint from its occurrence counts per run, oldest run first
/// (0 = the run did not show it). The rules, checked in this order:
///
/// - `growing`: in every run, and over the last three runs — all runs when there are fewer —
///   each run's count is higher than the run's before it: `c[n-3] < c[n-2] < c[n-1]`. Earlier
///   runs do not matter (`2 2 2 3 4 5` is growing) and one equal or lower step is enough to stop
///   it (`1 2 3 3` is not). A rise needs two runs, so with a single run nothing is growing.
/// - `persistent`: in every run otherwise.
/// - `new`: absent from the first run, and present in every run from its first appearance to
///   the last run (`□□■■`).
/// - `fixed`: present in the first run and in every run up to its last appearance, and absent in
///   every run after it (`■■□□`), the mirror of `new`. A leak that misses some runs before it
///   disappears (`■□■□□`) came and went: it is intermittent, not fixed, so that a flaky leak
///   which happened to miss the last runs is not announced as fixed.
/// - `intermittent`: any other pattern.
public enum TrendClassifier {
    /// How many of the last runs must rise, one after the other, for a leak to be growing.
    public static let growingWindow = 3

    /// The status of a fingerprint with `counts` occurrences per run; `counts` is not empty
    /// and some run showed it.
    public static func status(counts: [Int]) -> TrendStatus {
        let present = counts.map { $0 > 0 }
        guard let first = present.firstIndex(of: true), let last = present.lastIndex(of: true) else { return .intermittent }
        let contiguous = !present[first...last].contains(false)
        if first == 0, last == counts.count - 1, contiguous {
            return isRising(counts.suffix(growingWindow)) ? .growing : .persistent
        }
        if first > 0, last == counts.count - 1, contiguous { return .new }
        if first == 0, contiguous { return .fixed }
        return .intermittent
    }

    /// Whether each count is higher than the one before it, with at least two counts.
    private static func isRising(_ counts: ArraySlice<Int>) -> Bool {
        counts.count >= 2 && zip(counts, counts.dropFirst()).allSatisfy { $0 < $1 }
    }
}
