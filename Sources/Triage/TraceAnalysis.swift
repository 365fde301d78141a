import LeakModel

/// What a `--track-job-status` trace says about one object: the reference-count timeline,
/// the addRefs never released, and the places where consecutive counts do not follow.
public struct TraceAnalysis: Sendable, Equatable {
    /// An addRef no releaseRef cancelled.
    public struct Unmatched: Sendable, Equatable {
        /// The addRef line.
        public var event: TraceEvent
        /// Why daslang itself took the reference, when the location says (the capture macro).
        public var hiddenReference: String?
    }

    /// Consecutive events whose counts do not follow (lost or interleaved lines).
    public struct Gap: Sendable, Equatable {
        /// Where the count stopped following: the later event's line.
        public var position: LogPosition
        /// The count the previous event left.
        public var expected: Int
        /// The `rc` this event printed (the count before its operation).
        public var found: Int
    }

    /// The trace analysed.
    public var trace: TraceSummary
    /// The count after the last event.
    public var finalReferenceCount: Int
    /// Outstanding addRefs, in log order.
    public var unmatched: [Unmatched]
    /// Places where consecutive counts do not follow, in log order.
    public var gaps: [Gap]

    /// Analyses `trace`. Pairing rule: each releaseRef cancels the most recent addRef still
    /// outstanding (last in, first out).
    public init(_ trace: TraceSummary) {
        self.trace = trace
        var outstanding: [TraceEvent] = []
        var gaps: [Gap] = []
        var previousAfter: Int?
        for event in trace.events {
            if let expected = previousAfter, expected != event.referenceCountBefore {
                gaps.append(Gap(position: event.position, expected: expected, found: event.referenceCountBefore))
            }
            switch event.operation {
            case .addRef:
                outstanding.append(event)
                previousAfter = event.referenceCountBefore + 1
            case .releaseRef:
                if !outstanding.isEmpty { outstanding.removeLast() }
                previousAfter = event.referenceCountBefore - 1
            }
        }
        self.finalReferenceCount = previousAfter ?? 0
        self.unmatched = outstanding.map { Unmatched(event: $0, hiddenReference: Self.hiddenReference(at: $0.location)) }
        self.gaps = gaps
    }

    /// daslib locations where the runtime takes references the user's code does not show.
    static func hiddenReference(at location: SourceLocation?) -> String? {
        guard let location, location.file.hasSuffix("jobque_boost.das"), location.isLibrary else { return nil }
        return "hidden reference taken by the job capture macro in daslib/jobque_boost.das (a job that captured it never finished or was never released)"
    }
}
