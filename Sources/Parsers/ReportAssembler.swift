import LeakModel

/// The state machine that reads one input's cleaned lines, keeps track of the report
/// being printed, turns entries into occurrences, and checks every header count and
/// `total` line against the entries it saw. What it cannot account for becomes a diagnostic.
///
/// A value type: the parser runs it as a local, so its per-line state is not checked for
/// exclusive access at run time, as a class's stored properties would be.
struct ReportAssembler {
    private enum OpenReport {
        case none
        case profiler(ProfilerBlockState)
        case heap(HeapReportState)
        case gc(GCReportState)
        case dump(DumpSectionState)
        case cpp(CppReportState)
    }

    private let input: Int
    private let recordLines: Bool
    private let classifier: ReportLineClassifier
    private let emit: (LogEvent) -> Void
    private var open: OpenReport = .none
    private var pendingException: (inJob: Bool, message: String, position: LogPosition)?
    private var seenGCNodes = SeenGCNodes()
    private var interleavedReported = false
    private var profilerFrames = FrameCache()
    private var cppFrames = FrameCache()
    private var stacks = StackInterner()
    /// Frames kept per profiler leak or C++ leak site, so that memory stays bounded whatever a
    /// log holds; a stack that deep is told apart by its first frames.
    static let frameLimit = 1024

    init(input: Int, recordLines: Bool, classifier: ReportLineClassifier, emit: @escaping (LogEvent) -> Void) {
        self.input = input
        self.recordLines = recordLines
        self.classifier = classifier
        self.emit = emit
    }

    // MARK: Reading

    /// Reads one cleaned line; `general` is what ``ReportLineClassifier/classifyGeneral(_:cut:)``
    /// makes of it, when another thread has classified it already.
    mutating func read(
        _ content: UnsafeRawBufferPointer, marker: LogMarker?, lineNumber: Int, cut: Bool,
        general: ReportLineClassifier.Reading? = nil
    ) {
        let position = LogPosition(input: input, line: lineNumber)
        if pendingException != nil {
            if let line = classifier.classifyExceptionLocation(content), case let .exceptionLocation(text) = line {
                record(line, marker, position)
                finishException(location: SourceLocation(parsing: text))
                return
            }
            finishException(location: nil)
        }
        // Outside any report most lines are ordinary output: their first two bytes say so.
        if case .none = open, !classifier.mayStartReportLine(content) {
            readTestRunnerLine(content, position: position)
            return
        }
        // No report line is longer than the splitter keeps: a cut line is never read as one,
        // only named when it has the structure of one.
        if !cut, readInsideOpenReport(content, marker: marker, position: position) { return }
        let name: String?
        switch general ?? classifier.classifyGeneral(content, cut: cut) {
        case let .line(line):
            handle(line, marker: marker, position: position)
            return
        case let .halfRecognised(known):
            name = known
        case .ordinary:
            name = halfRecognisedInOpenReport(content)
        }
        if let name {
            let reason = cut ? "is longer than \(LineSplitter.maximumLineLength) bytes" : "could not be read"
            diagnose(.warning, position, "a \(kind: name) \(kind: reason): \(Self.snippet(content))", untrustworthy: true)
        }
        unrelatedLine(position)
        readTestRunnerLine(content, position: position)
    }

    /// A dastest line says whose the reports before it were; the report it interrupts is closed first.
    private mutating func readTestRunnerLine(_ content: UnsafeRawBufferPointer, position: LogPosition) {
        guard let kind = TestRunnerLine.kind(of: content) else { return }
        // A block whose count is reached is over, even when its last leak had no frame.
        if case let .profiler(state) = open, state.leaksSeen >= state.declaredAllocations { close(at: position) }
        emit(.testRunner(TestRunnerEvent(kind: kind, position: position)))
    }

