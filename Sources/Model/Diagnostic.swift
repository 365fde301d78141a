/// Something the tool noticed about the log itself: a truncated, interleaved or corrupt
/// report, a silenced dump, a usage error. Never a crash, never a silent drop.
public struct Diagnostic: Sendable, Equatable, Codable {
    /// How much it matters.
    public var severity: Severity
    /// The input and line it concerns, when it concerns one.
    public var position: LogPosition?
    /// One line for people.
    public var message: String
    /// The message with the values that change between occurrences as `…`: diagnostics with
    /// the same severity and template are the same kind (see ``DiagnosticMessage``).
    public var template: String
    /// Whether it means the log may not show every leak (exit code 3 under `--strict`).
    public var untrustworthy: Bool

    /// Creates a diagnostic; without a `template` it is a kind of its own, its exact text.
    public init(severity: Severity, position: LogPosition?, message: String, template: String? = nil, untrustworthy: Bool) {
        self.severity = severity
        self.position = position
        self.message = message
        self.template = template ?? message
        self.untrustworthy = untrustworthy
    }

    /// Creates a diagnostic whose kind is the template of `message`.
    public init(severity: Severity, position: LogPosition?, message: DiagnosticMessage, untrustworthy: Bool) {
        self.init(severity: severity, position: position, message: message.text, template: message.template,
                  untrustworthy: untrustworthy)
    }
}
