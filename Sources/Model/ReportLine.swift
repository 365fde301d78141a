/// One line of a daslang leak report, with every field it prints, so that it can be
/// rendered back byte for byte. Each case's printed form, with real examples, is declared
/// with its shape in ``ReportLineGrammar``.
public enum ReportLine: Sendable, Equatable {
    // MARK: Leak profiler
    /// A profiler block's header: its context, allocation count and bytes.
    case profilerHeader(context: String, allocations: Int, bytes: HexNumber)
    /// One leak of a profiler block, with its size.
    case profilerLeak(size: HexNumber)
    /// A frame of a profiler leak: the function, and its location when printed (or `?` alone).
    case profilerFrame(function: String, location: String?)

    // MARK: Heap and string-heap report
    /// The heap report's header.
    case heapReportHeader
    /// The string-heap report's header.
    case stringHeapReportHeader
    /// A persistent-heap size class.
    case decksHeader(size: Int)
    /// A string-heap size class.
    case stringDecksHeader(size: Int)
    /// A deck's address range.
    case deckRange(from: HexNumber, to: HexNumber)
    /// A deck's allocated and total slots and bytes.
    case deckCounts(allocated: Int, total: Int, bytes: Int, totalBytes: Int)
    /// What the decks of a size class reserve.
    case decksReserves(kilobytes: Int, chunks: Int)
    /// The header of the heap's large blocks.
    case bigStuffHeader
    /// The column line under it.
    case bigStuffColumns
    /// One large block: size, pointer, id, and the comment and location when printed.
    case bigStuffRow(size: Int, pointer: HexNumber, id: Int, comment: String?, location: String?)
    /// The header of the bytes-per-location list.
    case bytesPerLocationHeader
    /// Bytes live at one location.
    case bytesPerLocation(bytes: Int, location: String)
    /// A linear heap chunk: address (printed without `0x`), bytes used, size.
    case linearChunk(address: HexNumber, used: Int, size: Int)
    /// A live string: one tab (linear chunk) or two tabs (string deck) then the text.
    case heapString(text: String, indent: Int)
    /// A large string of the string heap (its address is printed as decimal digits after `0x`).
    case stringBigStuffRow(text: String, size: Int, address: String)
    /// The string heap's large-string total.
    case stringBigStuffTotal(kilobytes: Int)

    // MARK: gc_node survivors
    /// A gc report's header: its phase and node count.
    case gcLeakHeader(phase: GCPhase, count: Int)
    /// A gc root and how many nodes it holds.
    case gcRoot(address: HexNumber, count: Int)
    /// One surviving gc node (the location is empty when unknown: a trailing space is printed).
    case gcNode(address: HexNumber, id: Int, type: String, magic: HexNumber, location: String)
    /// The stop of `DAS_GC_BREAK_ON_ID`.
    case gcBreak(id: Int)

    // MARK: Smart pointers
    /// The smart-pointer report's header; `silenced` when the per-pointer dump was turned off.
    case smartPointerFatal(count: Int, silenced: Bool)
    /// One live smart pointer: address, reference count, id, and its description when printed.
    case smartPointer(address: HexNumber, referenceCount: Int, id: HexNumber, description: String?)
    /// The smart-pointer dump's total.
    case smartPointerTotal(count: Int)
    /// The `--track-smart-ptr` echo: the id in hex and decimal.
    case smartPointerTracking(id: HexNumber, decimal: Int)

    // MARK: Job queue
    /// One leaked JobStatus: id, reference count, subtype, and where it was created when printed.
    case jobStatus(id: HexNumber, referenceCount: Int, subtype: String, createdAt: String?)
    /// The JobStatus dump's total.
    case jobStatusTotal(count: Int)
    /// One leaked Feature: id, owner and creation place when printed.
    case feature(id: HexNumber, owner: HexNumber?, createdAt: String?)
    /// The Feature dump's total.
    case featureTotal(count: Int)
    /// The `--track-job-status` echo.
    case jobTracking(decimal: Int)
    /// One `--track-job-status` trace line.
    case jobTrace(id: HexNumber, subtype: String, operation: TraceEvent.Operation, referenceCount: Int, location: String)

    // MARK: Panics
    /// A panic, in the main context or in a job.
    case exception(inJob: Bool, message: String)
    /// The location line after a panic.
    case exceptionLocation(location: String)
    /// The exit-time check of unbalanced Initialize/Shutdown.
    case atexitFatal(environmentTotal: Int)
    /// A crash (signal) report.
    case crash(description: String)

    // MARK: dasHV handles
    /// One leaked dasHV handle (some renderings drop the type).
    case handle(type: String?, index: Int, generation: Int, referenceCount: Int)
    /// A handle dump's total for one type.
    case handleTotal(count: Int, type: String)

    // MARK: C++ heap leak report (RelWithDebInfo)
    /// The C++ heap leak report's header.
    case cppReportHeader
    /// One of the aligned summary lines at the top of the C++ report.
    case cppSummary(field: CppSummaryField, value: Int)
    /// A leak site: its index, allocations and byte statistics.
    case cppSite(index: Int, allocations: Int, bytes: Int, min: Int, max: Int, mean: Int)
    /// A leak site's sample pointer.
    case cppSamplePointer(HexNumber)
    /// A frame of a leak site: address, and symbol and library when known.
    case cppFrame(address: HexNumber, symbol: String?, library: String?)
    /// An empty line inside the C++ report.
    case cppBlank
    /// The C++ report's end line: leaks, sites, and the symbolisation time as printed.
    case cppReportEnd(leaks: Int, sites: Int, seconds: String)

    // MARK: Usage errors
    /// daslang's usage error for an option it does not know.
    case unknownOption(name: String)
    /// daslang's usage error for a job-status id it cannot read.
    case badJobStatusID(text: String)
}

/// Which gc report a header starts.
public enum GCPhase: String, Sendable, Codable {
    /// The report after compilation.
    case compile
    /// The report after execution.
    case app
}

/// The aligned summary lines at the top of the C++ heap leak report.
public enum CppSummaryField: String, Sendable, Codable, CaseIterable {
    /// Live allocations.
    case liveAllocations
    /// Live bytes.
    case bytes
    /// Distinct leak sites.
    case sites
    /// The largest single allocation (its value is followed by a unit).
    case largestAllocation
    /// Frees of allocations the tracker never saw.
    case orphanFrees
}
