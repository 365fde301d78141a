import LeakModel
import PCRE2Regex

/// Turns a line's bytes into a typed ``ReportLine``. Lines are routed on their first
/// bytes before PCRE2 is asked, so ordinary output costs a byte comparison or two.
///
/// Which lines are possible depends on the report being read (a tab-indented line is a
/// heap row only inside a heap report), so the assembler calls the family it expects.
final class ReportLineClassifier {
    private let profilerHeader: RegexMatcher
    private let profilerLeak: RegexMatcher
    private let profilerFrame: RegexMatcher
    private let decksHeader: RegexMatcher
    private let stringDecksHeader: RegexMatcher
    private let deckRange: RegexMatcher
    private let deckCounts: RegexMatcher
    private let decksReserves: RegexMatcher
    private let bigStuffRow: RegexMatcher
    private let bytesPerLocation: RegexMatcher
    private let linearChunk: RegexMatcher
    private let stringBigStuffRow: RegexMatcher
    private let stringBigStuffTotal: RegexMatcher
    private let gcLeakHeader: RegexMatcher
    private let gcRoot: RegexMatcher
    private let gcNode: RegexMatcher
    private let gcBreak: RegexMatcher
    private let smartPointerFatal: RegexMatcher
    private let smartPointer: RegexMatcher
    private let smartPointerTotal: RegexMatcher
    private let smartPointerTracking: RegexMatcher
    private let jobStatus: RegexMatcher
    private let jobStatusTotal: RegexMatcher
    private let feature: RegexMatcher
    private let featureTotal: RegexMatcher
    private let jobTracking: RegexMatcher
    private let jobTrace: RegexMatcher
    private let atexitFatal: RegexMatcher
    private let handle: RegexMatcher
    private let handleTotal: RegexMatcher
    private let cppSummary: RegexMatcher
    private let cppSite: RegexMatcher
    private let cppSamplePointer: RegexMatcher
    private let cppFrame: RegexMatcher
    private let cppReportEnd: RegexMatcher
    /// ``generalFirstTwoBytes``, held by the instance: the hot path reads it for every line.
    private let generalFirstTwoBytes = ReportLineClassifier.generalFirstTwoBytes

    /// Creates matchers for the shared compiled patterns.
    init(patterns: ReportPatterns) throws(RegexError) {
        profilerHeader = try RegexMatcher(patterns.profilerHeader)
        profilerLeak = try RegexMatcher(patterns.profilerLeak)
        profilerFrame = try RegexMatcher(patterns.profilerFrame)
        decksHeader = try RegexMatcher(patterns.decksHeader)
        stringDecksHeader = try RegexMatcher(patterns.stringDecksHeader)
        deckRange = try RegexMatcher(patterns.deckRange)
        deckCounts = try RegexMatcher(patterns.deckCounts)
        decksReserves = try RegexMatcher(patterns.decksReserves)
        bigStuffRow = try RegexMatcher(patterns.bigStuffRow)
        bytesPerLocation = try RegexMatcher(patterns.bytesPerLocation)
        linearChunk = try RegexMatcher(patterns.linearChunk)
        stringBigStuffRow = try RegexMatcher(patterns.stringBigStuffRow)
        stringBigStuffTotal = try RegexMatcher(patterns.stringBigStuffTotal)
        gcLeakHeader = try RegexMatcher(patterns.gcLeakHeader)
        gcRoot = try RegexMatcher(patterns.gcRoot)
        gcNode = try RegexMatcher(patterns.gcNode)
        gcBreak = try RegexMatcher(patterns.gcBreak)
        smartPointerFatal = try RegexMatcher(patterns.smartPointerFatal)
        smartPointer = try RegexMatcher(patterns.smartPointer)
        smartPointerTotal = try RegexMatcher(patterns.smartPointerTotal)
        smartPointerTracking = try RegexMatcher(patterns.smartPointerTracking)
        jobStatus = try RegexMatcher(patterns.jobStatus)
        jobStatusTotal = try RegexMatcher(patterns.jobStatusTotal)
        feature = try RegexMatcher(patterns.feature)
        featureTotal = try RegexMatcher(patterns.featureTotal)
        jobTracking = try RegexMatcher(patterns.jobTracking)
        jobTrace = try RegexMatcher(patterns.jobTrace)
        atexitFatal = try RegexMatcher(patterns.atexitFatal)
        handle = try RegexMatcher(patterns.handle)
        handleTotal = try RegexMatcher(patterns.handleTotal)
        cppSummary = try RegexMatcher(patterns.cppSummary)
        cppSite = try RegexMatcher(patterns.cppSite)
        cppSamplePointer = try RegexMatcher(patterns.cppSamplePointer)
        cppFrame = try RegexMatcher(patterns.cppFrame)
        cppReportEnd = try RegexMatcher(patterns.cppReportEnd)
    }

