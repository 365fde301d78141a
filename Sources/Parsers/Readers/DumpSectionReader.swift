import LeakModel

/// Reads a dump section closed by a `total` line: the smart pointers after their FATAL line,
/// JobStatus objects, Features, or the handles of one type. Each entry becomes an occurrence
/// (a handle whose line does not print its type waits for the type at most
/// ``pendingHandleLimit`` lines); the total is checked against the entries listed.
final class DumpSectionReader: ReportReader {
    enum Kind: Equatable {
        case jobStatus
        case feature
        case smartPointers(declared: Int)
        case handles
    }

    private var kind: Kind = .jobStatus
    private var firstPosition = LogPosition(input: 0, line: 0)
    private var entries = 0
    /// Whether the section's `total` line was read.
    private var finished = false
    /// Handle lines kept waiting for their type at most.
    static let pendingHandleLimit = 4096

    /// Handle occurrences wait for their type when the entry lines do not print it.
    private var pendingHandles: [Occurrence] = []
    private var handleType: String?
    /// The section as read, when reports are recorded: one of these, after ``kind``.
    private var smartPointers: SmartPointerDump?
    private var jobQueue: JobQueueDump?
    private var handles: HandleRegistryDump?

    /// Opens a section of `kind` at its first line (the FATAL line, or the first entry).
    func begin(_ kind: Kind, position: LogPosition, context: ReportReaderContext) {
        self.kind = kind
        firstPosition = position
        entries = 0
        finished = false
        pendingHandles = []
        handleType = nil
        guard context.recordReports else { return }
        switch kind {
        case .smartPointers: smartPointers = SmartPointerDump(pointers: [], totalPrinted: false)
        case .jobStatus: jobQueue = JobQueueDump(statuses: [], features: [], statusTotalPrinted: false)
        case .feature: jobQueue = JobQueueDump(statuses: [], features: [], featureTotalPrinted: false)
        case .handles: handles = HandleRegistryDump(groups: [])
        }
    }

    /// The section an entry line opens, when no section of its kind is open.
    static func kind(openedBy line: ReportLine) -> Kind? {
        switch line {
        case .jobStatus: return .jobStatus
        case .feature: return .feature
        case .handle: return .handles
        default: return nil
        }
    }

    /// The count and section name of a `total` line, read when no section of its kind is open.
    static func total(_ line: ReportLine) -> (count: Int, name: String)? {
        switch line {
        case let .smartPointerTotal(count): return (count, "smart-pointer dump")
        case let .jobStatusTotal(count): return (count, "JobStatus dump")
        case let .featureTotal(count): return (count, "Feature dump")
        case let .handleTotal(count, type): return (count, "handle dump of type \(type)")
        default: return nil
        }
    }

    /// Reads `--no-dump-leaks`' FATAL line: only the count of smart pointers alive is printed.
    /// Returns the dump as read, when reports are recorded.
    func readSilencedFatal(count: Int, position: LogPosition, context: ReportReaderContext) -> ReportState? {
        context.emit(.occurrence(Occurrence(.smartPointer(.unlisted, id: nil), count: count, position: position)))
        context.diagnose(.warning, position,
                         "leak dumps silenced by --no-dump-leaks: \(count) smart pointer(s) alive, and any JobStatus, Feature and handle dumps were not printed",
                         untrustworthy: true)
        return context.recordReports ? .smartPointers(SmartPointerDump(pointers: [], silencedCount: count, totalPrinted: false)) : nil
    }

    /// The report whose entry lines the section lists.
    private var entryLines: ReportLineShape.ReportKind {
        switch kind {
        case .jobStatus: return .jobStatusDump
        case .feature: return .featureDump
        case .smartPointers: return .smartPointerDump
        case .handles: return .handleDump
        }
    }

    /// What the section is called in diagnostics.
    private var name: String {
        switch kind {
        case .jobStatus: return "JobStatus dump"
        case .feature: return "Feature dump"
        case .smartPointers: return "smart-pointer dump"
        case .handles: return "handle dump"
        }
    }

    func read(_ content: UnsafeRawBufferPointer, marker: LogMarker?, position: LogPosition,
              context: ReportReaderContext) -> ReportReaderContent {
        guard case .smartPointers = kind, let line = context.classifier.classifySmartPointer(content) else { return .notTaken }
        return .typed(line)
    }

