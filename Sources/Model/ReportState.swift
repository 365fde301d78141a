/// One report as a detector's state, in the order the log printed it.
public enum ReportState: Sendable, Equatable {
    /// A `--das-profiler-leaks` block.
    case profiler(ProfilerBlock)
    /// A `-heap-report` (heap and string heap).
    case heap(HeapReport)
    /// A `GC … LEAK` report.
    case gc(GCReport)
    /// The smart-pointer survivors.
    case smartPointers(SmartPointerDump)
    /// The JobStatus and Feature survivors.
    case jobQueue(JobQueueDump)
    /// The dasHV handle survivors.
    case handles(HandleRegistryDump)
    /// The C++ heap leak report.
    case cppHeap(CppHeapReport)
    /// A `--track-job-status` trace.
    case trace(TraceSummary)

    /// The mechanism the report belongs to.
    public var mechanism: Mechanism {
        switch self {
        case .profiler, .heap, .cppHeap: return .heap
        case .gc: return .gc
        case .smartPointers: return .smartPtr
        case .jobQueue, .trace: return .jobque
        case .handles: return .handles
        }
    }
}
