import LeakModel

/// Prints a typed report line exactly as the daslang runtime prints it: the inverse of
/// the parsers, down to tabs, trailing spaces and the `[I] ` logger marker.
public enum ReportLineRenderer {
    /// The line as printed, marker included, without the newline.
    public static func render(_ recognized: RecognizedLine) -> String {
        (recognized.marker?.rawValue ?? "") + render(recognized.line)
    }

    /// The line's text as printed, without marker or newline.
    public static func render(_ line: ReportLine) -> String {
        switch line {
        case let .profilerHeader(context, allocations, bytes):
            return "=== Memory leaks in context '\(context)' (\(allocations) allocations, 0x\(bytes) bytes) ==="
        case let .profilerLeak(size):
            return "[leak] size=0x\(size) bytes"
        case let .profilerFrame(function, location):
            return "  at \(function)" + (location.map { " " + $0 } ?? "")
        case .heapReportHeader:
            return "--- heap report ---"
        case .stringHeapReportHeader:
            return "--- string heap report ---"
        case let .decksHeader(size):
            return "decks of size \(size)"
        case let .stringDecksHeader(size):
            return "string decks of size \(size)"
        case let .deckRange(from, to):
            return "\t[\(from)..\(to))"
        case let .deckCounts(allocated, total, bytes, totalBytes):
            return "\t\(allocated) of \(total), \(bytes) of \(totalBytes) bytes"
        case let .decksReserves(kilobytes, chunks):
            return "decks reserves \(kilobytes) kb in \(chunks) chunks"
        case .bigStuffHeader:
            return "big stuff:"
        case .bigStuffColumns:
            return "\tsize\tpointer\t\tid"
        case let .bigStuffRow(size, pointer, id, comment, location):
            var text = "\t\(size)\t0x\(pointer)\t\(id)"
            if let comment { text += "\t" + comment }
            if let location { text += "\t" + location }
            return text
        case .bytesPerLocationHeader:
            return "bytes per location:"
        case let .bytesPerLocation(bytes, location):
            return "\(bytes)\t\(location)"
        case let .linearChunk(address, used, size):
            return "\(address)\t\(used) of \(size)"
        case let .heapString(text, indent):
            return String(repeating: "\t", count: indent) + text
        case let .stringBigStuffRow(text, size, address):
            return "\t\(text) size \(size) bytes, at 0x\(address)"
        case let .stringBigStuffTotal(kilobytes):
            return " big stuff total size:\(kilobytes) kb"
        case let .gcLeakHeader(phase, count):
            switch phase {
            case .compile: return "GC COMPILE LEAK: \(count) gc_node(s) after compile"
            case .app: return "GC APP LEAK: \(count) gc_node(s) after execution"
            }
        case let .gcRoot(address, count):
            return "gc_root 0x\(address): count=\(count)"
        case let .gcNode(address, id, type, magic, location):
            return "  node 0x\(address): id=\(id) type=\(type) magic=0x\(magic) \(location)"
        case let .gcBreak(id):
            return "gc_node break: id=\(id)"
        case let .smartPointerFatal(count, silenced):
            return "FATAL: exiting with code 1 -- \(count) smart pointer(s) still alive at shutdown"
                + (silenced ? " (re-run without -no-dump-leaks for the per-pointer dump)" : "")
        case let .smartPointer(address, referenceCount, id, description):
            return "0x\(address) (rc=\(referenceCount), id=\(id))" + (description.map { " " + $0 } ?? "")
        case let .smartPointerTotal(count):
            return "total \(count) tracked pointers"
        case let .smartPointerTracking(id, decimal):
            return "tracking \(id) aka \(decimal)"
        case let .jobStatus(id, referenceCount, subtype, createdAt):
            return "  JobStatus #\(id) (rc=\(referenceCount)) \(subtype)" + (createdAt.map { " created at " + $0 } ?? "")
        case let .jobStatusTotal(count):
            return "total \(count) leaked JobStatus objects"
        case let .feature(id, owner, createdAt):
            return "  Feature #\(id)" + (owner.map { " owner=#\($0)" } ?? "") + (createdAt.map { " created at " + $0 } ?? "")
        case let .featureTotal(count):
            return "total \(count) leaked Feature objects"
        case let .jobTracking(decimal):
            return "tracking JobStatus #\(decimal)"
        case let .jobTrace(id, subtype, operation, referenceCount, location):
            return "JobStatus #\(id) (\(subtype)) \(operation.rawValue) (rc=\(referenceCount)) at \(location)"
        case let .exception(inJob, message):
            return (inJob ? "JOB EXCEPTION: " : "EXCEPTION: ") + message
        case let .exceptionLocation(location):
            return " at \(location)"
        case let .atexitFatal(environmentTotal):
            return "[daslang atexit] FATAL: g_envTotal=\(environmentTotal) at exit (Initialize/Shutdown not balanced)"
        case let .crash(description):
            return "CRASH: \(description)"
        case let .handle(type, index, generation, referenceCount):
            return "  Handle" + (type.map { "<\($0)>" } ?? "") + " idx=\(index) gen=\(generation) (rc=\(referenceCount))"
        case let .handleTotal(count, type):
            return "total \(count) leaked handles of type \(type)"
        case .cppReportHeader:
            return "=== daslang C++ heap leak report ==="
        case let .cppSummary(field, value):
            return cppSummary(field, value)
        case let .cppSite(index, allocations, bytes, min, max, mean):
            return "--- Leak site #\(index): \(grouped(allocations)) allocs, \(grouped(bytes)) bytes (min \(grouped(min)), max \(grouped(max)), mean \(grouped(mean))) ---"
        case let .cppSamplePointer(pointer):
            return "  sample ptr: 0x\(pointer)"
        case let .cppFrame(address, symbol, library):
            return "    0x\(address)  \(symbol ?? "?")" + (library.map { "   (\($0))" } ?? "")
        case .cppBlank:
            return ""
        case let .cppReportEnd(leaks, sites, seconds):
            return "=== End report (\(grouped(leaks)) leaks, \(grouped(sites)) sites, symbolized in \(seconds)s) ==="
        case let .unknownOption(name):
            return "unknown command line option \(name)"
        case let .badJobStatusID(text):
            return "expecting job status id, got \(text)"
        }
    }

    /// The aligned summary lines: the label padded to 24 columns, numbers with thousands separators.
    private static func cppSummary(_ field: CppSummaryField, _ value: Int) -> String {
        let label: String
        switch field {
        case .liveAllocations: label = "Total live allocations:"
        case .bytes: label = "Total bytes:"
        case .sites: label = "Distinct leak sites:"
        case .largestAllocation: label = "Largest single alloc:"
        case .orphanFrees: label = "Orphan frees (pre-arm or cross-module):"
        }
        let padded = label + String(repeating: " ", count: max(1, 24 - label.count))
        return padded + grouped(value) + (field == .largestAllocation ? " bytes" : "")
    }

    private static func grouped(_ value: Int) -> String {
        value.formattedWithThousandsSeparators
    }
}
