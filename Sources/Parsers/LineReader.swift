/// The per-line work of a ``LogParser``: removes the CI prefixes of each line and hands what
/// daslang printed to the ``ReportAssembler``.
struct LineReader: LineConsumer {
    var stripper = CIPrefixStripper()
    var assembler: ReportAssembler

    mutating func read(_ line: LineSplitter.Line) {
        stripper.clean(line.bytes, firstLine: line.number == 1, hasEscape: line.hasEscape) { cleaned in
            if !cleaned.isCIMarker {
                assembler.read(cleaned.content, marker: cleaned.marker, lineNumber: line.number, cut: line.cut)
            }
        }
    }
}
