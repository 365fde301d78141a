/// Everything one `--track-job-status` trace shows about one object.
public struct TraceSummary: Sendable, Equatable {
    /// The traced id as printed (hex).
    public var id: HexNumber
    /// The object's subtype.
    public var subtype: String
    /// The trace lines, in log order.
    public var events: [TraceEvent]

    /// Creates a trace summary.
    public init(id: HexNumber, subtype: String, events: [TraceEvent]) {
        self.id = id
        self.subtype = subtype
        self.events = events
    }
}
