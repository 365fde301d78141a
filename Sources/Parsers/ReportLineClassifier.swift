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
    /// The entries of ``reportLineStarts`` by their first byte (indexed by byte).
    private let reportLineStartsByFirstByte: [[(prefix: StaticString, name: String)]]
    /// Whether a line starting with those two bytes may be a report line (indexed by `first << 8 | second`).
    private let reportLineFirstTwoBytes: [Bool]

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
        var byFirstByte = [[(prefix: StaticString, name: String)]](repeating: [], count: 256)
        for start in Self.reportLineStarts { byFirstByte[Int(start.prefix.utf8Start.pointee)].append(start) }
        reportLineStartsByFirstByte = byFirstByte
        var firstTwoBytes = [Bool](repeating: false, count: 1 << 16)
        for prefix in Self.generalLineStarts + Self.reportLineStarts.map(\.prefix) {
            firstTwoBytes[Int(prefix.utf8Start[0]) << 8 | Int(prefix.utf8Start[1])] = true
        }
        reportLineFirstTwoBytes = firstTwoBytes
    }

    // MARK: Lines that may appear anywhere

    /// The start of every line ``classifyGeneral(_:)`` reads (its prefixes, cut to two bytes
    /// below) besides the half-recognised ones: outside a report, a line that starts with none
    /// of their first two bytes is ordinary output, turned away with one table lookup.
    private static let generalLineStarts: [StaticString] = [
        "=== Memory leaks in context '", "=== daslang C++ heap leak report ===", "[leak] ", "[daslang atexit] FATAL: ",
        "--- heap report ---", "--- string heap report ---", "GC ", "gc_root 0x", "gc_node break: ", "  node 0x",
        "  JobStatus #", "  Feature #", "  Handle", "FATAL: exiting with code 1 -- ", "EXCEPTION: ", "JOB EXCEPTION: ",
        "JobStatus #", "total ", "tracking ", "CRASH: ", "unknown command line option ", "expecting job status id, got ",
    ]

    /// Whether `line` may be a line that ``classifyGeneral(_:)`` or ``halfRecognised(_:)`` knows.
    func mayStartReportLine(_ line: UnsafeRawBufferPointer) -> Bool {
        line.count >= 2 && reportLineFirstTwoBytes[Int(line[0]) << 8 | Int(line[1])]
    }

    /// A line that starts a report, belongs to a self-delimited dump, or marks a panic, trace or
    /// usage error. Returns nil for ordinary output.
    func classifyGeneral(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let first = line.first else { return nil }
        switch first {
        case UInt8(ascii: "="):
            if ByteText.hasPrefix(line, "=== Memory leaks in context '"), profilerHeader.matches(line),
               let allocations = decimal(profilerHeader, 2, line), let bytes = hexQuantity(profilerHeader, 3, line) {
                return .profilerHeader(context: text(profilerHeader, 1, line), allocations: allocations, bytes: bytes)
            }
            if ByteText.equals(line, "=== daslang C++ heap leak report ===") { return .cppReportHeader }
        case UInt8(ascii: "["):
            if ByteText.hasPrefix(line, "[leak] "), profilerLeak.matches(line), let size = hexQuantity(profilerLeak, 1, line) {
                return .profilerLeak(size: size)
            }
            if ByteText.hasPrefix(line, "[daslang atexit] FATAL: "), atexitFatal.matches(line),
               let total = decimal(atexitFatal, 1, line) {
                return .atexitFatal(environmentTotal: total)
            }
        case UInt8(ascii: "-"):
            if ByteText.equals(line, "--- heap report ---") { return .heapReportHeader }
            if ByteText.equals(line, "--- string heap report ---") { return .stringHeapReportHeader }
        case UInt8(ascii: "G"):
            if ByteText.hasPrefix(line, "GC "), gcLeakHeader.matches(line), let count = decimal(gcLeakHeader, 2, line) {
                let compile = line[3] == UInt8(ascii: "C")
                let afterCompile = ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[(gcLeakHeader.range(3)?.lowerBound ?? 0)...]), "compile")
                guard compile == afterCompile else { return nil }
                return .gcLeakHeader(phase: compile ? .compile : .app, count: count)
            }
        case UInt8(ascii: "g"):
            if ByteText.hasPrefix(line, "gc_root 0x"), gcRoot.matches(line),
               let address = hex(gcRoot, 1, line), let count = decimal(gcRoot, 2, line) {
                return .gcRoot(address: address, count: count)
            }
            if ByteText.hasPrefix(line, "gc_node break: "), gcBreak.matches(line), let id = decimal(gcBreak, 1, line) {
                return .gcBreak(id: id)
            }
        case UInt8(ascii: " "):
            return classifyIndented(line)
        case UInt8(ascii: "F"):
            if ByteText.hasPrefix(line, "FATAL: exiting with code 1 -- "), smartPointerFatal.matches(line),
               let count = decimal(smartPointerFatal, 1, line) {
                return .smartPointerFatal(count: count, silenced: smartPointerFatal.range(2) != nil)
            }
        case UInt8(ascii: "E"):
            if ByteText.hasPrefix(line, "EXCEPTION: ") {
                return .exception(inJob: false, message: ByteText.string(line, 11..<line.count))
            }
        case UInt8(ascii: "J"):
            if ByteText.hasPrefix(line, "JOB EXCEPTION: ") {
                return .exception(inJob: true, message: ByteText.string(line, 15..<line.count))
            }
            if ByteText.hasPrefix(line, "JobStatus #"), jobTrace.matches(line), let id = hex(jobTrace, 1, line),
               let rc = decimal(jobTrace, 4, line) {
                let operation: TraceEvent.Operation = line[jobTrace.range(3)?.lowerBound ?? 0] == UInt8(ascii: "a") ? .addRef : .releaseRef
                return .jobTrace(id: id, subtype: text(jobTrace, 2, line), operation: operation, referenceCount: rc,
                                 location: text(jobTrace, 5, line))
            }
        case UInt8(ascii: "t"):
            return classifyTotalOrTracking(line)
        case UInt8(ascii: "C"):
            if ByteText.hasPrefix(line, "CRASH: ") {
                return .crash(description: ByteText.string(line, 7..<line.count))
            }
        case UInt8(ascii: "u"):
            if ByteText.hasPrefix(line, "unknown command line option ") {
                return .unknownOption(name: ByteText.string(line, 28..<line.count))
            }
        case UInt8(ascii: "e"):
            if ByteText.hasPrefix(line, "expecting job status id, got ") {
                return .badJobStatusID(text: ByteText.string(line, 29..<line.count))
            }
        default:
            break
        }
        return nil
    }

    private func classifyIndented(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        if ByteText.hasPrefix(line, "  node 0x"), gcNode.matches(line), let address = hex(gcNode, 1, line),
           let id = decimal(gcNode, 2, line), let magic = hex(gcNode, 4, line) {
            return .gcNode(address: address, id: id, type: text(gcNode, 3, line), magic: magic, location: text(gcNode, 5, line))
        }
        if ByteText.hasPrefix(line, "  JobStatus #"), jobStatus.matches(line), let id = hex(jobStatus, 1, line),
           let rc = decimal(jobStatus, 2, line) {
            let createdAt = jobStatus.range(4) != nil ? text(jobStatus, 5, line) : nil
            return .jobStatus(id: id, referenceCount: rc, subtype: text(jobStatus, 3, line), createdAt: createdAt)
        }
        if ByteText.hasPrefix(line, "  Feature #"), feature.matches(line), let id = hex(feature, 1, line) {
            let owner = feature.range(2) != nil ? hex(feature, 2, line) : nil
            let createdAt = feature.range(3) != nil ? text(feature, 4, line) : nil
            return .feature(id: id, owner: owner, createdAt: createdAt)
        }
        if ByteText.hasPrefix(line, "  Handle"), handle.matches(line), let index = decimal(handle, 2, line),
           let generation = decimal(handle, 3, line), let rc = decimal(handle, 4, line) {
            let type = handle.range(1) != nil ? text(handle, 1, line) : nil
            return .handle(type: type, index: index, generation: generation, referenceCount: rc)
        }
        return nil
    }

    private func classifyTotalOrTracking(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        if ByteText.hasPrefix(line, "total ") {
            if jobStatusTotal.matches(line), let count = decimal(jobStatusTotal, 1, line) { return .jobStatusTotal(count: count) }
            if featureTotal.matches(line), let count = decimal(featureTotal, 1, line) { return .featureTotal(count: count) }
            if smartPointerTotal.matches(line), let count = decimal(smartPointerTotal, 1, line) {
                return .smartPointerTotal(count: count)
            }
            if handleTotal.matches(line), let count = decimal(handleTotal, 1, line) {
                return .handleTotal(count: count, type: text(handleTotal, 2, line))
            }
        } else if ByteText.hasPrefix(line, "tracking ") {
            if jobTracking.matches(line), let decimalID = decimal(jobTracking, 1, line) { return .jobTracking(decimal: decimalID) }
            if smartPointerTracking.matches(line), let id = hex(smartPointerTracking, 1, line),
               let decimalID = decimal(smartPointerTracking, 2, line) {
                return .smartPointerTracking(id: id, decimal: decimalID)
            }
        }
        return nil
    }

    // MARK: Lines that belong to an open report

    /// A `  at …` frame of a profiler leak.
    func classifyProfilerFrame(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard ByteText.hasPrefix(line, "  at "), profilerFrame.matches(line) else { return nil }
        let location = profilerFrame.range(2) != nil ? text(profilerFrame, 2, line) : nil
        return .profilerFrame(function: text(profilerFrame, 1, line), location: location)
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
        switch first {
        case 0x09:
            return classifyHeapTabbed(line)
        case UInt8(ascii: "d"):
            if decksHeader.matches(line), let size = decimal(decksHeader, 1, line) { return .decksHeader(size: size) }
            if decksReserves.matches(line), let kb = decimal(decksReserves, 1, line), let chunks = decimal(decksReserves, 2, line) {
                return .decksReserves(kilobytes: kb, chunks: chunks)
            }
        case UInt8(ascii: "s"):
            if stringDecksHeader.matches(line), let size = decimal(stringDecksHeader, 1, line) {
                return .stringDecksHeader(size: size)
            }
        case UInt8(ascii: "b"):
            if ByteText.equals(line, "big stuff:") { return .bigStuffHeader }
            if ByteText.equals(line, "bytes per location:") { return .bytesPerLocationHeader }
        case UInt8(ascii: " "):
            if stringBigStuffTotal.matches(line), let kb = decimal(stringBigStuffTotal, 1, line) {
                return .stringBigStuffTotal(kilobytes: kb)
            }
        default:
            break
        }
        if linearChunk.matches(line), let address = hex(linearChunk, 1, line), let used = decimal(linearChunk, 2, line),
           let size = decimal(linearChunk, 3, line) {
            return .linearChunk(address: address, used: used, size: size)
        }
        if bytesPerLocation.matches(line), let bytes = decimal(bytesPerLocation, 1, line) {
            return .bytesPerLocation(bytes: bytes, location: text(bytesPerLocation, 2, line))
        }
        return nil
    }

    private func classifyHeapTabbed(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        if ByteText.equals(line, "\tsize\tpointer\t\tid") { return .bigStuffColumns }
        if line.count > 1, line[1] == UInt8(ascii: "[") || (line[1] >= 0x30 && line[1] <= 0x39) {
            if deckRange.matches(line), let from = hex(deckRange, 1, line), let to = hex(deckRange, 2, line) {
                return .deckRange(from: from, to: to)
            }
            if deckCounts.matches(line), let allocated = decimal(deckCounts, 1, line), let total = decimal(deckCounts, 2, line),
               let bytes = decimal(deckCounts, 3, line), let totalBytes = decimal(deckCounts, 4, line) {
                return .deckCounts(allocated: allocated, total: total, bytes: bytes, totalBytes: totalBytes)
            }
            if bigStuffRow.matches(line), let size = decimal(bigStuffRow, 1, line), let pointer = hex(bigStuffRow, 2, line),
               let id = decimal(bigStuffRow, 3, line) {
                let comment = bigStuffRow.range(4) != nil ? text(bigStuffRow, 4, line) : nil
                let location = bigStuffRow.range(5) != nil ? text(bigStuffRow, 5, line) : nil
                return .bigStuffRow(size: size, pointer: pointer, id: id, comment: comment, location: location)
            }
        }
        if stringBigStuffRow.matches(line), let size = decimal(stringBigStuffRow, 2, line) {
            return .stringBigStuffRow(text: text(stringBigStuffRow, 1, line), size: size, address: text(stringBigStuffRow, 3, line))
        }
        if line.count > 1, line[1] == 0x09 {
            return .heapString(text: ByteText.string(line, 2..<line.count), indent: 2)
        }
        return .heapString(text: ByteText.string(line, 1..<line.count), indent: 1)
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
            if cppSamplePointer.matches(line), let pointer = hex(cppSamplePointer, 1, line) { return .cppSamplePointer(pointer) }
        case UInt8(ascii: "-"):
            if cppSite.matches(line), let index = decimal(cppSite, 1, line), let allocations = decimal(cppSite, 2, line),
               let bytes = decimal(cppSite, 3, line), let minimum = decimal(cppSite, 4, line),
               let maximum = decimal(cppSite, 5, line), let mean = decimal(cppSite, 6, line) {
                return .cppSite(index: index, allocations: allocations, bytes: bytes, min: minimum, max: maximum, mean: mean)
            }
        case UInt8(ascii: "="):
            if cppReportEnd.matches(line), let leaks = decimal(cppReportEnd, 1, line), let sites = decimal(cppReportEnd, 2, line) {
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

    /// The starts of report lines, with what such a line is called when it does not parse.
    private static let reportLineStarts: [(prefix: StaticString, name: String)] = [
        ("=== Memory leaks in context", "profiler block header"),
        ("[leak] size=", "profiler leak entry"),
        ("GC COMPILE LEAK", "gc_node report header"),
        ("GC APP LEAK", "gc_node report header"),
        ("gc_root 0x", "gc_root line"),
        ("  node 0x", "gc_node line"),
        ("FATAL: exiting with code 1 --", "smart-pointer report header"),
        ("  JobStatus #", "JobStatus dump line"),
        ("  Feature #", "Feature dump line"),
        ("  Handle<", "handle dump line"),
        ("  Handle idx=", "handle dump line"),
        ("=== daslang C++ heap leak report", "C++ heap leak report header"),
        ("--- Leak site #", "C++ heap leak site"),
        ("JobStatus #", "job-status trace line"),
    ]

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

    /// Inside the heap body of a heap report (not the string heap, whose lines are free text):
    /// whether `line` looks like one of its lines (tab-indented, or a number and a tab) though it
    /// did not parse or came where the report does not put it.
    func looksLikeHeapBodyLine(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let first = line.first else { return false }
        return first == 0x09 || (ByteText.isHexDigit(first) && line.contains(0x09))
    }

    /// A name for what `line` starts like when it starts like a report line but did not parse:
    /// such a line is reported, never dropped silently.
    func halfRecognised(_ line: UnsafeRawBufferPointer) -> String? {
        // Only the starts that share the line's first byte are compared.
        guard let first = line.first else { return nil }
        for (prefix, name) in reportLineStartsByFirstByte[Int(first)] where ByteText.hasPrefix(line, prefix) {
            return name
        }
        if first == UInt8(ascii: "t"), ByteText.hasPrefix(line, "total "), line.count > 6, line[6] >= 0x30, line[6] <= 0x39,
           ByteText.contains(line, "leaked") || ByteText.contains(line, "tracked pointers") {
            return "dump total line"
        }
        return nil
    }

    // MARK: Captures

    @inline(__always)
    private func text(_ matcher: RegexMatcher, _ index: Int, _ line: UnsafeRawBufferPointer) -> String {
        guard let range = matcher.range(index) else { return "" }
        return ByteText.string(line, range)
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
