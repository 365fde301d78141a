import LeakModel

extension Sequence<Finding> {
    /// The findings that fail a gate (`--fail-on`): every one that is not a note (a known
    /// non-leak) and has occurrences beyond `baseline`'s recorded counts, or any occurrence
    /// without a baseline.
    public func failing(beyond baseline: Baseline?) -> [Finding] {
        filter { $0.severity != .note && (baseline?.excess(of: $0) ?? $0.count) > 0 }
    }
}
