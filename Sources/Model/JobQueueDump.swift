/// Leaked job-queue primitives at exit: JobStatus objects, then Features, newest first.
public struct JobQueueDump: Sendable, Equatable {
    /// One leaked `JobStatus #<hex>` line.
    public struct Status: Sendable, Equatable {
        /// The id after `#` (hex).
        public var id: HexNumber
        /// `rc=`, as printed.
        public var referenceCount: Int
        /// Channel, LockBox, JobStatus, Stream or SeqBox.
        public var subtype: String
        /// nil: no ` created at`; empty: printed with an empty location (corrupt dumps).
        public var createdAt: String?
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a status.
        public init(id: HexNumber, referenceCount: Int, subtype: String, createdAt: String?, position: LogPosition? = nil) {
            self.id = id
            self.referenceCount = referenceCount
            self.subtype = subtype
            self.createdAt = createdAt
            self.position = position
        }
    }

    /// One leaked `Feature #<hex>` line.
    public struct Feature: Sendable, Equatable {
        /// The id after `#` (hex).
        public var id: HexNumber
        /// `owner=#<hex>`; nil when not printed (the Feature embedded in a Channel or LockBox).
        public var owner: HexNumber?
        /// nil: no ` created at`.
        public var createdAt: String?
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a feature.
        public init(id: HexNumber, owner: HexNumber?, createdAt: String? = nil, position: LogPosition? = nil) {
            self.id = id
            self.owner = owner
            self.createdAt = createdAt
            self.position = position
        }
    }

    /// JobStatus objects, newest first.
    public var statuses: [Status]
    /// Features, newest first.
    public var features: [Feature]
    /// Whether the JobStatus section's `total` line was printed (a dump cut off by a crash has none).
    public var statusTotalPrinted: Bool
    /// Whether the Feature section's `total` line was printed.
    public var featureTotalPrinted: Bool

    /// Creates a dump.
    public init(statuses: [Status], features: [Feature], statusTotalPrinted: Bool = true, featureTotalPrinted: Bool = true) {
        self.statuses = statuses
        self.features = features
        self.statusTotalPrinted = statusTotalPrinted
        self.featureTotalPrinted = featureTotalPrinted
    }
}
