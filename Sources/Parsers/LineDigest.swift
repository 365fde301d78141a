import LeakModel

/// What the in-order part of a parallel parse needs of one block of whole lines: the cleaned
/// lines that may matter to some report (copied), and for the lines between them that matter
/// to none, only where they are and how many.
struct LineDigest {
    /// What ``ReportLineClassifier/classifyGeneral(_:cut:)`` made of a line, when it was asked.
    enum General {
        /// Not classified here: the parser classifies it.
        case unknown
        /// Ordinary output.
        case ordinary
        /// ``LineDigest/readings``[index].
        case reading(Int)
    }

    /// Plain values only, so that walking the entries copies no references.
    enum Entry {
        /// A cleaned line at `range` of ``bytes``; `number` counts from 1 within the block.
        case line(range: Range<Int>, number: Int, marker: LogMarker?, cut: Bool, general: General)
        /// `count` consecutive ordinary lines from line `first` of the block.
        case ordinary(first: Int, count: Int)
    }

    var bytes: [UInt8] = []
    var entries: [Entry] = []
    /// The general report lines (and half-recognised ones) classified ahead of the parser.
    var readings: [ReportLineClassifier.Reading] = []
    /// Lines in the block, CI markers included.
    var lineCount = 0

    /// Empties the digest, keeping its storage for the next block.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        readings.removeAll(keepingCapacity: true)
        lineCount = 0
    }
}

/// Splits one block of whole lines, removes their CI prefixes and sorts them into a
/// ``LineDigest``: the per-line work that does not depend on what came before.
struct BlockDigester: LineConsumer {
    private var stripper = CIPrefixStripper()
    private(set) var digest: LineDigest
    private let isFirstBlock: Bool
    /// This thread's classifier, which reads the general report lines ahead of the parser.
    private let classifier: ReportLineClassifier?
    private let filter: ReportLineFilter

    init(isFirstBlock: Bool, classifier: ReportLineClassifier?, storage: LineDigest) {
        self.isFirstBlock = isFirstBlock
        digest = storage
        digest.removeAll()
        self.classifier = classifier
        filter = classifier?.filter ?? .keepingEveryLine
    }

    /// The digest of `block`, in `storage`'s arrays; `isLast` when it ends the input (its last
    /// line may have no newline).
    static func digest(
        _ block: UnsafeRawBufferPointer, isFirst: Bool, isLast: Bool, classifier: ReportLineClassifier?, storage: LineDigest
    ) -> LineDigest {
        var splitter = LineSplitter()
        var digester = BlockDigester(isFirstBlock: isFirst, classifier: classifier, storage: storage)
        // At most the block's bytes are kept: room for them at once, not grown by doubling.
        digester.digest.bytes.reserveCapacity(block.count)
        splitter.feed(block, to: &digester)
        if isLast { splitter.finish(to: &digester) }
        digester.digest.lineCount = splitter.lineCount
        return digester.digest
    }

    mutating func read(_ line: LineSplitter.Line) {
        let firstLine = isFirstBlock && line.number == 1
        // A local, so that the closure reads the filter without going through `self`.
        let filter = filter
        stripper.clean(line.bytes, firstLine: firstLine, hasEscape: line.hasEscape) { cleaned in
            guard !cleaned.isCIMarker else { return }
            if filter.mayMatter(cleaned.content) {
                let start = digest.bytes.count
                digest.bytes.append(contentsOf: cleaned.content)
                // A line that starts no general report line is ordinary to classifyGeneral: no need to ask.
                var general = LineDigest.General.unknown
                if let classifier {
                    if classifier.mayStartReportLine(cleaned.content),
                       case let reading = classifier.classifyGeneral(cleaned.content, cut: line.cut), !reading.isOrdinary {
                        general = .reading(digest.readings.count)
                        digest.readings.append(reading)
                    } else {
                        general = .ordinary
                    }
                }
                digest.entries.append(.line(range: start..<digest.bytes.count, number: line.number, marker: cleaned.marker,
                                            cut: line.cut, general: general))
            } else if case let .ordinary(first, count)? = digest.entries.last, first + count == line.number {
                digest.entries[digest.entries.count - 1] = .ordinary(first: first, count: count + 1)
            } else {
                digest.entries.append(.ordinary(first: line.number, count: 1))
            }
        }
    }
}
