import LeakModel

/// One report as a detector's state, in the order the log printed it.
public enum ReportState: Sendable, Equatable {
    case profiler(ProfilerBlock)
    case heap(HeapReport)
    case gc(GCReport)
    case smartPointers(SmartPointerDump)
    case jobQueue(JobQueueDump)
    case handles(HandleRegistryDump)
    case cppHeap(CppHeapReport)
    case trace(TraceSummary)

    /// The lines daslang prints for this state.
    public var lines: [EmittedLine] {
        switch self {
        case let .profiler(block): return ReferenceEmitter.lines(block)
        case let .heap(report): return ReferenceEmitter.lines(report)
        case let .gc(report): return ReferenceEmitter.lines(report)
        case let .smartPointers(dump): return ReferenceEmitter.lines(dump)
        case let .jobQueue(dump): return ReferenceEmitter.lines(dump)
        case let .handles(dump): return ReferenceEmitter.lines(dump)
        case let .cppHeap(report): return ReferenceEmitter.lines(report)
        case let .trace(trace): return ReferenceEmitter.lines(trace)
        }
    }

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
