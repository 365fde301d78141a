/// How much a finding or diagnostic matters.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    /// Informational: a known non-leak or a hint.
    case note
    /// Something the user should look at.
    case warning
    /// A leak to fix, or input the tool could not read.
    case error

    private var order: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.order < rhs.order
    }
}