    /// Reads `count` ordinary lines from line `first` on: lines that mean nothing to any report
    /// (``ReportLineFilter/mayMatter(_:)`` is false), read exactly as ``read(_:marker:lineNumber:cut:)``
    /// would read each.
    mutating func readOrdinaryLines(first: Int, count: Int) {
        guard count > 0 else { return }
        if pendingException != nil { finishException(location: nil) }
        var number = first
        while number < first + count {
            if case .none = open { return }
            unrelatedLine(LogPosition(input: input, line: number))
            number += 1
        }
    }

    /// What a line the open report did not take looks like, when it looks like one of that
    /// report's own lines (which only it prints): a corrupt line, not interleaved output.
    private func halfRecognisedInOpenReport(_ content: UnsafeRawBufferPointer) -> String? {
        switch open {
        case .cpp:
            return classifier.halfRecognised(content, inside: .cppReport)
        case let .heap(state) where state.section == .heap:
            return classifier.looksLikeHeapBodyLine(content, inBytesPerLocation: state.part == .bytesPerLocation) ? "heap report line" : nil
        case let .gc(state) where !state.isComplete:
            return classifier.halfRecognised(content, inside: .gc)
        case let .dump(state):
            return classifier.halfRecognised(content, inside: state.entryLines)
        default:
            return nil
        }
    }

    /// Closes whatever is still open at the end of the input.
    mutating func finish() {
        if pendingException != nil { finishException(location: nil) }
        close(at: nil)
    }

    private mutating func readInsideOpenReport(_ content: UnsafeRawBufferPointer, marker: LogMarker?, position: LogPosition) -> Bool {
        switch open {
        case .none, .gc:
            return false
        case let .profiler(state):
            guard state.currentSize != nil, ByteText.hasPrefix(content, ReportLineGrammar.profilerFrameStart), let frame = profilerFrame(content) else {
                return false
            }
            if let unrelated = state.unrelatedAfterLastLeak {
                // The last leak's frames after other output: the block was interleaved.
                state.unrelatedAfterLastLeak = nil
                noteInterleaving(state, at: unrelated.first)
            }
            append(frame, to: &state.currentFrames, cut: &state.currentFramesCut, position: position)
            if recordLines, let line = frame.line { record(line, marker, position) }
            return true
        case let .heap(state):
            // Under a string-heap chunk, a line indented as its strings are is one, whatever it holds.
            if let indent = state.stringIndent, classifier.isHeapString(content, indent: indent) {
                // Its text is only kept for re-rendering.
                if recordLines, let string = classifier.classifyHeapString(content, indent: indent) { record(string, marker, position) }
                return true
            }
            guard let line = classifier.classifyHeapBody(content), accept(line, into: state, position: position) else {
                return false
            }
            record(line, marker, position)
            return true
        case let .dump(state):
            guard case .smartPointers = state.kind, let line = classifier.classifySmartPointer(content) else { return false }
            handle(line, marker: marker, position: position)
            return true
        case let .cpp(state):
            // Frame lines are most of the report: they skip the classifier once seen.
            if let frame = cppFrame(content) {
                append(frame, to: &state.currentFrames, cut: &state.currentFramesCut, position: position)
                if recordLines, let line = classifier.classifyCppBody(content) { record(line, marker, position) }
                return true
            }
            guard let line = classifier.classifyCppBody(content) else { return false }
            handle(line, marker: marker, position: position)
            return true
        }
    }

    private mutating func unrelatedLine(_ position: LogPosition) {
        switch open {
        case let .profiler(state) where state.isComplete:
            close(at: position)
        case let .profiler(state) where state.awaitsLastFrames:
            // The header's count is reached: the block has ended unless the last leak's frames still come.
            let unrelated = state.unrelatedAfterLastLeak.map { (first: $0.first, lines: $0.lines + 1) } ?? (first: position, lines: 1)
            state.unrelatedAfterLastLeak = unrelated
            if unrelated.lines > ProfilerBlockState.interleavingWindow { close(at: position) }
        case let .profiler(state):
            noteInterleaving(state, at: position)
        case let .heap(state):
            state.interrupted = true
        case let .gc(state) where state.isComplete:
            close(at: position)
        default:
            break
        }
    }

