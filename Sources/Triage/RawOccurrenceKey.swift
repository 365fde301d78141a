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
    /// The stretch of output between two test-runner lines that held it (its test file is known later).
    var segment: Int

    init(_ occurrence: Occurrence, qualifier: String, segment: Int) {
        detector = occurrence.detector
        kind = occurrence.kind
        location = occurrence.location
        stack = occurrence.stack
        context = occurrence.detector == .profiler || occurrence.detector == .smartPtr ? occurrence.context : nil
        sharedReference = (occurrence.referenceCount ?? 1) > 1
        self.qualifier = qualifier
        self.segment = segment
    }

    /// Hashes the stack's depth and the shape of its ends only (name lengths and line numbers, not
    /// the text): an occurrence is hashed once, stacks are deep and C++ symbols long. Equality
    /// still compares every frame (at once when the parser handed both keys the same interned array).
    func hash(into hasher: inout Hasher) {
        hasher.combine(detector)
        hasher.combine(kind)
        hasher.combine(location)
        hasher.combine(stack.count)
        for index in stack.indices.prefix(Self.hashedFrames) + stack.indices.suffix(Self.hashedFrames) {
            let frame = stack[index]
            hasher.combine(frame.function?.utf8.count)
            hasher.combine(frame.library?.utf8.count)
            hasher.combine(frame.location?.line)
            hasher.combine(frame.location?.column)
        }
        hasher.combine(context)
        hasher.combine(sharedReference)
        hasher.combine(qualifier)
        hasher.combine(segment)
    }

    private static let hashedFrames = 3
}
