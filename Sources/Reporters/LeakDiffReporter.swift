import LeakModel

/// Prints a diff of two runs in one output format; stateless, never touches files.
public protocol LeakDiffReporter: Sendable {
    /// The whole output for `diff`.
    func render(_ diff: LeakDiff, options: RenderOptions) -> String
}
