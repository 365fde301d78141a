/// One leaked thing as a report lists it: a `[leak]` entry, a distinct gc node, a heap row,
/// a pointer line, a JobStatus/Feature line, a handle line, or a C++ leak site's allocations.
public struct Occurrence: Sendable, Equatable {
    /// The detector whose report listed it.
    public var detector: Detector
    /// What leaked: node type, subtype, pointer kind, handle type, heap row comment, …
    public var kind: String
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
    /// The run-specific id as printed (gc id, job id in hex, smart-pointer id in hex, handle index).
    public var identity: String?
    /// The reference count as printed.
    public var referenceCount: Int?
    /// The context name (profiler), object description (smart_ptr) or owner id (Feature).
    public var context: String?

    /// Creates an occurrence.
    public init(
        detector: Detector, kind: String, location: SourceLocation? = nil, stack: [StackFrame] = [],
        count: Int = 1, bytes: Int? = nil, position: LogPosition, identity: String? = nil,
        referenceCount: Int? = nil, context: String? = nil
    ) {
        self.detector = detector
        self.kind = kind
        self.location = location
        self.stack = stack
        self.count = count
        self.bytes = bytes
        self.position = position
        self.identity = identity
        self.referenceCount = referenceCount
        self.context = context
    }
}
