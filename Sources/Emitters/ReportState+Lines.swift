import LeakModel

extension ReportState {
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
}