    /// Notes, once per input, that a profiler block had other output inside it.
    private mutating func noteInterleaving(_ state: ProfilerBlockState, at position: LogPosition) {
        guard !interleavedReported else { return }
        diagnose(.note, position, "unrelated output interleaved inside the profiler block of context '\(state.context)'",
                 untrustworthy: false)
        interleavedReported = true
    }

    // MARK: Typed lines

    private mutating func handle(_ line: ReportLine, marker: LogMarker?, position: LogPosition) {
        switch line {
        case let .profilerHeader(context, allocations, bytes):
            close(at: position)
            open = .profiler(ProfilerBlockState(
                context: context, declaredAllocations: allocations, declaredBytes: bytes.value, headerPosition: position))
        case let .profilerLeak(size):
            guard case let .profiler(state) = open else {
                diagnose(.warning, position, "a profiler [leak] entry outside any profiler block", untrustworthy: true)
                break
            }
            if let leak = state.takeCurrentLeak(stacks: &stacks) { emit(.occurrence(leak)) }
            state.leaksSeen += 1
            state.bytesSeen &+= size.value
            state.currentSize = size.value
            state.currentPosition = position
        case .heapReportHeader:
            close(at: position)
            open = .heap(HeapReportState(headerPosition: position))
        case .stringHeapReportHeader:
            if case let .heap(state) = open, state.section == .heap {
                state.section = .strings
                state.part = .start
                state.interrupted = false
            } else {
                close(at: position)
                let state = HeapReportState(headerPosition: position)
                state.section = .strings
                open = .heap(state)
            }
        case let .gcLeakHeader(phase, count):
            close(at: position)
            open = .gc(GCReportState(phase: phase, declaredCount: count, headerPosition: position))
        case let .gcRoot(_, count):
            guard case let .gc(state) = open else {
                diagnose(.warning, position, "a gc_root line outside any GC LEAK report", untrustworthy: true)
                break
            }
            checkRootFilled(state, position)
            state.rootsSeen += 1
            state.rootCountSum &+= count
            state.currentRootCount = count
            state.nodesInCurrentRoot = 0
        case let .gcNode(_, id, type, _, location):
            readGCNode(id: id, type: type, location: location, position: position)
        case .smartPointerFatal(let count, let silenced):
            close(at: position)
            if silenced {
                emit(.occurrence(Occurrence(detector: .smartPtr, kind: "unlisted", count: count, position: position)))
                diagnose(.warning, position,
                         "leak dumps silenced by --no-dump-leaks: \(count) smart pointer(s) alive, and any JobStatus, Feature and handle dumps were not printed",
                         untrustworthy: true)
            } else {
                open = .dump(DumpSectionState(kind: .smartPointers(declared: count), firstPosition: position))
            }
        case let .smartPointer(_, rc, id, description):
            guard case let .dump(state) = open, case .smartPointers = state.kind else { break }
            state.entries += 1
            let (kind, context) = Self.smartPointerKind(description)
            emit(.occurrence(Occurrence(
                detector: .smartPtr, kind: kind, position: position, identity: id.description, referenceCount: rc, context: context)))
        case let .smartPointerTotal(count):
            finishDump(expecting: { if case .smartPointers = $0 { return true } else { return false } }, total: count,
                       name: "smart-pointer dump", position: position)
        case let .jobStatus(id, rc, subtype, createdAt):
            openDump(.jobStatus, position: position)
            countDumpEntry()
            if Self.isCorruptJobEntry(id: id, referenceCount: rc, createdAt: createdAt) {
                diagnose(.warning, position,
                         "corrupt JobStatus dump line (id #\(id), rc=\(rc)): the list was freed while in use; not a leak to fix",
                         untrustworthy: true)
            } else {
                emit(.occurrence(Occurrence(
                    detector: .jobStatus, kind: subtype, location: createdAt.flatMap(SourceLocation.init(parsing:)),
                    position: position, identity: id.description, referenceCount: rc)))
            }
        case let .jobStatusTotal(count):
            finishDump(expecting: { $0 == .jobStatus }, total: count, name: "JobStatus dump", position: position)
        case let .feature(id, owner, createdAt):
            openDump(.feature, position: position)
            countDumpEntry()
            emit(.occurrence(Occurrence(
                detector: .jobStatus, kind: "Feature", location: createdAt.flatMap(SourceLocation.init(parsing:)),
                position: position, identity: id.description, context: owner?.description)))
        case let .featureTotal(count):
            finishDump(expecting: { $0 == .feature }, total: count, name: "Feature dump", position: position)
        case let .handle(type, index, _, rc):
            openDump(.handles, position: position)
            guard case let .dump(state) = open else { break }
            state.entries += 1
            let occurrence = Occurrence(
                detector: .handleRegistry, kind: type ?? "", position: position, identity: String(index), referenceCount: rc)
            if type == nil || !state.pendingHandles.isEmpty {
                state.pendingHandles.append(occurrence)
                if state.pendingHandles.count >= DumpSectionState.pendingHandleLimit {
                    // Memory stays bounded: these handles get the type known so far, if any.
                    diagnose(.note, position, "more than \(DumpSectionState.pendingHandleLimit) handle lines without a type before their total line",
                             untrustworthy: false)
                    flushHandles(state)
                }
            } else {
                emit(.occurrence(occurrence))
            }
            if let type { state.handleType = type }
        case let .handleTotal(count, type):
            if case let .dump(state) = open, state.kind == .handles {
                if let seen = state.handleType, seen != type {
                    diagnose(.warning, position, "handle total names type \(type) but the lines above were \(seen)", untrustworthy: true)
                }
                state.handleType = type
            }
            finishDump(expecting: { $0 == .handles }, total: count, name: "handle dump of type \(type)", position: position)
        case .cppReportHeader:
            close(at: position)
            open = .cpp(CppReportState(headerPosition: position))
        case .cppSummary, .cppSite, .cppSamplePointer, .cppFrame, .cppBlank, .cppReportEnd:
            readCppLine(line, position: position)
        case let .exception(inJob, message):
            pendingException = (inJob, message, position)
        case let .atexitFatal(total):
            emit(.panic(Panic(kind: .atexitFatal, message: "g_envTotal=\(total) at exit (Initialize/Shutdown not balanced)",
                              location: nil, position: position)))
        case let .crash(description):
            close(at: position)
            emit(.panic(Panic(kind: .crash, message: description, location: nil, position: position)))
            diagnose(.warning, position, "daslang crashed (\(description)): exit-time leak dumps after this point are missing",
                     untrustworthy: true)
        case let .gcBreak(id):
            emit(.panic(Panic(kind: .gcBreak, message: "gc_node break: id=\(id)", location: nil, position: position)))
            diagnose(.note, position, "stopped by DAS_GC_BREAK_ON_ID=\(id): the process ended with SIGTRAP before any leak dump",
                     untrustworthy: true)
        case let .unknownOption(name):
            // The echo drops one leading dash of what was typed.
            let hint = Self.optionSpelling(echoed: name).map { "; it was given as -\(name), daslang spells it \($0)" } ?? ""
            diagnose(.warning, position,
                     "daslang rejected its command line (unknown command line option \(name)\(hint)): no leak report was produced",
                     untrustworthy: true)
        case let .badJobStatusID(text):
            diagnose(.warning, position,
                     "daslang rejected --track-job-status \(text): it takes a decimal id (dump ids are hex); no leak report was produced",
                     untrustworthy: true)
        case let .jobTrace(id, subtype, operation, rc, location):
            emit(.trace(TraceEvent(id: id, subtype: subtype, operation: operation, referenceCountBefore: rc,
                                   location: SourceLocation(parsing: location), position: position)))
        case .smartPointerTracking, .jobTracking, .profilerFrame, .exceptionLocation, .decksHeader, .stringDecksHeader,
             .deckRange, .deckCounts, .decksReserves, .bigStuffHeader, .bigStuffColumns, .bigStuffRow,
             .bytesPerLocationHeader, .bytesPerLocation, .linearChunk, .heapString, .stringBigStuffRow, .stringBigStuffTotal:
            break
        }
        record(line, marker, position)
    }

