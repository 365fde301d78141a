extension Int {
    /// `self + other`, held at `Int.max` or `Int.min` instead of overflowing: totals summed over
    /// a log of any size, however corrupt, never trap.
    public func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
