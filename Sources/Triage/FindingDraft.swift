import LeakModel

/// A finding while occurrences are still arriving.
struct FindingDraft {
    /// How many occurrence positions a finding keeps; its count is always complete.
    static let positionLimit = 1000
    /// How many run-specific ids a finding keeps for next steps.
    static let identityLimit = 32

    var first: Occurrence
    var key: String
    var moveKey: String
    var count = 0
    var bytes: Int?
    var positions: [LogPosition] = []
    var identities: [String] = []
    var referenceCounts: ClosedRange<Int>?
    var contexts: [String] = []
    var earliest: LogPosition
    /// How a Feature relates to its JobStatus (`embedded in Channel #1 created at …`), for the title.
    var relation: String?

    init(first: Occurrence, key: String, moveKey: String) {
        self.first = first
        self.key = key
        self.moveKey = moveKey
        self.earliest = first.position
    }

    mutating func add(_ occurrence: Occurrence) {
        count = count.addingSaturated(occurrence.count)
        if let occurrenceBytes = occurrence.bytes { bytes = (bytes ?? 0).addingSaturated(occurrenceBytes) }
        if positions.count < Self.positionLimit { positions.append(occurrence.position) }
        if let identity = occurrence.identity, identities.count < Self.identityLimit { identities.append(identity) }
        if let rc = occurrence.referenceCount {
            referenceCounts = referenceCounts.map { min($0.lowerBound, rc)...max($0.upperBound, rc) } ?? rc...rc
        }
        if let context = occurrence.context, !contexts.contains(context), contexts.count < 8 { contexts.append(context) }
        earliest = min(earliest, occurrence.position)
    }
}