    /// The frame of a `  at …` line, parsed once per distinct line.
    private mutating func profilerFrame(_ content: UnsafeRawBufferPointer) -> CachedFrame? {
        let classifier = classifier
        return profilerFrames.frame(for: content) {
            guard let line = classifier.classifyProfilerFrame(content), case let .profilerFrame(function, location) = line else {
                return nil
            }
            return (StackFrame(function: function, location: location.flatMap(SourceLocation.init(parsing:))), line)
        }
    }

    /// The frame of a C++ report's `    0x<address>  <symbol>   (<library>)` line, parsed once per
    /// distinct text after the address (the address changes from run to run, the rest repeats).
    private mutating func cppFrame(_ content: UnsafeRawBufferPointer) -> CachedFrame? {
        let start = ReportLineGrammar.cppFrameStart
        guard ByteText.hasPrefix(content, start) else { return nil }
        var index = start.utf8CodeUnitCount
        while index < content.count, ByteText.isHexDigit(content[index]) { index += 1 }
        guard (7...22).contains(index), index + 2 <= content.count, content[index] == 0x20, content[index + 1] == 0x20 else {
            return nil
        }
        let classifier = classifier
        return cppFrames.frame(for: UnsafeRawBufferPointer(rebasing: content[(index + 2)...])) {
            guard let line = classifier.classifyCppBody(content), case let .cppFrame(_, symbol, library) = line else { return nil }
            // The key leaves out the address, so the typed line (which holds it) is not shared.
            return (StackFrame(function: symbol, location: nil, library: library), nil)
        }
    }

