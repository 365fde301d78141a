import LeakModel

/// Routes one input's cleaned lines to the reader of the report being printed: it opens a
/// ``ReportReader`` on a report's header line, offers the open reader every line, closes it on
/// the next report or on unrelated output the reader says ends it, and reads the lines outside
/// any report itself (panics, traces, usage errors, the test runner's lines).
///
/// A value type: the parser runs it as a local, so its per-line state is not checked for
/// exclusive access at run time, as a class's stored properties would be.
struct ReportAssembler {
    private let input: Int
    private let context: ReportReaderContext
    private var classifier: ReportLineClassifier { context.classifier }
    /// The report being read, if any: one of the readers below.
    private var open: (any ReportReader)?
    private let profiler = ProfilerBlockReader()
    private let heap = HeapReportReader()
    private let gc = GCReportReader()
    private let dump = DumpSectionReader()
    private let cpp = CppHeapReportReader()
    private var pendingException: (inJob: Bool, message: String, position: LogPosition)?
    /// Traces and closed reports, kept only when reports are recorded.
    private var traces = TraceSummaryBuilder()
    private var reports = ReadReports()

    init(input: Int, recordLines: Bool, recordReports: Bool, classifier: ReportLineClassifier, emit: @escaping (LogEvent) -> Void) {
        self.input = input
        context = ReportReaderContext(classifier: classifier, recordLines: recordLines, recordReports: recordReports, emit: emit)
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
                context.record(line, marker, position)
                finishException(location: SourceLocation(parsing: text))
                return
            }
            finishException(location: nil)
        }
        // Outside any report most lines are ordinary output: their first two bytes say so.
        if open == nil, !classifier.mayStartReportLine(content) {
            readTestRunnerLine(content, position: position)
            return
        }
        // No report line is longer than the splitter keeps: a cut line is never read as one,
        // only named when it has the structure of one.
        if !cut, let reader = open {
            switch reader.read(content, marker: marker, position: position, context: context) {
            case .taken:
                return
            case let .typed(line):
                handle(line, marker: marker, position: position)
                return
            case .notTaken:
                break
            }
        }
        let name: String?
        switch general ?? classifier.classifyGeneral(content, cut: cut) {
        case let .line(line):
            handle(line, marker: marker, position: position)
            return
        case let .halfRecognised(known):
            name = known
        case .ordinary:
            name = open?.halfRecognised(content, classifier: classifier)
        }
        if let name {
            let reason = cut ? "is longer than \(LineSplitter.maximumLineLength) bytes" : "could not be read"
            context.diagnose(.warning, position, "a \(kind: name) \(kind: reason): \(Self.snippet(content))", untrustworthy: true)
        }
        unrelatedLine(position)
        readTestRunnerLine(content, position: position)
    }

    /// A dastest line says whose the reports before it were; the report it interrupts is closed first.
    private mutating func readTestRunnerLine(_ content: UnsafeRawBufferPointer, position: LogPosition) {
        guard let kind = TestRunnerLine.kind(of: content) else { return }
        if open?.endsBeforeTestRunnerLine == true { close(at: position) }
        context.emit(.testRunner(TestRunnerEvent(kind: kind, position: position)))
    }

    /// Reads `count` ordinary lines from line `first` on: lines that mean nothing to any report
    /// (``ReportLineFilter/mayMatter(_:)`` is false), read exactly as ``read(_:marker:lineNumber:cut:general:)``
    /// would read each.
    mutating func readOrdinaryLines(first: Int, count: Int) {
        guard count > 0 else { return }
        if pendingException != nil { finishException(location: nil) }
        var number = first
        while number < first + count, open != nil {
            unrelatedLine(LogPosition(input: input, line: number))
            number += 1
        }
    }

    /// Closes whatever is still open at the end of the input.
    mutating func finish() {
        if pendingException != nil { finishException(location: nil) }
        close(at: nil)
        guard context.recordReports else { return }
        if let trace = traces.finish() { reports.add(trace, emit: context.emit) }
        reports.finish(emit: context.emit)
    }

    private mutating func unrelatedLine(_ position: LogPosition) {
        if let reader = open, reader.endsReport(unrelatedLineAt: position, context: context) { close(at: position) }
    }

    // MARK: Typed lines

    private mutating func handle(_ line: ReportLine, marker: LogMarker?, position: LogPosition) {
        switch open?.read(line, marker: marker, position: position, context: context) {
        case .taken:
            break
        case .ends:
            close(at: position)
        case .notTaken, nil:
            readOutsideOpenReport(line, marker: marker, position: position)
        }
        context.record(line, marker, position)
    }

    /// A typed line the open report (if any) did not take: a header that opens a report, an
    /// entry that opens its dump, or a line read outside any report.
    private mutating func readOutsideOpenReport(_ line: ReportLine, marker: LogMarker?, position: LogPosition) {
        switch line {
        case let .profilerHeader(name, allocations, bytes):
            closeForNextReport(at: position)
            profiler.begin(context: name, allocations: allocations, bytes: bytes.value, marker: marker, position: position, reading: context)
            open = profiler
        case .heapReportHeader, .stringHeapReportHeader:
            closeForNextReport(at: position)
            heap.begin(strings: line == .stringHeapReportHeader, position: position, context: context)
            open = heap
        case let .gcLeakHeader(phase, count):
            closeForNextReport(at: position)
            gc.begin(phase: phase, declaredCount: count, position: position, context: context)
            open = gc
        case .cppReportHeader:
            closeForNextReport(at: position)
            cpp.begin(position: position, context: context)
            open = cpp
        case let .smartPointerFatal(count, silenced):
            closeForNextReport(at: position)
            if silenced {
                if let report = dump.readSilencedFatal(count: count, position: position, context: context) {
                    reports.add(report, emit: context.emit)
                }
            } else {
                dump.begin(.smartPointers(declared: count), position: position, context: context)
                open = dump
            }
        case .jobStatus, .feature, .handle:
            // An entry without an open section of its kind starts one.
            guard let kind = DumpSectionReader.kind(openedBy: line) else { break }
            closeForNextReport(at: position)
            dump.begin(kind, position: position, context: context)
            open = dump
            _ = dump.read(line, marker: nil, position: position, context: context)
        case .smartPointerTotal, .jobStatusTotal, .featureTotal, .handleTotal:
            guard let (total, name) = DumpSectionReader.total(line) else { break }
            if total > 0 {
                context.diagnose(.warning, position, "\(kind: name) total of \(total) with none of its lines before it (truncated or interleaved)",
                                 untrustworthy: true)
            }
            close(at: position)
        case .profilerLeak:
            context.diagnose(.warning, position, "a profiler [leak] entry outside any profiler block", untrustworthy: true)
        case .gcRoot:
            context.diagnose(.warning, position, "a gc_root line outside any GC LEAK report", untrustworthy: true)
        case .gcNode:
            context.diagnose(.warning, position, "a gc node line outside any GC LEAK report", untrustworthy: true)
        case let .exception(inJob, message):
            pendingException = (inJob, message, position)
        case let .atexitFatal(total):
            context.emit(.panic(Panic(kind: .atexitFatal, message: "g_envTotal=\(total) at exit (Initialize/Shutdown not balanced)",
                                      location: nil, position: position)))
        case let .crash(description):
            close(at: position)
            context.emit(.panic(Panic(kind: .crash, message: description, location: nil, position: position)))
            context.diagnose(.warning, position, "daslang crashed (\(description)): exit-time leak dumps after this point are missing",
                             untrustworthy: true)
        case let .gcBreak(id):
            context.emit(.panic(Panic(kind: .gcBreak, message: "gc_node break: id=\(id)", location: nil, position: position)))
            context.diagnose(.note, position, "stopped by DAS_GC_BREAK_ON_ID=\(id): the process ended with SIGTRAP before any leak dump",
                             untrustworthy: true)
        case let .unknownOption(name):
            // The echo drops one leading dash of what was typed.
            let hint = Self.optionSpelling(echoed: name).map { "; it was given as -\(name), daslang spells it \($0)" } ?? ""
            context.diagnose(.warning, position,
                             "daslang rejected its command line (unknown command line option \(name)\(hint)): no leak report was produced",
                             untrustworthy: true)
        case let .badJobStatusID(text):
            context.diagnose(.warning, position,
                             "daslang rejected --track-job-status \(text): it takes a decimal id (dump ids are hex); no leak report was produced",
                             untrustworthy: true)
        case let .jobTrace(id, subtype, operation, rc, location):
            context.emit(.trace(TraceEvent(id: id, subtype: subtype, operation: operation, referenceCountBefore: rc,
                                           location: SourceLocation(parsing: location), position: position)))
            readTraceLine(line, position: position)
        case .jobTracking:
            readTraceLine(line, position: position)
        case .smartPointer, .smartPointerTracking, .profilerFrame, .exceptionLocation, .decksHeader, .stringDecksHeader,
             .deckRange, .deckCounts, .decksReserves, .bigStuffHeader, .bigStuffColumns, .bigStuffRow,
             .bytesPerLocationHeader, .bytesPerLocation, .linearChunk, .heapString, .stringBigStuffRow, .stringBigStuffTotal,
             .cppSummary, .cppSite, .cppSamplePointer, .cppFrame, .cppBlank, .cppReportEnd:
            break
        }
    }

    // MARK: Closing

    /// Closes the open report, checking its counts. `position` is the line that ended it (nil at end of input).
    private mutating func close(at position: LogPosition?) {
        guard let reader = open else { return }
        open = nil
        if let report = reader.close(at: position, context: context) { reports.add(report, emit: context.emit) }
    }

    /// Closes the open report and ends the trace being recorded: the report whose first line is at `position` follows them.
    private mutating func closeForNextReport(at position: LogPosition) {
        close(at: position)
        if context.recordReports, let trace = traces.finish() { reports.add(trace, emit: context.emit) }
    }

    private mutating func readTraceLine(_ line: ReportLine, position: LogPosition) {
        if context.recordReports, let ended = traces.read(line, position: position) { reports.add(ended, emit: context.emit) }
    }

    private mutating func finishException(location: SourceLocation?) {
        guard let pending = pendingException else { return }
        pendingException = nil
        context.emit(.panic(Panic(kind: pending.inJob ? .jobException : .exception, message: pending.message, location: location,
                                  position: pending.position)))
        if pending.inJob {
            context.diagnose(.warning, pending.position,
                             "a job panicked (JOB EXCEPTION): the worker ends the process, so the exit-time leak dumps did not run",
                             untrustworthy: true)
        }
    }

    // MARK: Helpers

    /// How daslang spells a leak-diagnostics option it rejected. Its usage error echoes the
    /// option with one leading dash removed; `-track-allocations` and `-heap-report` take one
    /// dash, the others two.
    static func optionSpelling(echoed: String) -> String? {
        let bare = String(echoed.drop { $0 == "-" })
        if ["track-allocations", "heap-report"].contains(bare) { return "-" + bare }
        let twoDashes = ["no-dump-leaks", "track-smart-ptr", "track-job-status", "das-profiler", "das-profiler-leaks", "das-profiler-log-file"]
        return twoDashes.contains(bare) ? "--" + bare : nil
    }

    static func snippet(_ content: UnsafeRawBufferPointer) -> String {
        let text = ByteText.string(content, 0..<min(content.count, 80))
        return text + (content.count > 80 ? "…" : "")
    }
}
