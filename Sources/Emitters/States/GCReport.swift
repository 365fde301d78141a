import LeakModel

/// The gc_node survivors of one thread root at a check point.
public struct GCReport: Sendable, Equatable {
    /// One `gc_root` and its nodes.
    public struct Root: Sendable, Equatable {
        public var address: HexNumber
        public var nodes: [Node]

        public init(address: HexNumber, nodes: [Node]) {
            self.address = address
            self.nodes = nodes
        }
    }

    /// One surviving node.
    public struct Node: Sendable, Equatable {
        public var address: HexNumber
        public var id: Int
        public var type: String
        public var magic: HexNumber
        /// `file:line:col`, or empty when unknown (the line then ends with a space).
        public var location: String
        public var position: LogPosition?

        public init(address: HexNumber, id: Int, type: String, magic: HexNumber, location: String, position: LogPosition? = nil) {
            self.address = address
            self.id = id
            self.type = type
            self.magic = magic
            self.location = location
            self.position = position
        }
    }

    /// After compile or after execution.
    public var phase: GCPhase
    /// The roots.
    public var roots: [Root]

    public init(phase: GCPhase, roots: [Root]) {
        self.phase = phase
        self.roots = roots
    }
}