    /// Appends `frame` unless the stack already holds ``frameLimit`` frames, and says so once
    /// per stack (`cut`).
    private func append(_ frame: CachedFrame, to frames: inout [CachedFrame], cut: inout Bool, position: LogPosition) {
        guard frames.count < Self.frameLimit else {
            if !cut {
                diagnose(.note, position, "a stack has more than \(Self.frameLimit) frames; only the first \(Self.frameLimit) are kept",
                         untrustworthy: false)
            }
            cut = true
            return
        }
        frames.append(frame)
    }

    // MARK: gc

    private mutating func readGCNode(id: Int, type: String, location: String, position: LogPosition) {
        guard case let .gc(state) = open else {
            diagnose(.warning, position, "a gc node line outside any GC LEAK report", untrustworthy: true)
            return
        }
        state.nodesSeen += 1
        state.nodesInCurrentRoot += 1
        // GC reports are cumulative: a node listed again with the same id, type and location is the same node.
        guard seenGCNodes.insert(id: id, type: type, location: location) else { return }
        emit(.occurrence(Occurrence(
            detector: .gcNode, kind: type, location: SourceLocation(parsing: location), position: position,
            identity: String(id), context: state.phase.rawValue)))
    }

    private func checkRootFilled(_ state: GCReportState, _ position: LogPosition) {
        if state.rootsSeen > 0, state.nodesInCurrentRoot != state.currentRootCount {
            diagnose(.warning, position,
                     "gc_root announced \(state.currentRootCount) node(s) but \(state.nodesInCurrentRoot) were listed",
                     untrustworthy: true)
        }
    }

    private mutating func closeGC(_ state: GCReportState, at position: LogPosition?) {
        checkRootFilled(state, position ?? state.headerPosition)
        let where_ = "GC \(state.phase == .compile ? "COMPILE" : "APP") LEAK report"
        if state.nodesSeen == 0, state.declaredCount > 0 {
            // No node lines followed: the header's count stands for the nodes.
            let unlisted = state.declaredCount - seenGCNodes.count
            if unlisted > 0 {
                emit(.occurrence(Occurrence(detector: .gcNode, kind: "gc_node", count: unlisted,
                                            position: state.headerPosition, context: state.phase.rawValue)))
            }
            diagnose(.warning, state.headerPosition, "\(kind: where_) announces \(state.declaredCount) node(s) but lists none",
                     untrustworthy: true)
        } else if state.nodesSeen != state.declaredCount || (state.rootsSeen > 0 && state.rootCountSum != state.declaredCount) {
            diagnose(.warning, state.headerPosition,
                     "\(kind: where_) announces \(state.declaredCount) node(s) but \(state.nodesSeen) were listed (truncated or interleaved)",
                     untrustworthy: true)
        }
    }

