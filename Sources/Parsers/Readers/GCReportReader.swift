import LeakModel

/// Reads a `GC … LEAK` report: the header's count, the roots and the nodes under them. GC
/// reports are cumulative, so a node becomes an occurrence only the first time the input lists it.
final class GCReportReader: ReportReader {
    private var phase: GCPhase = .compile
    private var declaredCount = 0
    private var headerPosition = LogPosition(input: 0, line: 0)
    private var rootCountSum = 0
    private var currentRootCount = 0
    private var nodesInCurrentRoot = 0
    private var nodesSeen = 0
    private var rootsSeen = 0
    /// The nodes of every report of the input so far.
    private var seenNodes = SeenGCNodes()

    /// Opens the report of a `gcLeakHeader` line.
    func begin(phase: GCPhase, declaredCount: Int, position: LogPosition) {
        self.phase = phase
        self.declaredCount = declaredCount
        headerPosition = position
        rootCountSum = 0
        currentRootCount = 0
        nodesInCurrentRoot = 0
        nodesSeen = 0
        rootsSeen = 0
    }

    private var isComplete: Bool {
        rootsSeen > 0 && nodesSeen >= declaredCount && nodesInCurrentRoot >= currentRootCount
    }

    func read(_ content: UnsafeRawBufferPointer, marker: LogMarker?, position: LogPosition,
              context: ReportReaderContext) -> ReportReaderContent {
        .notTaken
    }

    func read(_ line: ReportLine, marker: LogMarker?, position: LogPosition, context: ReportReaderContext) -> ReportReaderTake {
        switch line {
        case let .gcRoot(_, count):
            checkRootFilled(position, context: context)
            rootsSeen += 1
            rootCountSum &+= count
            currentRootCount = count
            nodesInCurrentRoot = 0
        case let .gcNode(_, id, type, _, location):
            nodesSeen += 1
            nodesInCurrentRoot += 1
            // A node listed again with the same id, type and location is the same node.
            if seenNodes.insert(id: id, type: type, location: location) {
                context.emit(.occurrence(Occurrence(
                    detector: .gcNode, kind: type, location: SourceLocation(parsing: location), position: position,
                    identity: String(id), context: phase.rawValue)))
            }
        default:
            return .notTaken
        }
        return .taken
    }

    func endsReport(unrelatedLineAt position: LogPosition, context: ReportReaderContext) -> Bool {
        isComplete
    }

    var endsBeforeTestRunnerLine: Bool { false }

    func halfRecognised(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> String? {
        isComplete ? nil : classifier.halfRecognised(content, inside: .gc)
    }

    func close(at position: LogPosition?, context: ReportReaderContext) {
        checkRootFilled(position ?? headerPosition, context: context)
        let where_ = "GC \(phase == .compile ? "COMPILE" : "APP") LEAK report"
        if nodesSeen == 0, declaredCount > 0 {
            // No node lines followed: the header's count stands for the nodes.
            let unlisted = declaredCount - seenNodes.count
            if unlisted > 0 {
                context.emit(.occurrence(Occurrence(detector: .gcNode, kind: "gc_node", count: unlisted,
                                                    position: headerPosition, context: phase.rawValue)))
            }
            context.diagnose(.warning, headerPosition, "\(kind: where_) announces \(declaredCount) node(s) but lists none",
                             untrustworthy: true)
        } else if nodesSeen != declaredCount || (rootsSeen > 0 && rootCountSum != declaredCount) {
            context.diagnose(.warning, headerPosition,
                             "\(kind: where_) announces \(declaredCount) node(s) but \(nodesSeen) were listed (truncated or interleaved)",
                             untrustworthy: true)
        }
    }

    private func checkRootFilled(_ position: LogPosition, context: ReportReaderContext) {
        if rootsSeen > 0, nodesInCurrentRoot != currentRootCount {
            context.diagnose(.warning, position,
                             "gc_root announced \(currentRootCount) node(s) but \(nodesInCurrentRoot) were listed",
                             untrustworthy: true)
        }
    }
}
