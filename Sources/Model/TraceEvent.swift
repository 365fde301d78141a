/// One `--track-job-status` trace line: `JobStatus #<hex> (<Subtype>) addRef (rc=<n>) at <loc>`.
public struct TraceEvent: Sendable, Equatable {
    /// addRef or releaseRef.
    public enum Operation: String, Sendable, Codable {
        case addRef
        case releaseRef
    }

    /// The traced object's id, in hex as printed.
    public var id: HexNumber
    /// The object's subtype (Channel, LockBox, JobStatus, Stream, SeqBox).
    public var subtype: String
    /// The operation.
    public var operation: Operation
    /// The reference count before the operation.
    public var referenceCountBefore: Int
    /// Where the operation happened, as printed.
    public var location: SourceLocation?
    /// The log line.
    public var position: LogPosition

    /// Creates a trace event.
    public init(
        id: HexNumber, subtype: String, operation: Operation, referenceCountBefore: Int,
        location: SourceLocation?, position: LogPosition
    ) {
        self.id = id
        self.subtype = subtype
        self.operation = operation
        self.referenceCountBefore = referenceCountBefore
        self.location = location
        self.position = position
    }
}
