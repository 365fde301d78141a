/// dasHV handles still registered at module shutdown, grouped per type.
public struct HandleRegistryDump: Sendable, Equatable {
    /// One leaked handle line.
    public struct Handle: Sendable, Equatable {
        /// `idx=`, the handle's slot in the registry.
        public var index: Int
        /// `gen=`, the slot's generation.
        public var generation: Int
        /// `rc=`: 1 when the registry is the only owner, more when another strong reference keeps it.
        public var referenceCount: Int
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a handle.
        public init(index: Int, generation: Int, referenceCount: Int, position: LogPosition? = nil) {
            self.index = index
            self.generation = generation
            self.referenceCount = referenceCount
            self.position = position
        }
    }

    /// The handles of one type and their `total` line.
    public struct Group: Sendable, Equatable {
        /// The handle type (`WebSocketClient`, …), from `<TypeName>` or the `total` line.
        public var type: String
        /// Whether the handle lines print `<Type>` (some renderings drop it).
        public var typedLines: Bool
        /// Leaked handles, in printed order.
        public var handles: [Handle]
        /// Whether the group's `total` line was printed.
        public var totalPrinted: Bool

        /// Creates a group.
        public init(type: String, typedLines: Bool = true, handles: [Handle], totalPrinted: Bool = true) {
            self.type = type
            self.typedLines = typedLines
            self.handles = handles
            self.totalPrinted = totalPrinted
        }
    }

    /// One group per type, in printed order.
    public var groups: [Group]

    /// Creates a dump.
    public init(groups: [Group]) {
        self.groups = groups
    }
}
