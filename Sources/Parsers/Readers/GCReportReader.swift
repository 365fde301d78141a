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
    /// The report as read, when reports are recorded.
    private var report: GCReport?

    /// Opens the report of a `gcLeakHeader` line.
    func begin(phase: GCPhase, declaredCount: Int, position: LogPosition, context: ReportReaderContext) {
        self.phase = phase
        report = context.recordReports ? GCReport(phase: phase, roots: []) : nil
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
        case let .gcRoot(address, count):
            report?.roots.append(GCReport.Root(address: address, nodes: []))
            checkRootFilled(position, context: context)
            rootsSeen += 1
            rootCountSum &+= count
            currentRootCount = count
            nodesInCurrentRoot = 0
        case let .gcNode(address, id, type, magic, location):
            if report != nil {
                if report?.roots.isEmpty == true { report?.roots.append(GCReport.Root(address: HexNumber(0), nodes: [])) }
                let node = GCReport.Node(address: address, id: id, type: type, magic: magic, location: location, position: position)
                if let last = report?.roots.indices.last { report?.roots[last].nodes.append(node) }
            }
            nodesSeen += 1
            nodesInCurrentRoot += 1
            // A node listed again with the same id, type and location is the same node.
            if seenNodes.insert(id: id, type: type, location: location) {
                context.emit(.occurrence(Occurrence(
                    .gcNode(type: type, phase: phase, id: id), location: SourceLocation(parsing: location), position: position)))
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

    func close(at position: LogPosition?, context: ReportReaderContext) -> ReportState? {
        defer { report = nil }
        checkRootFilled(position ?? headerPosition, context: context)
        let where_ = "GC \(phase == .compile ? "COMPILE" : "APP") LEAK report"
        if nodesSeen == 0, declaredCount > 0 {
            // No node lines followed: the header's count stands for the nodes.
            let unlisted = declaredCount - seenNodes.count
            if unlisted > 0 {
                context.emit(.occurrence(Occurrence(.gcNode(type: nil, phase: phase, id: nil), count: unlisted,
                                                    position: headerPosition)))
            }
            context.diagnose(.warning, headerPosition, "\(kind: where_) announces \(declaredCount) node(s) but lists none",
                             untrustworthy: true)
        } else if nodesSeen != declaredCount || (rootsSeen > 0 && rootCountSum != declaredCount) {
            context.diagnose(.warning, headerPosition,
                             "\(kind: where_) announces \(declaredCount) node(s) but \(nodesSeen) were listed (truncated or interleaved)",
                             untrustworthy: true)
        }
        return report.map(ReportState.gc)
    }

    private func checkRootFilled(_ position: LogPosition, context: ReportReaderContext) {
        if rootsSeen > 0, nodesInCurrentRoot != currentRootCount {
            context.diagnose(.warning, position,
                             "gc_root announced \(currentRootCount) node(s) but \(nodesInCurrentRoot) were listed",
                             untrustworthy: true)
        }
    }
}
