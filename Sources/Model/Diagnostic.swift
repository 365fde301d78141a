/// Something the tool noticed about the log itself: a truncated, interleaved or corrupt
/// report, a silenced dump, a usage error. Never a crash, never a silent drop.
public struct Diagnostic: Sendable, Equatable, Codable {
    /// How much it matters.
    public var severity: Severity
    /// The input and line it concerns, when it concerns one.
    public var position: LogPosition?
    /// One line for people.
    public var message: String
    /// Whether it means the log may not show every leak (exit code 3 under `--strict`).
    public var untrustworthy: Bool

    /// Creates a diagnostic.
    public init(severity: Severity, position: LogPosition?, message: String, untrustworthy: Bool) {
        self.severity = severity
        self.position = position
        self.message = message
        self.untrustworthy = untrustworthy
    }
}
