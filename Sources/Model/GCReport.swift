/// The gc_node survivors of one thread root at a check point.
public struct GCReport: Sendable, Equatable {
    /// One `gc_root` and its nodes.
    public struct Root: Sendable, Equatable {
        /// The root's address.
        public var address: HexNumber
        /// Its surviving nodes, in printed order.
        public var nodes: [Node]

        /// Creates a root.
        public init(address: HexNumber, nodes: [Node]) {
            self.address = address
            self.nodes = nodes
        }
    }

    /// One surviving node.
    public struct Node: Sendable, Equatable {
        /// The node's address.
        public var address: HexNumber
        /// `id=`, decimal: the only thing that tells nodes of one type and location apart.
        public var id: Int
        /// `type=`: TypeDecl, Expression, Function, ….
        public var type: String
        /// `magic=0x<8 hex>`.
        public var magic: HexNumber
        /// `file:line:col`, or empty when unknown (the line then ends with a space).
        public var location: String
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a node.
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

    /// Creates a report.
    public init(phase: GCPhase, roots: [Root]) {
        self.phase = phase
        self.roots = roots
    }
}
