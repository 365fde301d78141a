import LeakModel

extension Finding {
    /// For a profiler leak, what is left of its key without the stack (``residualKey``: detector,
    /// kind, context, test file), the part that survives the profiler's run-to-run stack
    /// variation; nil for other leaks. `diff` pairs the leftovers of one group
    /// (``StackVariationPairing``) and `trend` compares a group's counts over the runs
    /// (``TrendBuilder``).
    var stackVariationGroup: String? {
        detector == .profiler && !residualKey.isEmpty ? residualKey : nil
    }
}
