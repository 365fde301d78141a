import LeakModel

/// Everything the fingerprint recipe reads from an occurrence, before normalisation: equal
/// raw keys always give equal fingerprints, so the normalised key is computed once per raw key.
/// Texts, location and stack are ids of the run's ``OccurrenceInterner``: an occurrence's key is
/// built, hashed and compared as integers, whatever its strings and stack.
struct RawOccurrenceKey: Hashable {
    var detector: Detector
    var kind: Int
    var location: Int
    var stack: Int
    var context: Int
    var sharedReference: Bool
    var qualifier: Int
    /// The stretch of output between two test-runner lines that held it (its test file is known later).
    var segment: Int

    init(_ occurrence: Occurrence, qualifier: String, segment: Int, interner: inout OccurrenceInterner) {
        detector = occurrence.detector
        kind = interner.id(of: occurrence.kind, as: .kind)
        location = interner.id(of: occurrence.location)
        stack = interner.id(of: occurrence.stack)
        let keyedContext = occurrence.detector == .profiler || occurrence.detector == .smartPtr ? occurrence.context : nil
        context = keyedContext.map { interner.id(of: $0, as: .context) } ?? -1
        sharedReference = (occurrence.referenceCount ?? 1) > 1
        self.qualifier = interner.id(of: qualifier, as: .qualifier)
        self.segment = segment
    }
}
