/// The ownership mechanism a leak belongs to, in the order a developer should fix them:
/// a gc survivor can cascade into every other report, handles are advisory.
public enum Mechanism: String, CaseIterable, Sendable, Codable, Comparable {
    case gc
    case jobque
    case heap
    case smartPtr = "smart_ptr"
    case handles

    /// Position in the triage order (gc first).
    public var triageRank: Int {
        switch self {
        case .gc: return 0
        case .jobque: return 1
        case .heap: return 2
        case .smartPtr: return 3
        case .handles: return 4
        }
    }

    public static func < (lhs: Mechanism, rhs: Mechanism) -> Bool {
        lhs.triageRank < rhs.triageRank
    }
}
