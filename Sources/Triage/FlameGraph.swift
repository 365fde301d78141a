import LeakModel

/// Leaked bytes by call stack: the stacks of a run's findings merged into one tree, outermost
/// frame at the top, so that a flame graph can draw each frame as wide as the bytes leaked
/// under it. Two runs can share one tree (``init(base:head:detector:)``): every node then
/// carries both sides' bytes, for a graph of byte deltas.
///
/// Frames merge when they show the same function at the same place: a function's name without
/// daslang's mangling hash or a C++ `+0x` offset, with its source location or its library.
/// Findings already merge identical stacks (24,001 profiler leaks make 21 findings), so a
/// tree costs one node per distinct frame path, not per leak.
public struct FlameGraph: Sendable, Equatable {
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

        /// The frame a report's stack frame is drawn as.
        public init(_ frame: StackFrame) {
            let function = frame.function.map { Fingerprinter.normalizedFunction($0) } ?? "?"
            self.init(function: function.isEmpty ? "?" : function, location: frame.location?.description,
                      library: frame.library.map { String($0.split(separator: "/").last ?? Substring($0)) })
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

        mutating func add(_ other: Weight) {
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
    }

    /// One stack and what leaked at it.
    public struct Stack: Sendable {
        /// The call stack, leaf first, as reports print it.
        public var frames: [StackFrame]
        /// What leaked there.
        public var weight: Weight
        /// The fingerprint of the finding the stack is from, if any.
        public var finding: String?

        /// Creates a stack.
        public init(frames: [StackFrame], weight: Weight, finding: String? = nil) {
            self.frames = frames
            self.weight = weight
            self.finding = finding
        }
    }

    /// Every node; `nodes[0]` is the root.
    public private(set) var nodes: [Node]

    /// The root node: the whole graph.
    public var root: Node { nodes[0] }

    /// The deepest node's depth.
    public var depth: Int { nodes.map(\.depth).max() ?? 0 }

    /// The tree of `head` stacks and, for a diff, `base` stacks, under a root named `rootName`.
    public init(rootName: String, head: [Stack], base: [Stack] = []) {
        var builder = Builder(rootName: rootName)
        for stack in head { builder.add(stack, toHead: true) }
        for stack in base { builder.add(stack, toHead: false) }
        nodes = builder.finished()
    }

    /// The graph of `detector`'s findings in `report` that have a stack.
    public init(_ report: LeakReport, detector: Detector) {
        self.init(rootName: detector.rawValue, head: Self.stacks(of: report.findings, detector: detector))
    }

    /// The graph of byte deltas of `detector` between the two runs of `diff`.
    public init(_ diff: LeakDiff, detector: Detector) {
        self.init(rootName: detector.rawValue, head: Self.stacks(of: diff.head.findings, detector: detector),
                  base: Self.stacks(of: diff.base.findings, detector: detector))
    }

    /// The stacks of `detector`'s findings with a stack and bytes; known non-leaks included,
    /// since they hold memory too.
    public static func stacks(of findings: [Finding], detector: Detector) -> [Stack] {
        findings.compactMap { finding in
            guard finding.detector == detector, !finding.stack.isEmpty, let bytes = finding.bytes else { return nil }
            return Stack(frames: finding.stack, weight: Weight(bytes: bytes, count: finding.count), finding: finding.fingerprint)
        }
    }

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

    /// Merges stacks into nodes, then fixes widths and child order.
    private struct Builder {
        var nodes: [Node]
        var childIndex: [[Frame: Int]] = [[:]]
        /// The larger side's bytes of stacks ending at each node, per side.
        var ending: [(head: Int, base: Int)] = [(0, 0)]

        init(rootName: String) {
            nodes = [Node(frame: Frame(function: rootName), depth: 0, head: Weight(), base: Weight(), width: 0, children: [], findings: [])]
        }

        mutating func add(_ stack: Stack, toHead: Bool) {
            var current = 0
            addWeight(stack.weight, to: current, toHead: toHead)
            for frame in stack.frames.reversed().map(Frame.init) {
                if let child = childIndex[current][frame] {
                    current = child
                } else {
                    let child = nodes.count
                    nodes.append(Node(frame: frame, depth: nodes[current].depth + 1, head: Weight(), base: Weight(), width: 0, children: [], findings: []))
                    childIndex.append([:])
                    ending.append((0, 0))
                    childIndex[current][frame] = child
                    nodes[current].children.append(child)
                    current = child
                }
                addWeight(stack.weight, to: current, toHead: toHead)
            }
            if let finding = stack.finding, !nodes[current].findings.contains(finding) { nodes[current].findings.append(finding) }
            if toHead {
                ending[current].head = ending[current].head.addingSaturated(stack.weight.bytes)
            } else {
                ending[current].base = ending[current].base.addingSaturated(stack.weight.bytes)
            }
        }

        private mutating func addWeight(_ weight: Weight, to index: Int, toHead: Bool) {
            if toHead { nodes[index].head.add(weight) } else { nodes[index].base.add(weight) }
        }

        /// Widths bottom-up (children always have larger indices than their parent), then
        /// children ordered widest first, by name on ties, so output is deterministic.
        mutating func finished() -> [Node] {
            for index in nodes.indices.reversed() {
                let own = max(ending[index].head, ending[index].base)
                nodes[index].width = nodes[index].children.reduce(own) { $0.addingSaturated(nodes[$1].width) }
            }
            let unsorted = nodes
            for index in nodes.indices {
                nodes[index].children.sort { left, right in
                    let (a, b) = (unsorted[left], unsorted[right])
                    if a.width != b.width { return a.width > b.width }
                    return (a.frame.function, a.frame.location ?? "", a.frame.library ?? "") < (b.frame.function, b.frame.location ?? "", b.frame.library ?? "")
                }
            }
            return nodes
        }
    }
}
