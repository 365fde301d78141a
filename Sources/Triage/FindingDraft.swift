import LeakModel

/// A finding while occurrences are still arriving.
struct FindingDraft {
    /// How many occurrence positions a finding keeps; its count is always complete.
    static let positionLimit = 1000
    /// How many run-specific ids a finding keeps for next steps.
    static let identityLimit = 32
    /// How many context names a finding keeps.
    static let contextLimit = 8

    var first: Occurrence
    var key = ""
    var moveKey = ""
    var residualKey = ""
    var count = 0
    var bytes: Int?
    /// Where the occurrences were listed (the first ``positionLimit``), packed (``LogPosition/packed``).
    private var packedPositions: [UInt64] = []
    var identities: [Occurrence.Identity] = []
    var referenceCounts: ClosedRange<Int>?
    var contexts: [Occurrence.Context] = []
    var earliest: LogPosition
    /// How a Feature relates to its JobStatus (`embedded in Channel #1 created at …`), for the title.
    var relation: String?
    /// The test files whose output held the occurrences (as printed).
    var tests: Set<String> = []
    /// How often the stacks' deepest frame cycle repeats, smallest and largest.
    var recursionDepth: ClosedRange<Int>?
    /// The `v1` fingerprints of the occurrences.
    var legacyFingerprints: Set<String> = []
    /// The finding's location's path as the fingerprint keys it.
    var locationKey: String?

    init(first: Occurrence) {
        self.first = first
        self.earliest = first.position
    }

    /// Where the occurrences were listed (the first ``positionLimit``; ``count`` is always complete).
    var positions: [LogPosition] { packedPositions.map(LogPosition.init(packed:)) }

    mutating func add(_ occurrence: Occurrence) {
        count = count.addingSaturated(occurrence.count)
        if let occurrenceBytes = occurrence.bytes { bytes = (bytes ?? 0).addingSaturated(occurrenceBytes) }
        if packedPositions.count < Self.positionLimit { packedPositions.append(occurrence.position.packed) }
        if identities.count < Self.identityLimit, let identity = occurrence.payload.identity { identities.append(identity) }
        if let rc = occurrence.referenceCount { referenceCounts = Self.union(referenceCounts, rc...rc) }
        if let context = occurrence.payload.context, !contexts.contains(context), contexts.count < Self.contextLimit { contexts.append(context) }
        earliest = min(earliest, occurrence.position)
    }

    /// Takes in `other`'s occurrences: two raw keys that normalise to the same fingerprint.
    mutating func merge(_ other: FindingDraft) {
        if other.earliest < earliest {
            first = other.first
            earliest = other.earliest
        }
        count = count.addingSaturated(other.count)
        if let otherBytes = other.bytes { bytes = (bytes ?? 0).addingSaturated(otherBytes) }
        packedPositions = Array((packedPositions + other.packedPositions).sorted().prefix(Self.positionLimit))
        identities = Array((identities + other.identities).prefix(Self.identityLimit))
        referenceCounts = other.referenceCounts.map { Self.union(referenceCounts, $0) } ?? referenceCounts
        for context in other.contexts where !contexts.contains(context) && contexts.count < Self.contextLimit { contexts.append(context) }
        tests.formUnion(other.tests)
        recursionDepth = other.recursionDepth.map { Self.union(recursionDepth, $0) } ?? recursionDepth
        legacyFingerprints.formUnion(other.legacyFingerprints)
        relation = relation ?? other.relation
    }

    private static func union(_ range: ClosedRange<Int>?, _ other: ClosedRange<Int>) -> ClosedRange<Int> {
        range.map { min($0.lowerBound, other.lowerBound)...max($0.upperBound, other.upperBound) } ?? other
    }
}
