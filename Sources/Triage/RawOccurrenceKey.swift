import LeakModel

/// Everything the fingerprint recipe reads from an occurrence, before normalisation: equal
/// raw keys always give equal fingerprints, so the normalised key is computed once per raw key.
/// Payload, location and stack are ids of the run's ``OccurrenceInterner``: an occurrence's key is
/// built, hashed and compared as integers, whatever its strings and stack.
struct RawOccurrenceKey: Hashable {
    /// The id of the payload's kind and keyed context (it tells the detector too).
    var payload: Int
    var location: Int
    var stack: Int
    var sharedReference: Bool
    var relation: FeatureRelation
    /// The stretch of output between two test-runner lines that held it (its test file is known later).
    var segment: Int

    init(_ occurrence: Occurrence, relation: FeatureRelation, segment: Int, interner: inout OccurrenceInterner) {
        payload = interner.id(of: occurrence.payload)
        location = interner.id(of: occurrence.location)
        stack = interner.id(of: occurrence.stack)
        sharedReference = (occurrence.referenceCount ?? 1) > 1
        self.relation = relation
        self.segment = segment
    }
}
