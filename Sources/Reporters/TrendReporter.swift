import LeakModel

/// Prints a trend of several runs in one output format.
public protocol TrendReporter: DocumentReporter where Document == LeakTrend {}
