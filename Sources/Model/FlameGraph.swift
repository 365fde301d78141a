/// Leaked bytes by call stack: the stacks of a run's findings merged into one tree, outermost
/// frame at the top, so that a flame graph can draw each frame as wide as the bytes leaked
/// under it. Two runs can share one tree (``init(base:head:detector:)``): every node then
/// carries both sides' bytes, for a graph of byte deltas. Triage builds one from findings.
///
/// Frames merge when they show the same function at the same place: a function's name without
/// daslang's mangling hash or a C++ `+0x` offset, with its source location or its library.
/// Findings already merge identical stacks (24,001 profiler leaks make 21 findings), so a
/// tree costs one node per distinct frame path, not per leak.
public struct FlameGraph: Sendable, Equatable {
    /// The detectors whose findings carry call stacks, in the order their graphs are shown.
    public static let detectors: [Detector] = [.profiler, .cppHeap]

    /// What a node shows: one function at one place.
    public struct Frame: Hashable, Sendable {
        /// The function as people read it (mangling hash and offset removed); `?` when unknown.
        public var function: String
        /// `file:line` as the report printed it, when the frame has one.
        public var location: String?
        /// The shared object's file name (C++ frames), when the frame has one.
        public var library: String?

        /// Creates a frame.
        public init(function: String, location: String? = nil, library: String? = nil) {
            self.function = function
            self.location = location
            self.library = library
        }
    }

    /// Leaked bytes and things of one run under a node.
    public struct Weight: Hashable, Sendable {
        /// Live bytes.
        public var bytes: Int
        /// Leaked things (allocations).
        public var count: Int

        /// Creates a weight.
        public init(bytes: Int = 0, count: Int = 0) {
            self.bytes = bytes
            self.count = count
        }

        /// Adds `other`, saturating.
        public mutating func add(_ other: Weight) {
            bytes = bytes.addingSaturated(other.bytes)
            count = count.addingSaturated(other.count)
        }
    }

    /// One frame on one path from the root.
    public struct Node: Sendable, Equatable {
        /// The frame; the root's is the detector's name.
        public var frame: Frame
        /// 0 for the root, 1 for the outermost frames of the stacks.
        public var depth: Int
        /// What the head run (the only run of a single-run graph) leaked under this node.
        public var head: Weight
        /// What the base run leaked under this node; zero in a single-run graph.
        public var base: Weight
        /// How wide the node is drawn: the larger side's bytes of every stack ending here plus
        /// the widths of the children, so that children always fit under their parent (in a
        /// single-run graph, simply ``head``'s bytes).
        public var width: Int
        /// Indices of the children in ``FlameGraph/nodes``, widest first.
        public var children: [Int]
        /// Fingerprints of the findings whose stacks end at this node, in the order merged.
        public var findings: [String]

        /// Creates a node.
        public init(frame: Frame, depth: Int, head: Weight, base: Weight, width: Int, children: [Int], findings: [String]) {
            self.frame = frame
            self.depth = depth
            self.head = head
            self.base = base
            self.width = width
            self.children = children
            self.findings = findings
        }
    }

    /// Every node; `nodes[0]` is the root.
    public private(set) var nodes: [Node]

    /// A graph of `nodes`, the root first and every parent before its children.
    public init(nodes: [Node]) {
        self.nodes = nodes
    }

    /// The root node: the whole graph.
    public var root: Node { nodes[0] }

    /// The deepest node's depth.
    public var depth: Int { nodes.map(\.depth).max() ?? 0 }

    /// The graph limited to its `limit` widest nodes (a node is never dropped before one of its
    /// children, which are never wider), so that a drawing stays small whatever the logs hold.
    /// The parents keep their full widths: what was dropped shows as room under them.
    public func keepingWidest(_ limit: Int) -> FlameGraph {
        guard nodes.count > limit else { return self }
        let order = nodes.indices.sorted { (nodes[$0].width, -nodes[$0].depth, -$0) > (nodes[$1].width, -nodes[$1].depth, -$1) }
        var kept = Set(order.prefix(max(1, limit)))
        kept.insert(0)
        var renumbered: [Int: Int] = [:]
        var pruned: [Node] = []
        // Breadth-first from the root keeps parents before children.
        var queue = [0]
        var next = 0
        while next < queue.count {
            let index = queue[next]
            next += 1
            renumbered[index] = pruned.count
            var node = nodes[index]
            node.children = node.children.filter { kept.contains($0) }
            queue.append(contentsOf: node.children)
            pruned.append(node)
        }
        for index in pruned.indices {
            pruned[index].children = pruned[index].children.compactMap { renumbered[$0] }
        }
        var graph = self
        graph.nodes = pruned
        return graph
    }
}
