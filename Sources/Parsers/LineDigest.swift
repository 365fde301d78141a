import LeakModel

/// What the in-order part of a parallel parse needs of one block of whole lines: the cleaned
/// lines that may matter to some report (copied), and for the lines between them that matter
/// to none, only where they are and how many.
struct LineDigest {
    enum Entry {
        /// A cleaned line at `range` of ``bytes``; `number` counts from 1 within the block.
        case line(range: Range<Int>, number: Int, marker: LogMarker?, cut: Bool)
        /// `count` consecutive ordinary lines from line `first` of the block.
        case ordinary(first: Int, count: Int)
    }

    var bytes: [UInt8] = []
    var entries: [Entry] = []
    /// Lines in the block, CI markers included.
    var lineCount = 0
}

/// Splits one block of whole lines, removes their CI prefixes and sorts them into a
/// ``LineDigest``: the per-line work that does not depend on what came before.
struct BlockDigester: LineConsumer {
    private var stripper = CIPrefixStripper()
    private(set) var digest = LineDigest()
    private let isFirstBlock: Bool

    init(isFirstBlock: Bool) {
        self.isFirstBlock = isFirstBlock
    }

    /// The digest of `block`; `isLast` when it ends the input (its last line may have no newline).
    static func digest(_ block: UnsafeRawBufferPointer, isFirst: Bool, isLast: Bool) -> LineDigest {
        var splitter = LineSplitter()
        var digester = BlockDigester(isFirstBlock: isFirst)
        splitter.feed(block, to: &digester)
        if isLast { splitter.finish(to: &digester) }
        digester.digest.lineCount = splitter.lineCount
        return digester.digest
    }

    mutating func read(_ line: LineSplitter.Line) {
        let firstLine = isFirstBlock && line.number == 1
        stripper.clean(line.bytes, firstLine: firstLine, hasEscape: line.hasEscape) { cleaned in
            guard !cleaned.isCIMarker else { return }
            if ReportLineClassifier.mayMatterToAnyReport(cleaned.content) {
                let start = digest.bytes.count
                digest.bytes.append(contentsOf: cleaned.content)
                digest.entries.append(.line(range: start..<digest.bytes.count, number: line.number, marker: cleaned.marker, cut: line.cut))
            } else if case let .ordinary(first, count)? = digest.entries.last, first + count == line.number {
                digest.entries[digest.entries.count - 1] = .ordinary(first: first, count: count + 1)
            } else {
                digest.entries.append(.ordinary(first: line.number, count: 1))
            }
        }
    }
}
