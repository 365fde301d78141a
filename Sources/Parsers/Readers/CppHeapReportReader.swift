import LeakModel

/// Reads the RelWithDebInfo C++ heap leak report: its summary, then each leak site with its
/// frames; each site becomes an occurrence of its allocations, and the summary and the end
/// line are checked against the sites listed. Frames are appended in place, never copied.
///
/// Its properties are used on every frame line, and the assembler calls one reader method at a
/// time: `@exclusivity(unchecked)` spares them the run-time access checks of a class's properties.
final class CppHeapReportReader: ReportReader {
    @exclusivity(unchecked) private var headerPosition = LogPosition(input: 0, line: 0)
    @exclusivity(unchecked) private var summary: [CppSummaryField: Int] = [:]
    @exclusivity(unchecked) private var sitesSeen = 0
    @exclusivity(unchecked) private var allocationsSeen = 0
    @exclusivity(unchecked) private var bytesSeen = 0
    @exclusivity(unchecked) private var currentSite: (allocations: Int, bytes: Int, position: LogPosition)?
    @exclusivity(unchecked) private var currentFrames: [CachedFrame] = []
    /// Whether the current site has more frames than are kept.
    @exclusivity(unchecked) private var currentFramesCut = false
    /// Whether the `=== End report` line was read.
    @exclusivity(unchecked) private var ended = false
    @exclusivity(unchecked) private var frames = FrameCache()
    @exclusivity(unchecked) private var stacks = StackInterner()
    /// The report as read, when reports are recorded.
    @exclusivity(unchecked) private var report: CppHeapReport?

    /// Opens the report of a `cppReportHeader` line.
    func begin(position: LogPosition, context: ReportReaderContext) {
        headerPosition = position
        report = context.recordReports ? CppHeapReport(sites: [], endPrinted: false) : nil
        summary = [:]
        sitesSeen = 0
        allocationsSeen = 0
        bytesSeen = 0
        currentSite = nil
        currentFrames = []
        currentFramesCut = false
        ended = false
    }

    func read(_ content: UnsafeRawBufferPointer, marker: LogMarker?, position: LogPosition,
              context: ReportReaderContext) -> ReportReaderContent {
        // Frame lines are most of the report: they skip the classifier once seen.
        if let frame = frame(content, classifier: context.classifier) {
            context.append(frame, to: &currentFrames, cut: &currentFramesCut, position: position)
            if context.recordLines || report != nil, let line = context.classifier.classifyCppBody(content) {
                context.record(line, marker, position)
                addToReport(line)
            }
            return .taken
        }
        guard let line = context.classifier.classifyCppBody(content) else { return .notTaken }
        return .typed(line)
    }

    func read(_ line: ReportLine, marker: LogMarker?, position: LogPosition, context: ReportReaderContext) -> ReportReaderTake {
        if report != nil { addToReport(line, position: position) }
        switch line {
        case let .cppSummary(field, value):
            summary[field] = value
        case let .cppSite(_, allocations, bytes, _, _, _):
            if let site = takeCurrentSite() { context.emit(.occurrence(site)) }
            sitesSeen += 1
            // Wrapping sums: they are only compared with the summary, which a corrupt report may not match.
            allocationsSeen &+= allocations
            bytesSeen &+= bytes
            currentSite = (allocations, bytes, position)
        case let .cppFrame(_, symbol, library):
            context.append(CachedFrame(key: [], frame: StackFrame(function: symbol, location: nil, library: library), line: nil),
                           to: &currentFrames, cut: &currentFramesCut, position: position)
        case .cppSamplePointer, .cppBlank:
            break
        case let .cppReportEnd(leaks, sites, _):
            if let site = takeCurrentSite() { context.emit(.occurrence(site)) }
            checkTotals(leaks: leaks, sites: sites, position: position, context: context)
            ended = true
            return .ends
        default:
            return .notTaken
        }
        return .taken
    }

    func endsReport(unrelatedLineAt position: LogPosition, context: ReportReaderContext) -> Bool { false }