    // MARK: Lines that may appear anywhere

    /// What a line outside the open report's own lines is.
    enum Reading {
        /// A report line, read.
        case line(ReportLine)
        /// A line with the distinctive structure of a report line that did not parse (or was
        /// cut): named, never dropped silently.
        case halfRecognised(String)
        /// Ordinary output, including lines that merely share a report line's first word.
        case ordinary

        var isOrdinary: Bool {
            if case .ordinary = self { return true }
            return false
        }
    }

    /// The start of every line ``classifyGeneral(_:cut:)`` reads, cut to two bytes below:
    /// outside a report, a line that starts with none of their first two bytes is ordinary
    /// output, turned away with one table lookup.
    private static let generalLineStarts: [StaticString] = [
        "=== Memory leaks in context '", "=== daslang C++ heap leak report", "[leak] ", "[daslang atexit] FATAL: ",
        "--- heap report ---", "--- string heap report ---", "--- Leak site #", "GC ", "gc_root 0x", "gc_node break: ",
        "  node 0x", "  JobStatus #", "  Feature #", "  Handle", "FATAL: exiting with code 1 -- ", "EXCEPTION: ",
        "JOB EXCEPTION: ", "JobStatus #", "total ", "tracking ", "CRASH: ", "unknown command line option ",
        "expecting job status id, got ",
    ]

    /// The two-byte starts of the lines that only an open report reads or names (its body
    /// lines, beyond ``generalLineStarts``); tab- and space-indented lines (``indentedStarts``),
    /// hex-led lines with a tab and empty lines are checked apart in ``mayMatterToAnyReport(_:)``.
    private static let reportBodyLineStarts: [StaticString] = [
        "0x", "de", "st", "bi", "by", "To", "Di", "La", "Or",
    ]

    /// The space-indented lines any report reads or names: an exception's location, profiler
    /// frames, gc nodes, dump entries, the C++ report's frames and sample pointers, and the string
    /// heap's big-stuff total.
    private static let indentedStarts: [StaticString] = [
        " at ", " big stuff total size:", "  at ", "  node 0x", "  JobStatus #", "  Feature #", "  Handle", "  sample ptr: ",
        "    0x",
    ]

    /// Whether a line starting with those two bytes may be a line of ``classifyGeneral(_:cut:)``
    /// (indexed by `first << 8 | second`).
    private static let generalFirstTwoBytes = firstTwoBytesTable(generalLineStarts)
    /// The same for the lines of ``reportBodyLineStarts``.
    private static let bodyFirstTwoBytes = firstTwoBytesTable(reportBodyLineStarts)

    private static func firstTwoBytesTable(_ starts: [StaticString]) -> [Bool] {
        var table = [Bool](repeating: false, count: 1 << 16)
        for prefix in starts { table[Int(prefix.utf8Start[0]) << 8 | Int(prefix.utf8Start[1])] = true }
        return table
    }

    /// Whether `line` may be a line that ``classifyGeneral(_:cut:)`` reads or names.
    func mayStartReportLine(_ line: UnsafeRawBufferPointer) -> Bool {
        line.count >= 2 && generalFirstTwoBytes[Int(line[0]) << 8 | Int(line[1])]
    }

    /// Whether `line` may mean anything to the parser in any state: a line for which this is
    /// false is ordinary output whatever report is open (the assembler reads it as it reads
    /// any unrelated line), so a parallel parse may pass it on as a count.
    static func mayMatterToAnyReport(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let first = line.first else { return true }
        if first == 0x09 { return true }
        if first == 0x20 { return indentedStarts.contains { ByteText.hasPrefix(line, $0) } }
        if line.count >= 2 {
            let start = Int(first) << 8 | Int(line[1])
            if generalFirstTwoBytes[start] || bodyFirstTwoBytes[start] { return true }
        }
        // dastest's lines say which test file the reports before them belong to.
        if TestRunnerLine.kind(of: line) != nil { return true }
        // A linear chunk, `bytes per location` row or what looks like one: hex digits and a tab.
        return ByteText.isHexDigit(first) && line.contains(0x09)
    }

