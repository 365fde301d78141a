extension ReportState {
    /// The report with only the entries `keep` accepts (by the log position that listed them);
    /// nil when nothing is left. Counts and totals are recomputed when the report is emitted,
    /// so the result is what daslang would have printed had only those leaks existed.
    public func filtered(_ keep: (LogPosition) -> Bool) -> ReportState? {
        func kept(_ position: LogPosition?) -> Bool { position.map(keep) ?? false }
        switch self {
        case var .profiler(block):
            block.allocations = block.allocations.filter { kept($0.position) }
            return block.allocations.isEmpty ? nil : .profiler(block)
        case var .heap(report):
            report.heap = report.heap.filtered(kept)
            report.strings = report.strings.filtered(kept)
            return report.heap.isEmpty && report.strings.isEmpty ? nil : .heap(report)
        case var .gc(report):
            for index in report.roots.indices { report.roots[index].nodes = report.roots[index].nodes.filter { kept($0.position) } }
            report.roots = report.roots.filter { !$0.nodes.isEmpty }
            return report.roots.isEmpty ? nil : .gc(report)
        case var .smartPointers(dump):
            if dump.silencedCount != nil { return self }
            dump.pointers = dump.pointers.filter { kept($0.position) }
            dump.totalPrinted = true
            return dump.pointers.isEmpty ? nil : .smartPointers(dump)
        case var .jobQueue(dump):
            dump.statuses = dump.statuses.filter { kept($0.position) }
            dump.features = dump.features.filter { kept($0.position) }
            dump.statusTotalPrinted = true
            dump.featureTotalPrinted = true
            return dump.statuses.isEmpty && dump.features.isEmpty ? nil : .jobQueue(dump)
        case var .handles(dump):
            for index in dump.groups.indices {
                dump.groups[index].handles = dump.groups[index].handles.filter { kept($0.position) }
                dump.groups[index].totalPrinted = true
            }
            dump.groups = dump.groups.filter { !$0.handles.isEmpty }
            return dump.groups.isEmpty ? nil : .handles(dump)
        case var .cppHeap(report):
            report.sites = report.sites.filter { kept($0.position) }
            report.endPrinted = true
            return report.sites.isEmpty ? nil : .cppHeap(report)
        case .trace:
            return self
        }
    }
}

extension HeapBody {
    /// Whether nothing live is left to print.
    var isEmpty: Bool {
        linearChunks.isEmpty && decks.isEmpty && (blocks ?? []).isEmpty && (bigStrings ?? []).isEmpty
    }

    func filtered(_ kept: (LogPosition?) -> Bool) -> HeapBody {
        var body = self
        body.linearChunks = linearChunks.filter { kept($0.position) }
        body.decks = decks.compactMap { deck in
            var deck = deck
            deck.chunks = deck.chunks.filter { kept($0.position) }
            return deck.chunks.isEmpty ? nil : deck
        }
        if let blocks {
            let keptBlocks = blocks.filter { kept($0.position) }
            body.blocks = keptBlocks.isEmpty ? nil : keptBlocks
            // Recomputed from the blocks that are left.
            body.bytesPerLocation = nil
        }
        if let bigStrings {
            let keptStrings = bigStrings.filter { kept($0.position) }
            body.bigStrings = keptStrings.isEmpty ? nil : keptStrings
            body.bigStringsKilobytes = nil
        }
        return body
    }
}