    var endsBeforeTestRunnerLine: Bool { false }

    func halfRecognised(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> String? {
        classifier.halfRecognised(content, inside: .cppReport)
    }

    func close(at position: LogPosition?, context: ReportReaderContext) -> ReportState? {
        defer { report = nil }
        if !ended {
            if let site = takeCurrentSite() { context.emit(.occurrence(site)) }
            checkTotals(leaks: nil, sites: nil, position: headerPosition, context: context)
        }
        return report.map(ReportState.cppHeap)
    }

    /// Adds a line of the report to the report as read.
    private func addToReport(_ line: ReportLine, position: LogPosition? = nil) {
        switch line {
        case let .cppSummary(field, value):
            if field == .orphanFrees { report?.orphanFrees = value }
        case let .cppSite(_, allocations, bytes, min, max, mean):
            report?.sites.append(CppHeapReport.Site(allocations: allocations, bytes: bytes, minimum: min, maximum: max, mean: mean,
                                                    samplePointer: HexNumber(0), frames: [], position: position))
        case let .cppSamplePointer(pointer):
            if let last = report?.sites.indices.last { report?.sites[last].samplePointer = pointer }
        case let .cppFrame(address, symbol, library):
            if let last = report?.sites.indices.last {
                report?.sites[last].frames.append(CppHeapReport.Frame(address: address, symbol: symbol, library: library))
            }
        case let .cppReportEnd(_, _, seconds):
            report?.symbolizeSeconds = seconds
            report?.endPrinted = true
        default:
            break
        }
    }

    private func checkTotals(leaks: Int?, sites: Int?, position: LogPosition, context: ReportReaderContext) {
        var problems: [String] = []
        if let declared = summary[.liveAllocations], declared != allocationsSeen {
            problems.append("\(declared) live allocations announced, \(allocationsSeen) listed")
        }
        if let declared = summary[.bytes], declared != bytesSeen {
            problems.append("\(declared) bytes announced, \(bytesSeen) listed")
        }
        if let declared = summary[.sites], declared != sitesSeen {
            problems.append("\(declared) sites announced, \(sitesSeen) listed")
        }
        if let leaks, leaks != allocationsSeen { problems.append("end line says \(leaks) leaks") }
        if let sites, sites != sitesSeen { problems.append("end line says \(sites) sites") }
        if leaks == nil { problems.append("no End report line (truncated)") }
        if !problems.isEmpty {
            context.diagnose(.warning, position, "C++ heap leak report does not add up: \(problems.joined(separator: "; "))",
                             untrustworthy: true)
        }
    }

    /// The frame of a C++ report's `    0x<address>  <symbol>   (<library>)` line, parsed once per
    /// distinct text after the address (the address changes from run to run, the rest repeats).
    private func frame(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> CachedFrame? {
        let start = ReportLineGrammar.cppFrameStart
        guard ByteText.hasPrefix(content, start) else { return nil }
        var index = start.utf8CodeUnitCount
        while index < content.count, ByteText.isHexDigit(content[index]) { index += 1 }
        guard (7...22).contains(index), index + 2 <= content.count, content[index] == 0x20, content[index + 1] == 0x20 else {
            return nil
        }
        return frames.frame(for: UnsafeRawBufferPointer(rebasing: content[(index + 2)...])) {
            guard let line = classifier.classifyCppBody(content), case let .cppFrame(_, symbol, library) = line else { return nil }
            // The key leaves out the address, so the typed line (which holds it) is not shared.
            return (StackFrame(function: symbol, location: nil, library: library), nil)
        }
    }

    /// Finishes the current site as an occurrence of its allocations; equal stacks share one array.
    private func takeCurrentSite() -> Occurrence? {
        guard let site = currentSite else { return nil }
        let frames = currentFrames
        currentSite = nil
        currentFrames = []
        currentFramesCut = false
        return Occurrence(.cppSite, stack: stacks.stack(of: frames), count: site.allocations, bytes: site.bytes, position: site.position)
    }
}
