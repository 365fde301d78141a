/// The per-line work of a ``LogParser``: removes the CI prefixes of each line and hands what
/// daslang printed to the ``ReportAssembler``; a line that cannot matter to any report
/// (``ReportLineFilter``) is passed on as an ordinary line without being looked at again.
struct LineReader: LineConsumer {
    var stripper = CIPrefixStripper()
    var assembler: ReportAssembler
    let filter: ReportLineFilter

    mutating func read(_ line: LineSplitter.Line) {
        // A local, so that the closure reads the filter without going through `self`.
        let filter = filter
        stripper.clean(line.bytes, firstLine: line.number == 1, hasEscape: line.hasEscape) { cleaned in
            guard !cleaned.isCIMarker else { return }
            if !filter.mayMatter(cleaned.content) {
                assembler.readOrdinaryLines(first: line.number, count: 1)
            } else {
                assembler.read(cleaned.content, marker: cleaned.marker, lineNumber: line.number, cut: line.cut)
            }
        }
    }
}
