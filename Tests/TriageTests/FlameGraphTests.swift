import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// The flame-graph tree merges the stacks of real profiler and C++ heap reports into a tree
/// whose widths add up, stays small when pruned, and carries both sides of a diff.
@Suite struct FlameGraphTests {
    /// Every node is as wide as the larger side of the stacks ending there plus its children, and
    /// each child is one level below its parent and listed after it.
    static func expectConsistent(_ graph: FlameGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let broken = graph.nodes.indices.filter { index in
            let node = graph.nodes[index]
            let children = node.children.map { graph.nodes[$0] }
            return !node.children.allSatisfy { $0 > index }
                || !children.allSatisfy { $0.depth == node.depth + 1 }
                || Set(children.map(\.frame)).count != children.count  // siblings are distinct frames
                || children.map(\.width).reduce(0, +) > node.width
                || node.width < max(node.head.bytes, node.base.bytes)
                || children.map(\.head.bytes).reduce(0, +) > node.head.bytes
        }
        #expect(broken.isEmpty, "inconsistent nodes \(broken.prefix(5))", sourceLocation: sourceLocation)
    }

    @Test func theBigProfilerLogIsOneTreeOfAllItsBytes() throws {
        let report = try Fixtures.analyse([try Fixtures.corpus("big_profiler.log.gz")])
        let graph = FlameGraph(report, detector: .profiler)
        #expect(graph.root.head.bytes == report.summary[.profiler]?.bytes)
        #expect(graph.root.head.count == report.summary[.profiler]?.occurrences)
        #expect(graph.root.width == graph.root.head.bytes)
        #expect(graph.depth == report.findings.map(\.stack.count).max())
        // 24,001 leaks on 21 distinct stacks: a node per distinct frame path, at most one per frame.
        #expect(graph.nodes.count <= report.findings.map(\.stack.count).reduce(1, +))
        Self.expectConsistent(graph)
    }

    @Test func aTestSuiteRunIsATreeOfEveryLeakWithAStack() throws {
        let report = try Fixtures.analyse([try Fixtures.suite("dt_decs_prof.log.gz")])
        let graph = FlameGraph(report, detector: .profiler)
        let withStacks = report.findings.filter { $0.detector == .profiler && !$0.stack.isEmpty }
        #expect(withStacks.count > 500)
        #expect(graph.root.head.bytes == withStacks.compactMap(\.bytes).reduce(0, +))
        #expect(graph.root.head.count == withStacks.map(\.count).reduce(0, +))
        // A few leaks come without a stack; they are in the totals, not in the tree.
        #expect(graph.root.head.count < report.summary[.profiler]?.occurrences ?? 0)
        // Each test file runs in its own context: many outermost frames, not one `main`.
        #expect(graph.root.children.count > 10)
        Self.expectConsistent(graph)
    }

    @Test func twoRunsOfTheSameSuiteDifferWhereTheirStacksDo() throws {
        let base = try Fixtures.analyse([try Fixtures.suite("dt_decs_prof.log.gz")])
        let head = try Fixtures.analyse([try Fixtures.suite("dt_decs_prof_r2.log.gz")])
        let graph = FlameGraph(DiffEngine.diff(base: base, head: head), detector: .profiler)
        let stackBytes = { (report: LeakReport) in FlameGraph.stacks(of: report.findings, detector: .profiler).map(\.weight.bytes).reduce(0, +) }
        #expect(graph.root.base.bytes == stackBytes(base))
        #expect(graph.root.head.bytes == stackBytes(head))
        let changed = graph.nodes.filter { $0.head.bytes != $0.base.bytes }
        #expect(!changed.isEmpty && changed.count < graph.nodes.count, "some stacks changed, not all")
        Self.expectConsistent(graph)
    }

