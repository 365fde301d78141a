/// One leaked thing as a report lists it: a `[leak]` entry, a distinct gc node, a heap row,
/// a pointer line, a JobStatus/Feature line, a handle line, or a C++ leak site's allocations.
public struct Occurrence: Sendable, Equatable {
    /// What its detector says of it, typed per detector (kind, context, run-specific id).
    public var payload: Payload
    /// Where it was born or allocated, when the report says.
    public var location: SourceLocation?
    /// Call stack, leaf first (profiler and C++ heap report).
    public var stack: [StackFrame]
    /// How many leaked things this entry stands for (a C++ site's allocations, a silenced dump's count).
    public var count: Int
    /// Live bytes, for detectors that state sizes.
    public var bytes: Int?
    /// The log line that listed it.
    public var position: LogPosition
    /// The reference count as printed.
    public var referenceCount: Int?

    /// Creates an occurrence.
    public init(
        _ payload: Payload, location: SourceLocation? = nil, stack: [StackFrame] = [], count: Int = 1, bytes: Int? = nil,
        position: LogPosition, referenceCount: Int? = nil
    ) {
        self.payload = payload
        self.location = location
        self.stack = stack
        self.count = count
        self.bytes = bytes
        self.position = position
        self.referenceCount = referenceCount
    }

    /// The detector whose report listed it.
    public var detector: Detector { payload.detector }
}
