import LeakModel

/// Prints a replay of one run's traces and debugger sessions in one output format.
public protocol ReplayReporter: DocumentReporter where Document == LeakReplay {}
