/// One line of a daslang leak report, with every field it prints, so that it can be
/// rendered back byte for byte. The comment on each case shows the printed form.
public enum ReportLine: Sendable, Equatable {
    // MARK: Leak profiler
    /// `=== Memory leaks in context '<name>' (<n> allocations, 0x<hex> bytes) ===`
    case profilerHeader(context: String, allocations: Int, bytes: HexNumber)
    /// `[leak] size=0x<hex> bytes`
    case profilerLeak(size: HexNumber)
    /// `  at <function> <file>:<line>`, `  at <function>` or `  at ?`
    case profilerFrame(function: String, location: String?)

    // MARK: Heap and string-heap report
    /// `--- heap report ---`
    case heapReportHeader
    /// `--- string heap report ---`
    case stringHeapReportHeader
    /// `decks of size <n>`
    case decksHeader(size: Int)
    /// `string decks of size <n>`
    case stringDecksHeader(size: Int)
    /// `\t[<hex>..<hex>)`
    case deckRange(from: HexNumber, to: HexNumber)
    /// `\t<allocated> of <total>, <bytes> of <totalBytes> bytes`
    case deckCounts(allocated: Int, total: Int, bytes: Int, totalBytes: Int)
    /// `decks reserves <kb> kb in <n> chunks`
    case decksReserves(kilobytes: Int, chunks: Int)
    /// `big stuff:`
    case bigStuffHeader
    /// `\tsize\tpointer\t\tid`
    case bigStuffColumns
    /// `\t<size>\t0x<hex>\t<id>[\t<comment>[\t<loc>]]`
    case bigStuffRow(size: Int, pointer: HexNumber, id: Int, comment: String?, location: String?)
    /// `bytes per location:`
    case bytesPerLocationHeader
    /// `<bytes>\t<loc>`
    case bytesPerLocation(bytes: Int, location: String)
    /// `<hex>\t<used> of <size>` (linear heap chunk, no `0x`)
    case linearChunk(address: HexNumber, used: Int, size: Int)
    /// A live string: one tab (linear chunk) or two tabs (string deck) then the text.
    case heapString(text: String, indent: Int)
    /// `\t<string> size <n> bytes, at 0x<decimal digits>`
    case stringBigStuffRow(text: String, size: Int, address: String)
    /// ` big stuff total size:<kb> kb`
    case stringBigStuffTotal(kilobytes: Int)

    // MARK: gc_node survivors
    /// `GC COMPILE LEAK: <n> gc_node(s) after compile` / `GC APP LEAK: <n> gc_node(s) after execution`
    case gcLeakHeader(phase: GCPhase, count: Int)
    /// `gc_root 0x<hex>: count=<n>`
    case gcRoot(address: HexNumber, count: Int)
    /// `  node 0x<hex>: id=<dec> type=<T> magic=0x<hex> <loc>` (a trailing space when the location is unknown)
    case gcNode(address: HexNumber, id: Int, type: String, magic: HexNumber, location: String)
    /// `gc_node break: id=<dec>`
    case gcBreak(id: Int)

    // MARK: Smart pointers
    /// `FATAL: exiting with code 1 -- <n> smart pointer(s) still alive at shutdown[ (re-run without -no-dump-leaks for the per-pointer dump)]`
    case smartPointerFatal(count: Int, silenced: Bool)
    /// `0x<hex> (rc=<dec>, id=<hex>)[ <description>]`
    case smartPointer(address: HexNumber, referenceCount: Int, id: HexNumber, description: String?)
    /// `total <n> tracked pointers`
    case smartPointerTotal(count: Int)
    /// `tracking <hex> aka <dec>`
    case smartPointerTracking(id: HexNumber, decimal: Int)

    // MARK: Job queue
    /// `  JobStatus #<hex> (rc=<dec>) <Subtype>[ created at <loc>]`
    case jobStatus(id: HexNumber, referenceCount: Int, subtype: String, createdAt: String?)
    /// `total <n> leaked JobStatus objects`
    case jobStatusTotal(count: Int)
    /// `  Feature #<hex>[ owner=#<hex>][ created at <loc>]`
    case feature(id: HexNumber, owner: HexNumber?, createdAt: String?)
    /// `total <n> leaked Feature objects`
    case featureTotal(count: Int)
    /// `tracking JobStatus #<dec>`
    case jobTracking(decimal: Int)
    /// `JobStatus #<hex> (<Subtype>) addRef (rc=<dec>) at <loc>`
    case jobTrace(id: HexNumber, subtype: String, operation: TraceEvent.Operation, referenceCount: Int, location: String)

    // MARK: Panics
    /// `EXCEPTION: <message>` or `JOB EXCEPTION: <message>`
    case exception(inJob: Bool, message: String)
    /// ` at <loc>`, the line after an exception
    case exceptionLocation(location: String)
    /// `[daslang atexit] FATAL: g_envTotal=<n> at exit (Initialize/Shutdown not balanced)`
    case atexitFatal(environmentTotal: Int)
    /// `CRASH: <what>`
    case crash(description: String)

    // MARK: dasHV handles
    /// `  Handle<<Type>> idx=<dec> gen=<dec> (rc=<dec>)` (some renderings drop `<Type>`)
    case handle(type: String?, index: Int, generation: Int, referenceCount: Int)
    /// `total <n> leaked handles of type <Type>`
    case handleTotal(count: Int, type: String)

    // MARK: C++ heap leak report (RelWithDebInfo)
    /// `=== daslang C++ heap leak report ===`
    case cppReportHeader
    /// `Total live allocations: 1,040` and the other aligned summary lines
    case cppSummary(field: CppSummaryField, value: Int)
    /// `--- Leak site #<n>: <n> allocs, <b> bytes (min <b>, max <b>, mean <b>) ---`
    case cppSite(index: Int, allocations: Int, bytes: Int, min: Int, max: Int, mean: Int)
    /// `  sample ptr: 0x<hex>`
    case cppSamplePointer(HexNumber)
    /// `    0x<hex>  <symbol>   (<library>)` or `    0x<hex>  ?`
    case cppFrame(address: HexNumber, symbol: String?, library: String?)
    /// An empty line inside the C++ report.
    case cppBlank
    /// `=== End report (<n> leaks, <n> sites, symbolized in <t>s) ===`
    case cppReportEnd(leaks: Int, sites: Int, seconds: String)

    // MARK: Usage errors
    /// `unknown command line option <name>`
    case unknownOption(name: String)
    /// `expecting job status id, got <text>`
    case badJobStatusID(text: String)
}

/// Which gc report a header starts.
public enum GCPhase: String, Sendable, Codable {
    /// `GC COMPILE LEAK … after compile`
    case compile
    /// `GC APP LEAK … after execution`
    case app
}

/// The aligned summary lines at the top of the C++ heap leak report.
public enum CppSummaryField: String, Sendable, Codable, CaseIterable {
    /// `Total live allocations:`
    case liveAllocations
    /// `Total bytes:`
    case bytes
    /// `Distinct leak sites:`
    case sites
    /// `Largest single alloc:` (followed by ` bytes`)
    case largestAllocation
    /// `Orphan frees (pre-arm or cross-module):`
    case orphanFrees
}
