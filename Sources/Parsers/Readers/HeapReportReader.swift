import LeakModel

/// Reads a `-heap-report`: the heap body, then the string-heap body, accepting each body line
/// only in the part of the report where the format allows it. Decks, chunks, big blocks and
/// strings in use become occurrences; `bytes per location` is checked against the big blocks.
final class HeapReportReader: ReportReader {
    enum Section { case heap, strings }
    enum Part: Equatable {
        case start
        case decks(size: Int)
        case bigStuff
        case bytesPerLocation
        case linear
        case stringDecks(size: Int)
        case stringBigStuff
    }

    private var section: Section = .heap
    private var part: Part = .start
    private var headerPosition = LogPosition(input: 0, line: 0)
    /// Set when an unrelated line came in between; weak lines (bare strings) are then refused.
    private var interrupted = false
    /// Locations checked against `bytes per location` at most, so that memory stays bounded.
    static let locationLimit = 4096

    /// Live bytes of `big stuff` rows per location, to check `bytes per location`.
    private var rowBytesByLocation: [String: Int] = [:]
    private var listedBytesByLocation: [(location: String, bytes: Int, position: LogPosition)] = []
    /// Whether the report named more locations than are checked.
    private var tooManyLocations = false
    /// The report as read, when reports are recorded.
    private var report: HeapReport?

    /// Opens the report of a `heapReportHeader` line, or of a `stringHeapReportHeader` line
    /// without a heap body before it (`strings`).
    func begin(strings: Bool, position: LogPosition, context: ReportReaderContext) {
        section = strings ? .strings : .heap
        report = context.recordReports ? HeapReport(heap: HeapBody(), strings: HeapBody()) : nil
        part = .start
        headerPosition = position
        interrupted = false
        rowBytesByLocation = [:]
        listedBytesByLocation = []
        tooManyLocations = false
    }

    /// How many tabs stand before a string where the report lists strings now: one under a
    /// string-heap linear chunk, two under a string deck's chunk; nil where it lists none, or
    /// once unrelated output came in between (a bare string is then too weak a line to take).
    private var stringIndent: Int? {
        guard section == .strings, !interrupted else { return nil }
        switch part {
        case .linear: return 1
        case .stringDecks: return 2
        default: return nil
        }
    }

    func read(_ content: UnsafeRawBufferPointer, marker: LogMarker?, position: LogPosition,
              context: ReportReaderContext) -> ReportReaderContent {
        let classifier = context.classifier
        // Under a string-heap chunk, a line indented as its strings are is one, whatever it holds.
        if let indent = stringIndent, classifier.isHeapString(content, indent: indent) {
            // Its text is only kept for re-rendering.
            if context.recordLines || report != nil, let string = classifier.classifyHeapString(content, indent: indent) {
                context.record(string, marker, position)
                addToReport(string, position: position)
            }
            return .taken
        }
        guard let line = classifier.classifyHeapBody(content), accept(line, position: position, context: context) else {
            return .notTaken
        }
        context.record(line, marker, position)
        if report != nil { addToReport(line, position: position) }
        return .taken
    }

    func read(_ line: ReportLine, marker: LogMarker?, position: LogPosition, context: ReportReaderContext) -> ReportReaderTake {
        // The string heap's header goes on with the heap report; without a heap body before it, it opens one.
        guard case .stringHeapReportHeader = line, section == .heap else { return .notTaken }
        section = .strings
        part = .start
        interrupted = false
        return .taken
    }

    func endsReport(unrelatedLineAt position: LogPosition, context: ReportReaderContext) -> Bool {
        interrupted = true
        return false
    }

    var endsBeforeTestRunnerLine: Bool { false }