    /// A line that starts a report, belongs to a self-delimited dump, or marks a panic, trace or
    /// usage error.
    ///
    /// Each kind of line is first checked for its distinctive structure with byte comparisons
    /// (a literal phrase, a hex id followed by ` (rc=`, a count followed by ` tracked pointers`);
    /// only a line that has it reaches PCRE2, and only the one pattern of its kind. A line with
    /// the structure that the pattern (or its numbers) rejects is half-recognised, as is any
    /// such line when it was `cut` (longer than the splitter keeps): no report line is that long.
    func classifyGeneral(_ line: UnsafeRawBufferPointer, cut: Bool) -> Reading {
        guard let first = line.first else { return .ordinary }
        switch first {
        case UInt8(ascii: "="):
            if ByteText.hasPrefix(line, "=== Memory leaks in context '") {
                return reading("profiler block header", cut) {
                    guard profilerHeader.matches(line), let allocations = decimal(profilerHeader, 2, line),
                          let bytes = hexQuantity(profilerHeader, 3, line) else { return nil }
                    return .profilerHeader(context: text(profilerHeader, 1, line), allocations: allocations, bytes: bytes)
                }
            }
            if ByteText.hasPrefix(line, "=== daslang C++ heap leak report") {
                return reading("C++ heap leak report header", cut) {
                    ByteText.equals(line, "=== daslang C++ heap leak report ===") ? .cppReportHeader : nil
                }
            }
        case UInt8(ascii: "["):
            if ByteText.hasPrefix(line, "[leak] size=") {
                return reading("profiler leak entry", cut) {
                    guard profilerLeak.matches(line), let size = hexQuantity(profilerLeak, 1, line) else { return nil }
                    return .profilerLeak(size: size)
                }
            }
            if !cut, ByteText.hasPrefix(line, "[daslang atexit] FATAL: "), atexitFatal.matches(line),
               let total = decimal(atexitFatal, 1, line) {
                return .line(.atexitFatal(environmentTotal: total))
            }
        case UInt8(ascii: "-"):
            if !cut, ByteText.equals(line, "--- heap report ---") { return .line(.heapReportHeader) }
            if !cut, ByteText.equals(line, "--- string heap report ---") { return .line(.stringHeapReportHeader) }
            // A leak site belongs inside the C++ report: outside it, it is named.
            var cursor = ByteCursor(line)
            if cursor.skip("--- Leak site #"), cursor.skipDigits(), cursor.skip(":") { return .halfRecognised("C++ heap leak site") }
        case UInt8(ascii: "G"):
            if ByteText.hasPrefix(line, "GC COMPILE LEAK: ") || ByteText.hasPrefix(line, "GC APP LEAK: ") {
                return reading("gc_node report header", cut) { gcHeader(line) }
            }
        case UInt8(ascii: "g"):
            var cursor = ByteCursor(line)
            if cursor.skip("gc_root 0x"), cursor.skipHexDigits(), cursor.skip(": count=") {
                return reading("gc_root line", cut) {
                    guard gcRoot.matches(line), let address = hex(gcRoot, 1, line), let count = decimal(gcRoot, 2, line) else {
                        return nil
                    }
                    return .gcRoot(address: address, count: count)
                }
            }
            if !cut, ByteText.hasPrefix(line, "gc_node break: "), gcBreak.matches(line), let id = decimal(gcBreak, 1, line) {
                return .line(.gcBreak(id: id))
            }
        case UInt8(ascii: " "):
            return classifyIndented(line, cut: cut)
        case UInt8(ascii: "F"):
            var cursor = ByteCursor(line)
            if cursor.skip("FATAL: exiting with code 1 -- "), cursor.skipDigits(), cursor.skip(" smart pointer") {
                return reading("smart-pointer report header", cut) {
                    guard smartPointerFatal.matches(line), let count = decimal(smartPointerFatal, 1, line) else { return nil }
                    return .smartPointerFatal(count: count, silenced: smartPointerFatal.range(2) != nil)
                }
            }
        case UInt8(ascii: "E"):
            if !cut, ByteText.hasPrefix(line, "EXCEPTION: ") {
                return .line(.exception(inJob: false, message: ByteText.string(line, 11..<line.count)))
            }
        case UInt8(ascii: "J"):
            if !cut, ByteText.hasPrefix(line, "JOB EXCEPTION: ") {
                return .line(.exception(inJob: true, message: ByteText.string(line, 15..<line.count)))
            }
            var cursor = ByteCursor(line)
            if cursor.skip("JobStatus #"), cursor.skipHexDigits(), cursor.skip(" ("),
               cursor.skip(past: ") addRef (rc=") || cursor.skip(past: ") releaseRef (rc=") {
                return reading("job-status trace line", cut) { jobTraceLine(line) }
            }
        case UInt8(ascii: "t"):
            return classifyTotalOrTracking(line, cut: cut)
        case UInt8(ascii: "C"):
            if !cut, ByteText.hasPrefix(line, "CRASH: ") {
                return .line(.crash(description: ByteText.string(line, 7..<line.count)))
            }
        case UInt8(ascii: "u"):
            if !cut, ByteText.hasPrefix(line, "unknown command line option ") {
                return .line(.unknownOption(name: ByteText.string(line, 28..<line.count)))
            }
        case UInt8(ascii: "e"):
            if !cut, ByteText.hasPrefix(line, "expecting job status id, got ") {
                return .line(.badJobStatusID(text: ByteText.string(line, 29..<line.count)))
            }
        default:
            break
        }
        return .ordinary
    }