    // MARK: heap report

    private mutating func accept(_ line: ReportLine, into state: HeapReportState, position: LogPosition) -> Bool {
        let strings = state.section == .strings
        switch line {
        case let .decksHeader(size) where !strings:
            state.part = .decks(size: size)
        case let .stringDecksHeader(size) where strings:
            state.part = .stringDecks(size: size)
        case .deckRange:
            guard case .decks = state.part, !strings else {
                guard case .stringDecks = state.part else { return false }
                return true
            }
        case let .deckCounts(allocated, total, bytes, _):
            let size: Int
            let kind: String
            switch state.part {
            case let .decks(deckSize): size = deckSize; kind = "deck of size \(deckSize)"
            case let .stringDecks(deckSize): size = deckSize; kind = "string deck of size \(deckSize)"
            default: return false
            }
            let (deckBytes, overflow) = allocated.multipliedReportingOverflow(by: size)
            if overflow || deckBytes != bytes || allocated > total {
                diagnose(.warning, position, "deck counts do not add up: \(allocated) × \(size) bytes ≠ \(bytes) bytes",
                         untrustworthy: true)
            }
            if allocated > 0 {
                emit(.occurrence(Occurrence(detector: .heapReport, kind: kind, count: 1, bytes: bytes, position: position)))
            }
        case .decksReserves:
            switch state.part {
            case .decks, .stringDecks: break
            default: return false
            }
        case .bigStuffHeader:
            state.part = strings ? .stringBigStuff : .bigStuff
        case .bigStuffColumns:
            guard state.part == .bigStuff else { return false }
        case let .bigStuffRow(size, _, id, comment, location):
            guard state.part == .bigStuff else { return false }
            let kind = comment.map { $0.isEmpty ? "block" : $0 } ?? "block"
            if let location, !location.isEmpty { state.addRowBytes(size, at: location) }
            emit(.occurrence(Occurrence(
                detector: .heapReport, kind: kind, location: location.flatMap(SourceLocation.init(parsing:)), count: 1,
                bytes: size, position: position, identity: String(id))))
        case .bytesPerLocationHeader where !strings:
            state.part = .bytesPerLocation
        case let .bytesPerLocation(bytes, location):
            guard state.part == .bytesPerLocation else { return false }
            state.addListedBytes(bytes, at: location, position: position)
        case let .linearChunk(_, used, _):
            guard state.part == .start || state.part == .linear else { return false }
            state.part = .linear
            if used > 0 {
                emit(.occurrence(Occurrence(detector: .heapReport, kind: strings ? "string chunk" : "linear chunk",
                                            count: 1, bytes: used, position: position)))
            }
        case let .stringBigStuffRow(_, size, _):
            guard state.part == .stringBigStuff else { return false }
            emit(.occurrence(Occurrence(detector: .heapReport, kind: "string", count: 1, bytes: size, position: position)))
        case .stringBigStuffTotal:
            guard state.part == .stringBigStuff else { return false }
        default:
            return false
        }
        return true
    }

    private mutating func closeHeap(_ state: HeapReportState) {
        guard !state.tooManyLocations else {
            diagnose(.note, state.headerPosition,
                     "heap report with more than \(HeapReportState.locationLimit) locations: bytes per location not checked", untrustworthy: false)
            return
        }
        for listed in state.listedBytesByLocation {
            let rows = state.rowBytesByLocation[listed.location] ?? 0
            if rows != listed.bytes {
                diagnose(.warning, listed.position,
                         "bytes per location says \(listed.bytes) at \(listed.location) but the big stuff rows there add up to \(rows)",
                         untrustworthy: true)
            }
        }
    }

