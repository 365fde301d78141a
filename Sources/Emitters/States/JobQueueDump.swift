import LeakModel

/// Leaked job-queue primitives at exit: JobStatus objects, then Features, newest first.
public struct JobQueueDump: Sendable, Equatable {
    public struct Status: Sendable, Equatable {
        public var id: HexNumber
        public var referenceCount: Int
        public var subtype: String
        /// nil: no ` created at`; empty: printed with an empty location (corrupt dumps).
        public var createdAt: String?
        public var position: LogPosition?

        public init(id: HexNumber, referenceCount: Int, subtype: String, createdAt: String?, position: LogPosition? = nil) {
            self.id = id
            self.referenceCount = referenceCount
            self.subtype = subtype
            self.createdAt = createdAt
            self.position = position
        }
    }

    public struct Feature: Sendable, Equatable {
        public var id: HexNumber
        public var owner: HexNumber?
        public var createdAt: String?
        public var position: LogPosition?

        public init(id: HexNumber, owner: HexNumber?, createdAt: String? = nil, position: LogPosition? = nil) {
            self.id = id
            self.owner = owner
            self.createdAt = createdAt
            self.position = position
        }
    }

    public var statuses: [Status]
    public var features: [Feature]
    /// Whether the JobStatus section's `total` line was printed (a dump cut off by a crash has none).
    public var statusTotalPrinted: Bool
    /// Whether the Feature section's `total` line was printed.
    public var featureTotalPrinted: Bool

    public init(statuses: [Status], features: [Feature], statusTotalPrinted: Bool = true, featureTotalPrinted: Bool = true) {
        self.statuses = statuses
        self.features = features
        self.statusTotalPrinted = statusTotalPrinted
        self.featureTotalPrinted = featureTotalPrinted
    }
}
