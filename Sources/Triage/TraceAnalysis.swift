import LeakModel

extension TraceAnalysis {
    /// Analyses `trace`. Pairing rule: each releaseRef cancels the most recent addRef still
    /// outstanding (last in, first out).
    public init(_ trace: TraceSummary) {
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
        self.init(
            trace: trace, finalReferenceCount: previousAfter ?? 0,
            unmatched: outstanding.map { Unmatched(event: $0, hiddenReference: Self.hiddenReference(at: $0.location)) },
            gaps: gaps)
    }

    /// daslib locations where the runtime takes references the user's code does not show.
    static func hiddenReference(at location: SourceLocation?) -> String? {
        guard let location, location.file.hasSuffix("jobque_boost.das"), location.isLibrary else { return nil }
        return "hidden reference taken by the job capture macro in daslib/jobque_boost.das (a job that captured it never finished or was never released)"
    }
}
