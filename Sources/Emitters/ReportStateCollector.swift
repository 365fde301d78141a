import LeakModel

/// Rebuilds detector states from the typed lines a parser recognised, so that a log can be
/// printed again through the reference emitters, whole or filtered.
public struct ReportStateCollector: Sendable {
    private var states: [ReportState] = []
    private var current: ReportState?
    private var heapInStrings = false
    private var pendingHandleType: String?

    /// Creates an empty collector.
    public init() {}

    /// Takes the next recognised line (lines that are not part of a report, such as panics, are ignored).
    public mutating func add(_ recognized: RecognizedLine) {
        let position = recognized.position
        switch recognized.line {
        case let .profilerHeader(context, _, _):
            start(.profiler(ProfilerBlock(context: context, allocations: [], marker: recognized.marker)))
        case let .profilerLeak(size):
            guard case var .profiler(block) = current else { return }
            block.allocations.append(ProfilerBlock.Allocation(size: size, frames: [], position: position))
            current = .profiler(block)
        case let .profilerFrame(function, location):
            guard case var .profiler(block) = current, !block.allocations.isEmpty else { return }
            block.allocations[block.allocations.count - 1].frames.append(ProfilerBlock.Frame(function: function, location: location))
            current = .profiler(block)
        case .heapReportHeader:
            start(.heap(HeapReport(heap: HeapBody(), strings: HeapBody())))
            heapInStrings = false
        case .stringHeapReportHeader:
            if case .heap = current, !heapInStrings {
                heapInStrings = true
            } else {
                start(.heap(HeapReport(heap: HeapBody(), strings: HeapBody())))
                heapInStrings = true
            }
        case .decksHeader, .stringDecksHeader, .deckRange, .deckCounts, .decksReserves, .bigStuffHeader, .bigStuffColumns,
             .bigStuffRow, .bytesPerLocationHeader, .bytesPerLocation, .linearChunk, .heapString, .stringBigStuffRow,
             .stringBigStuffTotal:
            addHeapLine(recognized.line, position: position)
        case let .gcLeakHeader(phase, _):
            start(.gc(GCReport(phase: phase, roots: [])))
        case let .gcRoot(address, _):
            guard case var .gc(report) = current else { return }
            report.roots.append(GCReport.Root(address: address, nodes: []))
            current = .gc(report)
        case let .gcNode(address, id, type, magic, location):
            guard case var .gc(report) = current else { return }
            if report.roots.isEmpty { report.roots.append(GCReport.Root(address: HexNumber(0), nodes: [])) }
            report.roots[report.roots.count - 1].nodes.append(
                GCReport.Node(address: address, id: id, type: type, magic: magic, location: location, position: position))
            current = .gc(report)
        case let .smartPointerFatal(count, silenced):
            start(.smartPointers(SmartPointerDump(pointers: [], silencedCount: silenced ? count : nil, totalPrinted: false)))
        case let .smartPointer(address, rc, id, description):
            guard case var .smartPointers(dump) = current else { return }
            dump.pointers.append(SmartPointerDump.Pointer(address: address, referenceCount: rc, id: id, description: description,
                                                          position: position))
            current = .smartPointers(dump)
        case .smartPointerTotal:
            guard case var .smartPointers(dump) = current else { return }
            dump.totalPrinted = true
            current = .smartPointers(dump)
        case .jobStatusTotal:
            guard case var .jobQueue(dump) = current else { return }
            dump.statusTotalPrinted = true
            current = .jobQueue(dump)
        case .featureTotal:
            guard case var .jobQueue(dump) = current else { return }
            dump.featureTotalPrinted = true
            current = .jobQueue(dump)
        case let .jobStatus(id, rc, subtype, createdAt):
            var dump = currentJobQueue(startingStatuses: true)
            dump.statusTotalPrinted = false
            dump.statuses.append(JobQueueDump.Status(id: id, referenceCount: rc, subtype: subtype, createdAt: createdAt, position: position))
            current = .jobQueue(dump)
        case let .feature(id, owner, createdAt):
            var dump = currentJobQueue(startingStatuses: false)
            dump.featureTotalPrinted = false
            dump.features.append(JobQueueDump.Feature(id: id, owner: owner, createdAt: createdAt, position: position))
            current = .jobQueue(dump)
        case let .handle(type, index, generation, rc):
            addHandle(type: type, HandleRegistryDump.Handle(index: index, generation: generation, referenceCount: rc, position: position))
        case let .handleTotal(_, type):
            guard case var .handles(dump) = current, !dump.groups.isEmpty else { return }
            dump.groups[dump.groups.count - 1].type = type
            dump.groups[dump.groups.count - 1].totalPrinted = true
            current = .handles(dump)
            pendingHandleType = type
        case .cppReportHeader:
            start(.cppHeap(CppHeapReport(sites: [], endPrinted: false)))
        case .cppSummary, .cppSite, .cppSamplePointer, .cppFrame, .cppBlank, .cppReportEnd:
            addCppLine(recognized.line, position: position)
        case let .jobTracking(decimal):
            start(.trace(TraceSummary(id: HexNumber(UInt64(max(0, decimal))), subtype: "", events: [])))
        case let .jobTrace(id, subtype, operation, rc, location):
            let event = TraceEvent(id: id, subtype: subtype, operation: operation, referenceCountBefore: rc,
                                   location: SourceLocation(parsing: location), position: position)
            if case var .trace(trace) = current, trace.events.isEmpty || trace.id == id {
                trace.id = id
                trace.subtype = subtype
                trace.events.append(event)
                current = .trace(trace)
            } else {
                start(.trace(TraceSummary(id: id, subtype: subtype, events: [event])))
            }
        case .gcBreak, .smartPointerTracking, .exception, .exceptionLocation, .atexitFatal, .crash, .unknownOption, .badJobStatusID:
            break
        }
    }

