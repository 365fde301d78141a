import LeakModel

/// The reference detectors: given a detector's state, the lines daslang prints for it,
/// in the runtime's order and format (header counts and totals computed from the state).
public enum ReferenceEmitter {
    /// `--das-profiler-leaks`: the block of one context, biggest allocations first.
    public static func lines(_ block: ProfilerBlock) -> [EmittedLine] {
        let total = block.allocations.reduce(UInt64(0)) { $0 &+ $1.size.value }
        var lines = [EmittedLine(.profilerHeader(context: block.context, allocations: block.allocations.count, bytes: HexNumber(total)),
                                 marker: block.marker)]
        // Stable: allocations of equal size keep their order (the runtime's is arbitrary).
        let ordered = block.allocations.enumerated().sorted { lhs, rhs in
            lhs.element.size.value != rhs.element.size.value ? lhs.element.size.value > rhs.element.size.value : lhs.offset < rhs.offset
        }
        for (_, allocation) in ordered {
            lines.append(EmittedLine(.profilerLeak(size: allocation.size), marker: block.marker))
            for frame in allocation.frames {
                lines.append(EmittedLine(.profilerFrame(function: frame.function, location: frame.location), marker: block.marker))
            }
        }
        return lines
    }

    /// `-heap-report`: the heap body, then the string-heap body.
    public static func lines(_ report: HeapReport) -> [EmittedLine] {
        [EmittedLine(.heapReportHeader)] + body(report.heap, strings: false)
            + [EmittedLine(.stringHeapReportHeader)] + body(report.strings, strings: true)
    }

    private static func body(_ body: HeapBody, strings: Bool) -> [EmittedLine] {
        var lines: [ReportLine] = []
        for chunk in body.linearChunks {
            lines.append(.linearChunk(address: chunk.address, used: chunk.used, size: chunk.size))
            lines += chunk.strings.map { .heapString(text: $0, indent: 1) }
        }
        for deck in body.decks {
            lines.append(strings ? .stringDecksHeader(size: deck.size) : .decksHeader(size: deck.size))
            for chunk in deck.chunks {
                lines.append(.deckRange(from: chunk.from, to: chunk.to))
                lines.append(.deckCounts(allocated: chunk.allocated, total: chunk.total, bytes: chunk.allocated * deck.size,
                                         totalBytes: chunk.totalBytes))
                lines += chunk.strings.map { .heapString(text: $0, indent: 2) }
            }
            if let reserves = deck.reserves { lines.append(.decksReserves(kilobytes: reserves.kilobytes, chunks: reserves.chunks)) }
        }
        if let blocks = body.blocks {
            lines += [.bigStuffHeader, .bigStuffColumns]
            lines += blocks.map { .bigStuffRow(size: $0.size, pointer: $0.pointer, id: $0.id, comment: $0.comment, location: $0.location) }
            let perLocation = body.bytesPerLocation ?? bytesPerLocation(blocks)
            if !perLocation.isEmpty {
                lines.append(.bytesPerLocationHeader)
                lines += perLocation.map { .bytesPerLocation(bytes: $0.bytes, location: $0.location) }
            }
        }
        if let bigStrings = body.bigStrings {
            lines.append(.bigStuffHeader)
            lines += bigStrings.map { .stringBigStuffRow(text: $0.text, size: $0.size, address: $0.address) }
            let total = body.bigStringsKilobytes ?? (bigStrings.reduce(0) { $0 + $1.size } + 1023) / 1024
            lines.append(.stringBigStuffTotal(kilobytes: total))
        }
        return lines.map { EmittedLine($0) }
    }