    // MARK: dumps closed by a total line

    private mutating func openDump(_ kind: DumpSectionState.Kind, position: LogPosition) {
        if case let .dump(state) = open, state.kind == kind { return }
        close(at: position)
        open = .dump(DumpSectionState(kind: kind, firstPosition: position))
    }

    private mutating func countDumpEntry() {
        guard case let .dump(state) = open else { return }
        state.entries += 1
    }

    private mutating func finishDump(expecting matches: (DumpSectionState.Kind) -> Bool, total: Int, name: String, position: LogPosition) {
        guard case let .dump(state) = open, matches(state.kind) else {
            if total > 0 {
                diagnose(.warning, position, "\(kind: name) total of \(total) with none of its lines before it (truncated or interleaved)",
                         untrustworthy: true)
            }
            close(at: position)
            return
        }
        if case let .smartPointers(declared) = state.kind, declared != total {
            diagnose(.warning, position, "smart-pointer report announces \(declared) pointer(s) but its total says \(total)",
                     untrustworthy: true)
        }
        if state.entries != total {
            diagnose(.warning, position, "\(kind: name) lists \(state.entries) line(s) but its total says \(total) (truncated or interleaved)",
                     untrustworthy: true)
        }
        flushHandles(state)
        open = .none
    }

    private func flushHandles(_ state: DumpSectionState) {
        for var occurrence in state.pendingHandles {
            if occurrence.kind.isEmpty { occurrence.kind = state.handleType ?? "unknown" }
            emit(.occurrence(occurrence))
        }
        state.pendingHandles = []
    }

    // MARK: C++ heap report

    private mutating func readCppLine(_ line: ReportLine, position: LogPosition) {
        guard case let .cpp(state) = open else { return }
        switch line {
        case let .cppSummary(field, value):
            state.summary[field] = value
        case let .cppSite(_, allocations, bytes, _, _, _):
            if let site = state.takeCurrentSite(stacks: &stacks) { emit(.occurrence(site)) }
            state.sitesSeen += 1
            // Wrapping sums: they are only compared with the summary, which a corrupt report may not match.
            state.allocationsSeen &+= allocations
            state.bytesSeen &+= bytes
            state.currentSite = (allocations, bytes, position)
        case let .cppFrame(_, symbol, library):
            append(CachedFrame(key: [], frame: StackFrame(function: symbol, location: nil, library: library), line: nil),
                   to: &state.currentFrames, cut: &state.currentFramesCut, position: position)
        case let .cppReportEnd(leaks, sites, _):
            if let site = state.takeCurrentSite(stacks: &stacks) { emit(.occurrence(site)) }
            checkCppTotals(state, leaks: leaks, sites: sites, position: position)
            open = .none
        default:
            break
        }
    }

    private func checkCppTotals(_ state: CppReportState, leaks: Int?, sites: Int?, position: LogPosition) {
        var problems: [String] = []
        if let declared = state.summary[.liveAllocations], declared != state.allocationsSeen {
            problems.append("\(declared) live allocations announced, \(state.allocationsSeen) listed")
        }
        if let declared = state.summary[.bytes], declared != state.bytesSeen {
            problems.append("\(declared) bytes announced, \(state.bytesSeen) listed")
        }
        if let declared = state.summary[.sites], declared != state.sitesSeen {
            problems.append("\(declared) sites announced, \(state.sitesSeen) listed")
        }
        if let leaks, leaks != state.allocationsSeen { problems.append("end line says \(leaks) leaks") }
        if let sites, sites != state.sitesSeen { problems.append("end line says \(sites) sites") }
        if leaks == nil { problems.append("no End report line (truncated)") }
        if !problems.isEmpty {
            diagnose(.warning, position, "C++ heap leak report does not add up: \(problems.joined(separator: "; "))", untrustworthy: true)
        }
    }

    // MARK: closing