    func halfRecognised(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> String? {
        guard section == .heap else { return nil }
        return classifier.looksLikeHeapBodyLine(content, inBytesPerLocation: part == .bytesPerLocation) ? "heap report line" : nil
    }

    func close(at position: LogPosition?, context: ReportReaderContext) -> ReportState? {
        defer { report = nil }
        guard !tooManyLocations else {
            context.diagnose(.note, headerPosition,
                             "heap report with more than \(Self.locationLimit) locations: bytes per location not checked",
                             untrustworthy: false)
            return report.map(ReportState.heap)
        }
        for listed in listedBytesByLocation {
            let rows = rowBytesByLocation[listed.location] ?? 0
            if rows != listed.bytes {
                context.diagnose(.warning, listed.position,
                                 "bytes per location says \(listed.bytes) at \(listed.location) but the big stuff rows there add up to \(rows)",
                                 untrustworthy: true)
            }
        }
        return report.map(ReportState.heap)
    }

    /// Adds a line the reader took to the body being read, in place.
    private func addToReport(_ line: ReportLine, position: LogPosition) {
        switch section {
        case .heap: report?.heap.add(line, strings: false, position: position)
        case .strings: report?.strings.add(line, strings: true, position: position)
        }
    }

    /// Reads a body line where the current part allows it; false refuses it.
    private func accept(_ line: ReportLine, position: LogPosition, context: ReportReaderContext) -> Bool {
        let strings = section == .strings
        switch line {
        case let .decksHeader(size) where !strings:
            part = .decks(size: size)
        case let .stringDecksHeader(size) where strings:
            part = .stringDecks(size: size)
        case .deckRange:
            guard case .decks = part, !strings else {
                guard case .stringDecks = part else { return false }
                return true
            }
        case let .deckCounts(allocated, total, bytes, _):
            let size: Int
            let kind: HeapRowKind
            switch part {
            case let .decks(deckSize): size = deckSize; kind = .deck(size: deckSize)
            case let .stringDecks(deckSize): size = deckSize; kind = .stringDeck(size: deckSize)
            default: return false
            }
            let (deckBytes, overflow) = allocated.multipliedReportingOverflow(by: size)
            if overflow || deckBytes != bytes || allocated > total {
                context.diagnose(.warning, position, "deck counts do not add up: \(allocated) × \(size) bytes ≠ \(bytes) bytes",
                                 untrustworthy: true)
            }
            if allocated > 0 {
                context.emit(.occurrence(Occurrence(.heapRow(kind, id: nil), count: 1, bytes: bytes, position: position)))
            }
        case .decksReserves:
            switch part {
            case .decks, .stringDecks: break
            default: return false
            }
        case .bigStuffHeader:
            part = strings ? .stringBigStuff : .bigStuff
        case .bigStuffColumns:
            guard part == .bigStuff else { return false }
        case let .bigStuffRow(size, _, id, comment, location):
            guard part == .bigStuff else { return false }
            if let location, !location.isEmpty { addRowBytes(size, at: location) }
            context.emit(.occurrence(Occurrence(
                .heapRow(.block(commented: comment), id: id), location: location.flatMap(SourceLocation.init(parsing:)), count: 1,
                bytes: size, position: position)))
        case .bytesPerLocationHeader where !strings:
            part = .bytesPerLocation
        case let .bytesPerLocation(bytes, location):
            guard part == .bytesPerLocation else { return false }
            addListedBytes(bytes, at: location, position: position)
        case let .linearChunk(_, used, _):
            guard part == .start || part == .linear else { return false }
            part = .linear
            if used > 0 {
                context.emit(.occurrence(Occurrence(.heapRow(strings ? .stringChunk : .linearChunk, id: nil),
                                                    count: 1, bytes: used, position: position)))
            }
        case let .stringBigStuffRow(_, size, _):
            guard part == .stringBigStuff else { return false }
            context.emit(.occurrence(Occurrence(.heapRow(.string, id: nil), count: 1, bytes: size, position: position)))
        case .stringBigStuffTotal:
            guard part == .stringBigStuff else { return false }
        default:
            return false
        }
        return true
    }

    /// Adds a `big stuff` row's bytes to its location's sum (wrapping: the sum is only compared).
    private func addRowBytes(_ bytes: Int, at location: String) {
        if rowBytesByLocation[location] == nil, rowBytesByLocation.count >= Self.locationLimit {
            tooManyLocations = true
            return
        }
        rowBytesByLocation[location, default: 0] &+= bytes
    }

    /// Keeps a `bytes per location` line for the check when the report closes.
    private func addListedBytes(_ bytes: Int, at location: String, position: LogPosition) {
        guard listedBytesByLocation.count < Self.locationLimit else {
            tooManyLocations = true
            return
        }
        listedBytesByLocation.append((location, bytes, position))
    }
}