    /// Live bytes per allocation site, most first (ties in order of first appearance).
    static func bytesPerLocation(_ blocks: [HeapBody.Block]) -> [(location: String, bytes: Int)] {
        var order: [String] = []
        var bytes: [String: Int] = [:]
        for block in blocks {
            guard let location = block.location, !location.isEmpty else { continue }
            if bytes[location] == nil { order.append(location) }
            bytes[location, default: 0] += block.size
        }
        return order.enumerated().sorted { lhs, rhs in
            let left = bytes[lhs.element] ?? 0, right = bytes[rhs.element] ?? 0
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map { ($0.element, bytes[$0.element] ?? 0) }
    }

    /// `GC COMPILE LEAK` / `GC APP LEAK`: the header counts every node of every root.
    public static func lines(_ report: GCReport) -> [EmittedLine] {
        let count = report.roots.reduce(0) { $0 + $1.nodes.count }
        var lines: [ReportLine] = [.gcLeakHeader(phase: report.phase, count: count)]
        for root in report.roots {
            lines.append(.gcRoot(address: root.address, count: root.nodes.count))
            lines += root.nodes.map { .gcNode(address: $0.address, id: $0.id, type: $0.type, magic: $0.magic, location: $0.location) }
        }
        return lines.map { EmittedLine($0) }
    }

    /// The smart-pointer survivors: FATAL line, pointers newest first, total — or only the FATAL line when silenced.
    public static func lines(_ dump: SmartPointerDump) -> [EmittedLine] {
        if let silenced = dump.silencedCount { return [EmittedLine(.smartPointerFatal(count: silenced, silenced: true))] }
        var lines: [ReportLine] = [.smartPointerFatal(count: dump.pointers.count, silenced: false)]
        lines += dump.pointers.map {
            .smartPointer(address: $0.address, referenceCount: $0.referenceCount, id: $0.id, description: $0.description)
        }
        if dump.totalPrinted { lines.append(.smartPointerTotal(count: dump.pointers.count)) }
        return lines.map { EmittedLine($0) }
    }

    /// JobStatus then Feature survivors; an empty section prints nothing.
    public static func lines(_ dump: JobQueueDump) -> [EmittedLine] {
        var lines: [ReportLine] = []
        if !dump.statuses.isEmpty {
            lines += dump.statuses.map {
                .jobStatus(id: $0.id, referenceCount: $0.referenceCount, subtype: $0.subtype, createdAt: $0.createdAt)
            }
            if dump.statusTotalPrinted { lines.append(.jobStatusTotal(count: dump.statuses.count)) }
        }
        if !dump.features.isEmpty {
            lines += dump.features.map { .feature(id: $0.id, owner: $0.owner, createdAt: $0.createdAt) }
            if dump.featureTotalPrinted { lines.append(.featureTotal(count: dump.features.count)) }
        }
        return lines.map { EmittedLine($0) }
    }

    /// Handle survivors: each type's lines, then its own total.
    public static func lines(_ dump: HandleRegistryDump) -> [EmittedLine] {
        var lines: [ReportLine] = []
        for group in dump.groups where !group.handles.isEmpty {
            lines += group.handles.map {
                .handle(type: group.typedLines ? group.type : nil, index: $0.index, generation: $0.generation, referenceCount: $0.referenceCount)
            }
            if group.totalPrinted { lines.append(.handleTotal(count: group.handles.count, type: group.type)) }
        }
        return lines.map { EmittedLine($0) }
    }

    /// The C++ heap leak report: an empty line, the summary, then sites by bytes (most first).
    public static func lines(_ report: CppHeapReport) -> [EmittedLine] {
        let sites = report.sites.enumerated().sorted { lhs, rhs in
            lhs.element.bytes != rhs.element.bytes ? lhs.element.bytes > rhs.element.bytes : lhs.offset < rhs.offset
        }.map(\.element)
        let allocations = sites.reduce(0) { $0 + $1.allocations }
        var lines: [ReportLine] = [
            .cppBlank, .cppReportHeader,
            .cppSummary(field: .liveAllocations, value: allocations),
            .cppSummary(field: .bytes, value: sites.reduce(0) { $0 + $1.bytes }),
            .cppSummary(field: .sites, value: sites.count),
            .cppSummary(field: .largestAllocation, value: sites.map(\.maximum).max() ?? 0),
        ]
        if let orphans = report.orphanFrees { lines.append(.cppSummary(field: .orphanFrees, value: orphans)) }
        lines.append(.cppBlank)
        for (index, site) in sites.enumerated() {
            lines.append(.cppSite(index: index + 1, allocations: site.allocations, bytes: site.bytes, min: site.minimum,
                                  max: site.maximum, mean: site.mean))
            lines.append(.cppSamplePointer(site.samplePointer))
            lines += site.frames.map { .cppFrame(address: $0.address, symbol: $0.symbol, library: $0.library) }
            lines.append(.cppBlank)
        }
        if report.endPrinted { lines.append(.cppReportEnd(leaks: allocations, sites: sites.count, seconds: report.symbolizeSeconds)) }
        return lines.map { EmittedLine($0) }
    }

    /// A `--track-job-status` trace: the echo of the decimal id, then each operation.
    public static func lines(_ trace: TraceSummary, echo: Bool = true) -> [EmittedLine] {
        var lines: [ReportLine] = echo ? [.jobTracking(decimal: Int(clamping: trace.id.value))] : []
        lines += trace.events.map {
            .jobTrace(id: $0.id, subtype: $0.subtype, operation: $0.operation, referenceCount: $0.referenceCountBefore,
                      location: $0.location?.description ?? "")
        }
        return lines.map { EmittedLine($0) }
    }
}
