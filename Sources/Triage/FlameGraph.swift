import LeakModel

extension FlameGraph {
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

    /// The tree of `head` stacks and, for a diff, `base` stacks, under a root named `rootName`.
    public init(rootName: String, head: [Stack], base: [Stack] = []) {
        var builder = Builder(rootName: rootName)
        for stack in head { builder.add(stack, toHead: true) }
        for stack in base { builder.add(stack, toHead: false) }
        self.init(nodes: builder.finished())
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

    /// The graphs of `report` a page draws: one per detector of ``FlameGraph/detectors`` whose
    /// findings have stacks with bytes.
    public static func graphs(of report: LeakReport) -> [Detector: FlameGraph] {
        var graphs: [Detector: FlameGraph] = [:]
        for detector in detectors {
            let graph = FlameGraph(report, detector: detector)
            if graph.root.width > 0 { graphs[detector] = graph }
        }
        return graphs
    }

    /// The delta graphs of `diff` a page draws: one per detector of ``FlameGraph/detectors`` whose
    /// findings have stacks on both sides.
    public static func graphs(of diff: LeakDiff) -> [Detector: FlameGraph] {
        var graphs: [Detector: FlameGraph] = [:]
        for detector in detectors {
            guard !stacks(of: diff.base.findings, detector: detector).isEmpty,
                  !stacks(of: diff.head.findings, detector: detector).isEmpty else { continue }
            let graph = FlameGraph(diff, detector: detector)
            if graph.root.width > 0 { graphs[detector] = graph }
        }
        return graphs
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

extension FlameGraph.Frame {
    /// The frame a report's stack frame is drawn as.
    public init(_ frame: StackFrame) {
        let function = frame.function.map { Fingerprinter.normalizedFunction($0) } ?? "?"
        self.init(function: function.isEmpty ? "?" : function, location: frame.location?.description,
                  library: frame.library.map { String($0.split(separator: "/").last ?? Substring($0)) })
    }
}
