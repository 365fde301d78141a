import LeakModel

/// Prints a diff of two runs in one output format.
public protocol LeakDiffReporter: DocumentReporter where Document == LeakDiff {}
