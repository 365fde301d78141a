import LeakModel

/// dasHV handles still registered at module shutdown, grouped per type.
public struct HandleRegistryDump: Sendable, Equatable {
    public struct Handle: Sendable, Equatable {
        public var index: Int
        public var generation: Int
        public var referenceCount: Int
        public var position: LogPosition?

        public init(index: Int, generation: Int, referenceCount: Int, position: LogPosition? = nil) {
            self.index = index
            self.generation = generation
            self.referenceCount = referenceCount
            self.position = position
        }
    }

    public struct Group: Sendable, Equatable {
        public var type: String
        /// Whether the handle lines print `<Type>` (some renderings drop it).
        public var typedLines: Bool
        public var handles: [Handle]
        /// Whether the group's `total` line was printed.
        public var totalPrinted: Bool

        public init(type: String, typedLines: Bool = true, handles: [Handle], totalPrinted: Bool = true) {
            self.type = type
            self.typedLines = typedLines
            self.handles = handles
            self.totalPrinted = totalPrinted
        }
    }

    public var groups: [Group]

    public init(groups: [Group]) {
        self.groups = groups
    }
}
