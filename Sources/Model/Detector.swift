/// One of daslang's leak detectors, each with its own dump format.
public enum Detector: String, CaseIterable, Sendable, Codable {
    /// `--das-profiler --das-profiler-leaks` blocks.
    case profiler
    /// `-heap-report` heap and string-heap bodies.
    case heapReport = "heap_report"
    /// `GC COMPILE LEAK` / `GC APP LEAK` survivors.
    case gcNode = "gc_node"
    /// `FATAL … smart pointer(s) still alive` and the pointer dump.
    case smartPtr = "smart_ptr"
    /// Job-queue `JobStatus` / `Feature` survivors.
    case jobStatus = "job_status"
    /// dasHV `Handle<…>` survivors.
    case handleRegistry = "handle_registry"
    /// The C++ heap leak report of RelWithDebInfo builds.
    case cppHeap = "cpp_heap"

    /// The mechanism whose findings this detector reports.
    public var mechanism: Mechanism {
        switch self {
        case .profiler, .heapReport, .cppHeap: return .heap
        case .gcNode: return .gc
        case .smartPtr: return .smartPtr
        case .jobStatus: return .jobque
        case .handleRegistry: return .handles
        }
    }

    /// Whether the detector states sizes, so that its summary carries a byte total.
    public var reportsBytes: Bool {
        switch self {
        case .profiler, .heapReport, .cppHeap: return true
        case .gcNode, .smartPtr, .jobStatus, .handleRegistry: return false
        }
    }
}
