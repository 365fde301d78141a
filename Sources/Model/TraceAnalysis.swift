/// What a `--track-job-status` trace says about one object: the reference-count timeline,
/// the addRefs never released, and the places where consecutive counts do not follow.
/// Triage analyses a ``TraceSummary`` into one.
public struct TraceAnalysis: Sendable, Equatable {
    /// An addRef no releaseRef cancelled.
    public struct Unmatched: Sendable, Equatable {
        /// The addRef line.
        public var event: TraceEvent
        /// Why daslang itself took the reference, when the location says (the capture macro).
        public var hiddenReference: String?

        /// Creates an outstanding addRef.
        public init(event: TraceEvent, hiddenReference: String?) {
            self.event = event
            self.hiddenReference = hiddenReference
        }
    }

    /// Consecutive events whose counts do not follow (lost or interleaved lines).
    public struct Gap: Sendable, Equatable {
        /// Where the count stopped following: the later event's line.
        public var position: LogPosition
        /// The count the previous event left.
        public var expected: Int
        /// The `rc` this event printed (the count before its operation).
        public var found: Int

        /// Creates a gap.
        public init(position: LogPosition, expected: Int, found: Int) {
            self.position = position
            self.expected = expected
            self.found = found
        }
    }

    /// The trace analysed.
    public var trace: TraceSummary
    /// The count after the last event.
    public var finalReferenceCount: Int
    /// Outstanding addRefs, in log order.
    public var unmatched: [Unmatched]
    /// Places where consecutive counts do not follow, in log order.
    public var gaps: [Gap]

    /// Creates an analysis.
    public init(trace: TraceSummary, finalReferenceCount: Int, unmatched: [Unmatched], gaps: [Gap]) {
        self.trace = trace
        self.finalReferenceCount = finalReferenceCount
        self.unmatched = unmatched
        self.gaps = gaps
    }
}