    /// Closes the open report, checking its counts. `position` is the line that ended it (nil at end of input).
    private mutating func close(at position: LogPosition?) {
        let current = open
        open = .none
        switch current {
        case .none:
            break
        case let .profiler(state):
            if let leak = state.takeCurrentLeak(stacks: &stacks) { emit(.occurrence(leak)) }
            if state.leaksSeen != state.declaredAllocations || state.bytesSeen != state.declaredBytes {
                diagnose(.warning, state.headerPosition,
                         "profiler block of context '\(state.context)' announces \(state.declaredAllocations) allocations (0x\(String(state.declaredBytes, radix: 16)) bytes) but lists \(state.leaksSeen) (0x\(String(state.bytesSeen, radix: 16)) bytes): truncated or interleaved",
                         untrustworthy: true)
            }
        case let .heap(state):
            closeHeap(state)
        case let .gc(state):
            closeGC(state, at: position)
        case let .dump(state):
            flushHandles(state)
            diagnose(.warning, state.firstPosition, "\(kind: state.name) ends without its total line (truncated or cut by other output)",
                     untrustworthy: true)
        case let .cpp(state):
            if let site = state.takeCurrentSite(stacks: &stacks) { emit(.occurrence(site)) }
            checkCppTotals(state, leaks: nil, sites: nil, position: state.headerPosition)
        }
    }

    private mutating func finishException(location: SourceLocation?) {
        guard let pending = pendingException else { return }
        pendingException = nil
        emit(.panic(Panic(kind: pending.inJob ? .jobException : .exception, message: pending.message, location: location,
                          position: pending.position)))
        if pending.inJob {
            diagnose(.warning, pending.position,
                     "a job panicked (JOB EXCEPTION): the worker ends the process, so the exit-time leak dumps did not run",
                     untrustworthy: true)
        }
    }

    // MARK: helpers

    private func record(_ line: ReportLine, _ marker: LogMarker?, _ position: LogPosition) {
        if recordLines { emit(.line(RecognizedLine(marker: marker, line: line, position: position))) }
    }

    private func diagnose(_ severity: Severity, _ position: LogPosition?, _ message: DiagnosticMessage, untrustworthy: Bool) {
        emit(.diagnostic(Diagnostic(severity: severity, position: position, message: message, untrustworthy: untrustworthy)))
    }

    /// The pointer kind and context name of a smart-pointer line's description.
    static func smartPointerKind(_ description: String?) -> (kind: String, context: String?) {
        guard let description, !description.isEmpty else { return ("object", nil) }
        if description.hasPrefix("Context") {
            return ("Context", String(description.dropFirst("Context".count)).trimmingPrefixSpace())
        }
        let word = description.split(separator: " ", maxSplits: 1).first.map(String.init) ?? description
        return (word, nil)
    }

    /// How daslang spells a leak-diagnostics option it rejected. Its usage error echoes the
    /// option with one leading dash removed; `-track-allocations` and `-heap-report` take one
    /// dash, the others two.
    static func optionSpelling(echoed: String) -> String? {
        let bare = String(echoed.drop { $0 == "-" })
        if ["track-allocations", "heap-report"].contains(bare) { return "-" + bare }
        let twoDashes = ["no-dump-leaks", "track-smart-ptr", "track-job-status", "das-profiler", "das-profiler-leaks", "das-profiler-log-file"]
        return twoDashes.contains(bare) ? "--" + bare : nil
    }

    /// A dump line written from freed memory: pointer-sized id, impossible count, or an empty location.
    static func isCorruptJobEntry(id: HexNumber, referenceCount: Int, createdAt: String?) -> Bool {
        id.value > 0xFFFF_FFFF || referenceCount < 0 || referenceCount > 1 << 20 || createdAt == ""
    }

    static func snippet(_ content: UnsafeRawBufferPointer) -> String {
        let text = ByteText.string(content, 0..<min(content.count, 80))
        return text + (content.count > 80 ? "…" : "")
    }
}

private extension String {
    func trimmingPrefixSpace() -> String {
        hasPrefix(" ") ? String(dropFirst()) : self
    }
}
