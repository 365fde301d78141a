import LeakModel

/// Everything the fingerprint recipe reads from an occurrence, before normalisation: equal
/// raw keys always give equal fingerprints, so the normalised key is computed once per raw key.
struct RawOccurrenceKey: Hashable {
    var detector: Detector
    var kind: String
    var location: SourceLocation?
    var stack: [StackFrame]
    var context: String?
    var sharedReference: Bool
    var qualifier: String

    init(_ occurrence: Occurrence, qualifier: String) {
        detector = occurrence.detector
        kind = occurrence.kind
        location = occurrence.location
        stack = occurrence.stack
        context = occurrence.detector == .profiler || occurrence.detector == .smartPtr ? occurrence.context : nil
        sharedReference = (occurrence.referenceCount ?? 1) > 1
        self.qualifier = qualifier
    }
}