    func read(_ line: ReportLine, marker: LogMarker?, position: LogPosition, context: ReportReaderContext) -> ReportReaderTake {
        switch (line, kind) {
        case let (.smartPointer(address, rc, id, description), .smartPointers):
            entries += 1
            smartPointers?.pointers.append(SmartPointerDump.Pointer(
                address: address, referenceCount: rc, id: id, description: description, position: position))
            context.emit(.occurrence(Occurrence(
                .smartPointer(SmartPointerKind(description: description), id: id), position: position, referenceCount: rc)))
        case let (.smartPointerTotal(count), .smartPointers(declared)):
            if declared != count {
                context.diagnose(.warning, position, "smart-pointer report announces \(declared) pointer(s) but its total says \(count)",
                                 untrustworthy: true)
            }
            smartPointers?.totalPrinted = true
            return finish(total: count, name: "smart-pointer dump", position: position, context: context)
        case let (.jobStatus(id, rc, subtype, createdAt), .jobStatus):
            entries += 1
            jobQueue?.statuses.append(JobQueueDump.Status(
                id: id, referenceCount: rc, subtype: subtype, createdAt: createdAt, position: position))
            if Self.isCorruptJobEntry(id: id, referenceCount: rc, createdAt: createdAt) {
                context.diagnose(.warning, position,
                                 "corrupt JobStatus dump line (id #\(id), rc=\(rc)): the list was freed while in use; not a leak to fix",
                                 untrustworthy: true)
            } else {
                context.emit(.occurrence(Occurrence(
                    .jobStatus(subtype: subtype, id: id), location: createdAt.flatMap(SourceLocation.init(parsing:)),
                    position: position, referenceCount: rc)))
            }
        case let (.jobStatusTotal(count), .jobStatus):
            jobQueue?.statusTotalPrinted = true
            return finish(total: count, name: "JobStatus dump", position: position, context: context)
        case let (.feature(id, owner, createdAt), .feature):
            entries += 1
            jobQueue?.features.append(JobQueueDump.Feature(id: id, owner: owner, createdAt: createdAt, position: position))
            context.emit(.occurrence(Occurrence(
                .feature(id: id, owner: owner), location: createdAt.flatMap(SourceLocation.init(parsing:)), position: position)))
        case let (.featureTotal(count), .feature):
            jobQueue?.featureTotalPrinted = true
            return finish(total: count, name: "Feature dump", position: position, context: context)
        case let (.handle(type, index, generation, rc), .handles):
            addToHandles(type: type, HandleRegistryDump.Handle(index: index, generation: generation, referenceCount: rc, position: position))
            readHandle(type: type, index: index, referenceCount: rc, position: position, context: context)
        case let (.handleTotal(count, type), .handles):
            if let seen = handleType, seen != type {
                context.diagnose(.warning, position, "handle total names type \(type) but the lines above were \(seen)",
                                 untrustworthy: true)
            }
            handleType = type
            if let last = handles?.groups.indices.last {
                handles?.groups[last].type = type
                handles?.groups[last].totalPrinted = true
            }
            return finish(total: count, name: "handle dump of type \(type)", position: position, context: context)
        default:
            return .notTaken
        }
        return .taken
    }

    /// Adds a handle to the dump as read: a line of another type starts that type's group.
    private func addToHandles(type: String?, _ handle: HandleRegistryDump.Handle) {
        guard handles != nil else { return }
        if handles?.groups.last.map({ type != nil && $0.type != type && $0.typedLines }) ?? true {
            handles?.groups.append(HandleRegistryDump.Group(type: type ?? "", typedLines: type != nil, handles: [], totalPrinted: false))
        }
        if let last = handles?.groups.indices.last { handles?.groups[last].handles.append(handle) }
    }

    private func readHandle(type: String?, index: Int, referenceCount: Int, position: LogPosition, context: ReportReaderContext) {
        entries += 1
        let occurrence = Occurrence(.handle(type: type, index: index), position: position, referenceCount: referenceCount)
        if type == nil || !pendingHandles.isEmpty {
            pendingHandles.append(occurrence)
            if pendingHandles.count >= Self.pendingHandleLimit {
                // Memory stays bounded: these handles get the type known so far, if any.
                context.diagnose(.note, position, "more than \(Self.pendingHandleLimit) handle lines without a type before their total line",
                                 untrustworthy: false)
                flushHandles(context: context)
            }
        } else {
            context.emit(.occurrence(occurrence))
        }
        if let type { handleType = type }
    }

    /// Checks the section's entries against its `total` line and ends it.
    private func finish(total: Int, name: String, position: LogPosition, context: ReportReaderContext) -> ReportReaderTake {
        if entries != total {
            context.diagnose(.warning, position, "\(kind: name) lists \(entries) line(s) but its total says \(total) (truncated or interleaved)",
                             untrustworthy: true)
        }
        flushHandles(context: context)
        finished = true
        return .ends
    }

    func endsReport(unrelatedLineAt position: LogPosition, context: ReportReaderContext) -> Bool { false }

    var endsBeforeTestRunnerLine: Bool { false }

    func halfRecognised(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> String? {
        classifier.halfRecognised(content, inside: entryLines)
    }

    func close(at position: LogPosition?, context: ReportReaderContext) -> ReportState? {
        if !finished {
            flushHandles(context: context)
            context.diagnose(.warning, firstPosition, "\(kind: name) ends without its total line (truncated or cut by other output)",
                             untrustworthy: true)
        }
        defer { (smartPointers, jobQueue, handles) = (nil, nil, nil) }
        switch kind {
        case .smartPointers: return smartPointers.map(ReportState.smartPointers)
        case .jobStatus, .feature: return jobQueue.map(ReportState.jobQueue)
        case .handles: return handles.map(ReportState.handles)
        }
    }

    private func flushHandles(context: ReportReaderContext) {
        for var occurrence in pendingHandles {
            if case let .handle(nil, index) = occurrence.payload { occurrence.payload = .handle(type: handleType ?? "unknown", index: index) }
            context.emit(.occurrence(occurrence))
        }
        pendingHandles = []
    }

    /// A dump line written from freed memory: pointer-sized id, impossible count, or an empty location.
    static func isCorruptJobEntry(id: HexNumber, referenceCount: Int, createdAt: String?) -> Bool {
        id.value > 0xFFFF_FFFF || referenceCount < 0 || referenceCount > 1 << 20 || createdAt == ""
    }
}