    /// Every report, in log order.
    public mutating func finish() -> [ReportState] {
        if let current { states.append(current) }
        current = nil
        return states
    }

    private mutating func start(_ state: ReportState) {
        if let current { states.append(current) }
        current = state
        pendingHandleType = nil
    }

    private mutating func currentJobQueue(startingStatuses: Bool) -> JobQueueDump {
        if case let .jobQueue(dump) = current {
            // A section closed by its total line starts over with the next entry of that section.
            let continues = startingStatuses
                ? dump.features.isEmpty && !(dump.statusTotalPrinted && !dump.statuses.isEmpty)
                : !(dump.featureTotalPrinted && !dump.features.isEmpty)
            if continues { return dump }
        }
        start(.jobQueue(JobQueueDump(statuses: [], features: [])))
        return JobQueueDump(statuses: [], features: [])
    }

    private mutating func addHandle(type: String?, _ handle: HandleRegistryDump.Handle) {
        var dump: HandleRegistryDump
        if case let .handles(existing) = current {
            dump = existing
        } else {
            start(.handles(HandleRegistryDump(groups: [])))
            dump = HandleRegistryDump(groups: [])
        }
        let closed = pendingHandleType != nil
        if dump.groups.isEmpty || closed || (type != nil && dump.groups[dump.groups.count - 1].type != type && dump.groups[dump.groups.count - 1].typedLines) {
            dump.groups.append(HandleRegistryDump.Group(type: type ?? "", typedLines: type != nil, handles: [], totalPrinted: false))
            pendingHandleType = nil
        }
        dump.groups[dump.groups.count - 1].handles.append(handle)
        current = .handles(dump)
    }

    private mutating func addHeapLine(_ line: ReportLine, position: LogPosition) {
        guard case var .heap(report) = current else { return }
        var body = heapInStrings ? report.strings : report.heap
        switch line {
        case let .decksHeader(size), let .stringDecksHeader(size):
            body.decks.append(HeapBody.DeckClass(size: size, chunks: []))
        case let .deckRange(from, to):
            guard !body.decks.isEmpty else { return }
            body.decks[body.decks.count - 1].chunks.append(
                HeapBody.DeckChunk(from: from, to: to, allocated: 0, total: 0, totalBytes: 0, position: position))
        case let .deckCounts(allocated, total, _, totalBytes):
            guard let deck = body.decks.indices.last, let chunk = body.decks[deck].chunks.indices.last else { return }
            body.decks[deck].chunks[chunk].allocated = allocated
            body.decks[deck].chunks[chunk].total = total
            body.decks[deck].chunks[chunk].totalBytes = totalBytes
            body.decks[deck].chunks[chunk].position = position
        case let .decksReserves(kilobytes, chunks):
            guard !body.decks.isEmpty else { return }
            body.decks[body.decks.count - 1].reserves = (kilobytes, chunks)
        case .bigStuffHeader:
            if heapInStrings { body.bigStrings = [] } else { body.blocks = [] }
        case .bigStuffColumns:
            break
        case let .bigStuffRow(size, pointer, id, comment, location):
            body.blocks = (body.blocks ?? []) + [HeapBody.Block(size: size, pointer: pointer, id: id, comment: comment,
                                                                 location: location, position: position)]
        case .bytesPerLocationHeader:
            body.bytesPerLocation = []
        case let .bytesPerLocation(bytes, location):
            body.bytesPerLocation = (body.bytesPerLocation ?? []) + [(location, bytes)]
        case let .linearChunk(address, used, size):
            body.linearChunks.append(HeapBody.LinearChunk(address: address, used: used, size: size, position: position))
        case let .heapString(text, indent):
            if indent == 1, !body.linearChunks.isEmpty {
                body.linearChunks[body.linearChunks.count - 1].strings.append(text)
            } else if let deck = body.decks.indices.last, let chunk = body.decks[deck].chunks.indices.last {
                body.decks[deck].chunks[chunk].strings.append(text)
            }
        case let .stringBigStuffRow(text, size, address):
            body.bigStrings = (body.bigStrings ?? []) + [HeapBody.BigString(text: text, size: size, address: address, position: position)]
        case let .stringBigStuffTotal(kilobytes):
            body.bigStringsKilobytes = kilobytes
        default:
            return
        }
        if heapInStrings { report.strings = body } else { report.heap = body }
        current = .heap(report)
    }

    private mutating func addCppLine(_ line: ReportLine, position: LogPosition) {
        guard case var .cppHeap(report) = current else { return }
        switch line {
        case let .cppSummary(field, value):
            if field == .orphanFrees { report.orphanFrees = value }
        case let .cppSite(_, allocations, bytes, min, max, mean):
            report.sites.append(CppHeapReport.Site(allocations: allocations, bytes: bytes, minimum: min, maximum: max, mean: mean,
                                                   samplePointer: HexNumber(0), frames: [], position: position))
        case let .cppSamplePointer(pointer):
            guard !report.sites.isEmpty else { return }
            report.sites[report.sites.count - 1].samplePointer = pointer
        case let .cppFrame(address, symbol, library):
            guard !report.sites.isEmpty else { return }
            report.sites[report.sites.count - 1].frames.append(CppHeapReport.Frame(address: address, symbol: symbol, library: library))
        case let .cppReportEnd(_, _, seconds):
            report.symbolizeSeconds = seconds
            report.endPrinted = true
        default:
            return
        }
        current = .cppHeap(report)
    }
}