    /// A line with a report line's structure: read by `parse`, or half-recognised as `name`
    /// when it does not parse or was cut.
    @inline(__always)
    private func reading(_ name: String, _ cut: Bool, _ parse: () -> ReportLine?) -> Reading {
        guard !cut, let line = parse() else { return .halfRecognised(name) }
        return .line(line)
    }

    private func gcHeader(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard gcLeakHeader.matches(line), let count = decimal(gcLeakHeader, 2, line) else { return nil }
        let compile = line[3] == UInt8(ascii: "C")
        let afterCompile = ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[(gcLeakHeader.range(3)?.lowerBound ?? 0)...]), "compile")
        guard compile == afterCompile else { return nil }
        return .gcLeakHeader(phase: compile ? .compile : .app, count: count)
    }

    private func jobTraceLine(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard jobTrace.matches(line), let id = hex(jobTrace, 1, line), let rc = decimal(jobTrace, 4, line) else { return nil }
        let operation: TraceEvent.Operation = line[jobTrace.range(3)?.lowerBound ?? 0] == UInt8(ascii: "a") ? .addRef : .releaseRef
        return .jobTrace(id: id, subtype: text(jobTrace, 2, line), operation: operation, referenceCount: rc,
                         location: text(jobTrace, 5, line))
    }

    private func classifyIndented(_ line: UnsafeRawBufferPointer, cut: Bool) -> Reading {
        var cursor = ByteCursor(line)
        guard cursor.skip("  ") else { return .ordinary }
        let afterIndent = cursor
        if cursor.skip("node 0x"), cursor.skipHexDigits(), cursor.skip(": id=") {
            return reading("gc_node line", cut) {
                guard gcNode.matches(line), let address = hex(gcNode, 1, line), let id = decimal(gcNode, 2, line),
                      let magic = hex(gcNode, 4, line) else { return nil }
                return .gcNode(address: address, id: id, type: text(gcNode, 3, line), magic: magic, location: text(gcNode, 5, line))
            }
        }
        cursor = afterIndent
        if cursor.skip("JobStatus #"), cursor.skipHexDigits(), cursor.skip(" (rc=") {
            return reading("JobStatus dump line", cut) {
                guard jobStatus.matches(line), let id = hex(jobStatus, 1, line), let rc = decimal(jobStatus, 2, line) else { return nil }
                let createdAt = jobStatus.range(4) != nil ? text(jobStatus, 5, line) : nil
                return .jobStatus(id: id, referenceCount: rc, subtype: text(jobStatus, 3, line), createdAt: createdAt)
            }
        }
        cursor = afterIndent
        if cursor.skip("Feature #"), cursor.skipHexDigits(), cursor.atEnd || cursor.skip(" owner=#") || cursor.skip(" created at ") {
            return reading("Feature dump line", cut) {
                guard feature.matches(line), let id = hex(feature, 1, line) else { return nil }
                var owner: HexNumber?
                if feature.range(2) != nil {
                    guard let printed = hex(feature, 2, line) else { return nil }
                    owner = printed
                }
                let createdAt = feature.range(3) != nil ? text(feature, 4, line) : nil
                return .feature(id: id, owner: owner, createdAt: createdAt)
            }
        }
        cursor = afterIndent
        if cursor.skip("Handle"), cursor.skip(" idx=") || (cursor.skip("<") && cursor.skip(past: "> idx=")), cursor.skipDigits(),
           cursor.skip(" gen=") {
            return reading("handle dump line", cut) {
                guard handle.matches(line), let index = decimal(handle, 2, line), let generation = decimal(handle, 3, line),
                      let rc = decimal(handle, 4, line) else { return nil }
                let type = handle.range(1) != nil ? text(handle, 1, line) : nil
                return .handle(type: type, index: index, generation: generation, referenceCount: rc)
            }
        }
        return .ordinary
    }

    private func classifyTotalOrTracking(_ line: UnsafeRawBufferPointer, cut: Bool) -> Reading {
        var cursor = ByteCursor(line)
        if cursor.skip("total "), cursor.skipDigits() {
            // The words after the count say which total it is: one pattern reads it.
            if cursor.skip(" tracked pointers") {
                return reading("dump total line", cut) { count(smartPointerTotal, line).map { .smartPointerTotal(count: $0) } }
            }
            if cursor.skip(" leaked JobStatus objects") {
                return reading("dump total line", cut) { count(jobStatusTotal, line).map { .jobStatusTotal(count: $0) } }
            }
            if cursor.skip(" leaked Feature objects") {
                return reading("dump total line", cut) { count(featureTotal, line).map { .featureTotal(count: $0) } }
            }
            if cursor.skip(" leaked handles of type ") {
                return reading("dump total line", cut) {
                    count(handleTotal, line).map { .handleTotal(count: $0, type: text(handleTotal, 2, line)) }
                }
            }
            return .ordinary
        }
        guard !cut else { return .ordinary }
        cursor = ByteCursor(line)
        if cursor.skip("tracking JobStatus #") {
            if jobTracking.matches(line), let decimalID = decimal(jobTracking, 1, line) { return .line(.jobTracking(decimal: decimalID)) }
        } else if cursor.skip("tracking "), cursor.skipHexDigits(), cursor.skip(" aka ") {
            if smartPointerTracking.matches(line), let id = hex(smartPointerTracking, 1, line),
               let decimalID = decimal(smartPointerTracking, 2, line) {
                return .line(.smartPointerTracking(id: id, decimal: decimalID))
            }
        }
        return .ordinary
    }

    // MARK: Lines that belong to an open report

    /// A `  at …` frame of a profiler leak.
    func classifyProfilerFrame(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard ByteText.hasPrefix(line, "  at "), Self.hasProfilerFrameStructure(line), profilerFrame.matches(line) else { return nil }
        let location = profilerFrame.range(2) != nil ? text(profilerFrame, 2, line) : nil
        return .profilerFrame(function: text(profilerFrame, 1, line), location: location)
    }

    /// Whether a `  at ` line has a profiler frame's structure: a function name without
    /// parentheses (a Java frame's `Foo.bar(Foo.java:12)` has them), alone or followed by a space
    /// and a location that ends in `:<line>` (a node frame's ends in `)`).
    static func hasProfilerFrameStructure(_ line: UnsafeRawBufferPointer) -> Bool {
        let nameStart = 5
        var index = nameStart
        while index < line.count, line[index] != 0x20 {
            if line[index] == UInt8(ascii: "(") || line[index] == UInt8(ascii: ")") { return false }
            index += 1
        }
        guard index > nameStart else { return false }
        guard index < line.count else { return true }
        var end = line.count
        while end > index + 1, line[end - 1] >= 0x30, line[end - 1] <= 0x39 { end -= 1 }
        return end < line.count && line[end - 1] == UInt8(ascii: ":")
    }

    /// A pointer line of the smart-pointer dump.
    func classifySmartPointer(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard ByteText.hasPrefix(line, "0x"), smartPointer.matches(line), let address = hex(smartPointer, 1, line),
              let rc = decimal(smartPointer, 2, line), let id = hex(smartPointer, 3, line) else { return nil }
        let description = smartPointer.range(4) != nil ? text(smartPointer, 4, line) : nil
        return .smartPointer(address: address, referenceCount: rc, id: id, description: description)
    }

    /// The ` at <loc>` line that follows `EXCEPTION:`.
    func classifyExceptionLocation(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard ByteText.hasPrefix(line, " at ") else { return nil }
        return .exceptionLocation(location: ByteText.string(line, 4..<line.count))
    }

    /// A line of a heap or string-heap body.
    func classifyHeapBody(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let first = line.first else { return nil }
        // Each pattern is tried only on a line that starts as its lines do.
        switch first {
        case 0x09:
            return classifyHeapTabbed(line)
        case UInt8(ascii: "d"):
            if ByteText.hasPrefix(line, "decks of size "), decksHeader.matches(line), let size = decimal(decksHeader, 1, line) {
                return .decksHeader(size: size)
            }
            if ByteText.hasPrefix(line, "decks reserves "), decksReserves.matches(line), let kb = decimal(decksReserves, 1, line),
               let chunks = decimal(decksReserves, 2, line) {
                return .decksReserves(kilobytes: kb, chunks: chunks)
            }
        case UInt8(ascii: "s"):
            if ByteText.hasPrefix(line, "string decks of size "), stringDecksHeader.matches(line),
               let size = decimal(stringDecksHeader, 1, line) {
                return .stringDecksHeader(size: size)
            }
        case UInt8(ascii: "b"):
            if ByteText.equals(line, "big stuff:") { return .bigStuffHeader }
            if ByteText.equals(line, "bytes per location:") { return .bytesPerLocationHeader }
        case UInt8(ascii: " "):
            if ByteText.hasPrefix(line, " big stuff total size:"), stringBigStuffTotal.matches(line),
               let kb = decimal(stringBigStuffTotal, 1, line) {
                return .stringBigStuffTotal(kilobytes: kb)
            }
        default:
            break
        }
        var cursor = ByteCursor(line)
        guard cursor.skipHexDigits(), cursor.skip("\t") else { return nil }
        let afterTab = cursor
        if cursor.skipDigits(), cursor.skip(" of "), linearChunk.matches(line), let address = hex(linearChunk, 1, line),
           let used = decimal(linearChunk, 2, line), let size = decimal(linearChunk, 3, line) {
            return .linearChunk(address: address, used: used, size: size)
        }
        cursor = ByteCursor(line)
        if cursor.skipDigits(), cursor.index == afterTab.index - 1, bytesPerLocation.matches(line),
           let bytes = decimal(bytesPerLocation, 1, line) {
            return .bytesPerLocation(bytes: bytes, location: text(bytesPerLocation, 2, line))
        }
        return nil
    }

    private func classifyHeapTabbed(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        if ByteText.equals(line, "\tsize\tpointer\t\tid") { return .bigStuffColumns }
        var cursor = ByteCursor(line, at: 1)
        if cursor.skip("[") {
            if deckRange.matches(line), let from = hex(deckRange, 1, line), let to = hex(deckRange, 2, line) {
                return .deckRange(from: from, to: to)
            }
        } else if cursor.skipDigits() {
            if cursor.skip(" of ") {
                if deckCounts.matches(line), let allocated = decimal(deckCounts, 1, line), let total = decimal(deckCounts, 2, line),
                   let bytes = decimal(deckCounts, 3, line), let totalBytes = decimal(deckCounts, 4, line) {
                    return .deckCounts(allocated: allocated, total: total, bytes: bytes, totalBytes: totalBytes)
                }
            } else if cursor.skip("\t0x") {
                if bigStuffRow.matches(line), let size = decimal(bigStuffRow, 1, line), let pointer = hex(bigStuffRow, 2, line),
                   let id = decimal(bigStuffRow, 3, line) {
                    let comment = bigStuffRow.range(4) != nil ? text(bigStuffRow, 4, line) : nil
                    let location = bigStuffRow.range(5) != nil ? text(bigStuffRow, 5, line) : nil
                    return .bigStuffRow(size: size, pointer: pointer, id: id, comment: comment, location: location)
                }
            }
        }
        cursor = ByteCursor(line, at: 1)
        if cursor.skip(past: " bytes, at 0x"), stringBigStuffRow.matches(line), let size = decimal(stringBigStuffRow, 2, line) {
            return .stringBigStuffRow(text: text(stringBigStuffRow, 1, line), size: size, address: text(stringBigStuffRow, 3, line))
        }
        return nil
    }

    /// A string of the string heap: `indent` tabs, then its text (any bytes at all).
    func classifyHeapString(_ line: UnsafeRawBufferPointer, indent: Int) -> ReportLine? {
        guard isHeapString(line, indent: indent) else { return nil }
        return .heapString(text: ByteText.string(line, indent..<line.count), indent: indent)
    }

    /// Whether `line` is indented as a string of the string heap is (`indent` tabs).
    func isHeapString(_ line: UnsafeRawBufferPointer, indent: Int) -> Bool {
        line.count >= indent && line.prefix(indent).allSatisfy { $0 == 0x09 }
    }

    /// A line of the C++ heap leak report (after its header).
    func classifyCppBody(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let first = line.first else { return .cppBlank }
        switch first {
        case UInt8(ascii: " "):
            if ByteText.hasPrefix(line, "    0x"), cppFrame.matches(line), let address = hex(cppFrame, 1, line) {
                let symbol = text(cppFrame, 2, line)
                let library = cppFrame.range(3) != nil ? text(cppFrame, 3, line) : nil
                return .cppFrame(address: address, symbol: symbol == "?" && library == nil ? nil : symbol, library: library)
            }
            if ByteText.hasPrefix(line, "  sample ptr: 0x"), cppSamplePointer.matches(line), let pointer = hex(cppSamplePointer, 1, line) {
                return .cppSamplePointer(pointer)
            }
        case UInt8(ascii: "-"):
            if ByteText.hasPrefix(line, "--- Leak site #"), cppSite.matches(line), let index = decimal(cppSite, 1, line), let allocations = decimal(cppSite, 2, line),
               let bytes = decimal(cppSite, 3, line), let minimum = decimal(cppSite, 4, line),
               let maximum = decimal(cppSite, 5, line), let mean = decimal(cppSite, 6, line) {
                return .cppSite(index: index, allocations: allocations, bytes: bytes, min: minimum, max: maximum, mean: mean)
            }
        case UInt8(ascii: "="):
            if ByteText.hasPrefix(line, "=== End report ("), cppReportEnd.matches(line), let leaks = decimal(cppReportEnd, 1, line), let sites = decimal(cppReportEnd, 2, line) {
                return .cppReportEnd(leaks: leaks, sites: sites, seconds: text(cppReportEnd, 3, line))
            }
        case UInt8(ascii: "T"), UInt8(ascii: "D"), UInt8(ascii: "L"), UInt8(ascii: "O"):
            if cppSummary.matches(line), let value = decimal(cppSummary, 2, line) {
                let field: CppSummaryField
                if ByteText.hasPrefix(line, "Total live allocations:") {
                    field = .liveAllocations
                } else if ByteText.hasPrefix(line, "Total bytes:") {
                    field = .bytes
                } else if ByteText.hasPrefix(line, "Distinct leak sites:") {
                    field = .sites
                } else if ByteText.hasPrefix(line, "Largest single alloc:") {
                    field = .largestAllocation
                } else {
                    field = .orphanFrees
                }
                return .cppSummary(field: field, value: value)
            }
        default:
            break
        }
        return nil
    }

    // MARK: Half-recognised lines

    /// The starts of the C++ heap leak report's own lines, which appear only inside that report.
    private static let cppReportLineStarts: [(prefix: StaticString, name: String)] = [
        ("Total live allocations:", "C++ heap leak report summary line"),
        ("Total bytes:", "C++ heap leak report summary line"),
        ("Distinct leak sites:", "C++ heap leak report summary line"),
        ("Largest single alloc:", "C++ heap leak report summary line"),
        ("Orphan frees", "C++ heap leak report summary line"),
        ("  sample ptr: ", "C++ heap leak site sample line"),
        ("    0x", "C++ heap leak stack frame"),
        ("=== End report", "C++ heap leak report end line"),
    ]

    /// Inside a C++ heap leak report: a name for what `line` starts like when it starts like one
    /// of the report's lines but did not parse.
    func halfRecognisedInCppReport(_ line: UnsafeRawBufferPointer) -> String? {
        Self.cppReportLineStarts.first { ByteText.hasPrefix(line, $0.prefix) }?.name
    }

    /// Inside an open GC report or dump: a name for `line` when it starts like one of the
    /// report's entry lines but did not parse. Inside the report, where nothing else is
    /// printed, the start alone says so.
    func halfRecognisedEntry(_ line: UnsafeRawBufferPointer, of entries: ReportEntries) -> String? {
        switch entries {
        case .gc:
            if ByteText.hasPrefix(line, "  node 0x") { return "gc_node line" }
            return ByteText.hasPrefix(line, "gc_root 0x") ? "gc_root line" : nil
        case .jobStatus:
            return ByteText.hasPrefix(line, "  JobStatus #") ? "JobStatus dump line" : nil
        case .feature:
            return ByteText.hasPrefix(line, "  Feature #") ? "Feature dump line" : nil
        case .handles:
            return ByteText.hasPrefix(line, "  Handle") ? "handle dump line" : nil
        case .smartPointers:
            var cursor = ByteCursor(line)
            return cursor.skip("0x") && cursor.skipHexDigits() && cursor.skip(" (rc=") ? "smart-pointer dump line" : nil
        }
    }

    /// Inside the heap body of a heap report (not the string heap, whose lines are free text):
    /// whether `line` has the structure of one of its lines (a deck range `\t[<hex>..`, deck
    /// counts `\t<n> of `, a big-stuff row `\t<n>\t0x`, its column line, a linear chunk
    /// `<hex>\t<n> of `, or — under `bytes per location:` — `<n>\t`) though it did not parse or
    /// came where the report does not put it. Other tab-indented output is not the report's.
    func looksLikeHeapBodyLine(_ line: UnsafeRawBufferPointer, inBytesPerLocation: Bool) -> Bool {
        var cursor = ByteCursor(line)
        if cursor.skip("\t") {
            if cursor.skip("[") { return cursor.skipHexDigits() && cursor.skip("..") }
            if cursor.skip("size\t") { return true }
            return cursor.skipDigits() && (cursor.skip(" of ") || cursor.skip("\t0x"))
        }
        guard cursor.skipHexDigits(), cursor.skip("\t") else { return false }
        if inBytesPerLocation, line.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true { return true }
        return cursor.skipDigits() && cursor.skip(" of ")
    }

    // MARK: Captures

    @inline(__always)
    private func text(_ matcher: RegexMatcher, _ index: Int, _ line: UnsafeRawBufferPointer) -> String {
        guard let range = matcher.range(index) else { return "" }
        return ByteText.string(line, range)
    }

    /// The count a total line's pattern captures first, when the pattern matches.
    private func count(_ matcher: RegexMatcher, _ line: UnsafeRawBufferPointer) -> Int? {
        matcher.matches(line) ? decimal(matcher, 1, line) : nil
    }

    @inline(__always)
    private func decimal(_ matcher: RegexMatcher, _ index: Int, _ line: UnsafeRawBufferPointer) -> Int? {
        guard let range = matcher.range(index) else { return nil }
        return ByteText.decimal(line, range)
    }

    @inline(__always)
    private func hex(_ matcher: RegexMatcher, _ index: Int, _ line: UnsafeRawBufferPointer) -> HexNumber? {
        guard let range = matcher.range(index) else { return nil }
        return ByteText.hex(line, range)
    }

    /// A size printed in hex: an address may use all 64 bits, a size stays under ``ByteText/quantityLimit``.
    private func hexQuantity(_ matcher: RegexMatcher, _ index: Int, _ line: UnsafeRawBufferPointer) -> HexNumber? {
        hex(matcher, index, line).flatMap { $0.value <= UInt64(ByteText.quantityLimit) ? $0 : nil }
    }
}
