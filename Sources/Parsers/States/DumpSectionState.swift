import LeakModel

/// A dump section closed by a `total` line (JobStatus, Feature, smart pointers, one handle type).
final class DumpSectionState {
    enum Kind: Equatable {
        case jobStatus
        case feature
        case smartPointers(declared: Int)
        case handles
    }

    var kind: Kind
    var firstPosition: LogPosition
    var entries = 0
    /// Handle lines kept waiting for their type at most.
    static let pendingHandleLimit = 4096

    /// Handle occurrences wait for their type when the entry lines do not print it.
    var pendingHandles: [Occurrence] = []
    var handleType: String?

    init(kind: Kind, firstPosition: LogPosition) {
        self.kind = kind
        self.firstPosition = firstPosition
    }

    /// The report whose entry lines the section lists.
    var entryLines: ReportLineShape.ReportKind {
        switch kind {
        case .jobStatus: return .jobStatusDump
        case .feature: return .featureDump
        case .smartPointers: return .smartPointerDump
        case .handles: return .handleDump
        }
    }

    /// What the section is called in diagnostics.
    var name: String {
        switch kind {
        case .jobStatus: return "JobStatus dump"
        case .feature: return "Feature dump"
        case .smartPointers: return "smart-pointer dump"
        case .handles: return "handle dump"
        }
    }
}