    @Test func stacksThatShareCallersShareNodes() throws {
        let report = try Fixtures.analyse([try Fixtures.corpus("combined_all.log")])
        let graph = FlameGraph(report, detector: .profiler)
        let stacks = FlameGraph.stacks(of: report.findings, detector: .profiler)
        // Under the root, one node per distinct outermost frame, holding the bytes of its stacks.
        let outermost = Dictionary(grouping: stacks) { FlameGraph.Frame($0.frames[$0.frames.count - 1]) }
        let top = graph.root.children.map { graph.nodes[$0] }
        #expect(top.count == outermost.count)
        for node in top {
            #expect(node.head.bytes == outermost[node.frame]?.map(\.weight.bytes).reduce(0, +))
        }
        #expect(top.first?.frame.function == "main")
        // Each finding's stack ends at exactly one node, one frame deeper than it is long.
        for stack in stacks {
            let ends = graph.nodes.filter { $0.findings.contains(stack.finding ?? "") }
            #expect(ends.map(\.depth) == [stack.frames.count])
        }
        Self.expectConsistent(graph)
    }

    @Test func mangledNamesAndOffsetsMerge() {
        let frame = FlameGraph.Frame(StackFrame(function: "das::Foo::bar(int)+0x5a3", library: "/opt/lib/libx.so"))
        #expect(frame == FlameGraph.Frame(StackFrame(function: "das::Foo::bar(int)+0x26f", library: "/other/lib/libx.so")))
        #expect(frame.function == "das::Foo::bar(int)" && frame.library == "libx.so")
        #expect(FlameGraph.Frame(StackFrame(function: "builtin`push`3472358209330120892")).function == "builtin`push")
        #expect(FlameGraph.Frame(StackFrame(function: nil)).function == "?")
    }

    @Test(arguments: [1, 10, 50])
    func pruningKeepsTheWidestNodesAndTheTotal(limit: Int) throws {
        let report = try Fixtures.analyse([try Fixtures.corpus("rwdi_combined_all.log")])
        let graph = FlameGraph(report, detector: .cppHeap)
        #expect(graph.nodes.count > 50)
        let pruned = graph.keepingWidest(limit)
        #expect(pruned.nodes.count == limit)
        #expect(pruned.root.head == graph.root.head && pruned.root.width == graph.root.width)
        let narrowestKept = pruned.nodes.map(\.width).min() ?? 0
        #expect(graph.nodes.filter { $0.width > narrowestKept }.count <= limit)
        Self.expectConsistent(pruned)
    }

    @Test func aDrawingStaysWithinItsFrameLimit() throws {
        // 2,000 distinct stacks (some 60,000 frames): the real stacks of the big profiler log, each under its own caller.
        let report = try Fixtures.analyse([try Fixtures.corpus("big_profiler.log.gz")])
        let real = FlameGraph.stacks(of: report.findings, detector: .profiler)
        let stacks = (0..<2_000).map { index in
            let stack = real[index % real.count]
            return FlameGraph.Stack(frames: stack.frames + [StackFrame(function: "caller_\(index)")], weight: stack.weight)
        }
        let graph = FlameGraph(rootName: "profiler", head: stacks)
        #expect(graph.nodes.count > FlameGraphSVG.nodeLimit)
        let svg = FlameGraphSVG(graph, mode: .leaked).render(title: "t", caption: "c")
        #expect(svg.components(separatedBy: "class=\"fg-n\"").count - 1 == FlameGraphSVG.nodeLimit)
    }

    @Test func aDiffTreeCarriesBothSides() throws {
        let base = try Fixtures.analyse([try Fixtures.corpus("rwdi_no_dump_leaks.log")])
        let head = try Fixtures.analyse([try Fixtures.corpus("rwdi_combined_all.log")])
        let graph = FlameGraph(DiffEngine.diff(base: base, head: head), detector: .cppHeap)
        #expect(graph.root.base.bytes == base.summary[.cppHeap]?.bytes)
        #expect(graph.root.head.bytes == head.summary[.cppHeap]?.bytes)
        #expect(graph.nodes.contains { $0.head.bytes == 0 && $0.base.bytes > 0 })
        #expect(graph.nodes.contains { $0.base.bytes == 0 && $0.head.bytes > 0 })
        Self.expectConsistent(graph)
    }
}
