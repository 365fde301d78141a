import LeakModel
import PCRE2Regex

/// Reads one daslang log as a stream of byte chunks and reports, in log order, every
/// leak-report line, occurrence, trace, panic and diagnostic it finds.
///
/// Memory does not grow with the log: lines are never kept, only the report being read.
/// Feed chunks of any size with ``feed(_:)`` and call ``finish()`` once at the end.
public final class LogParser {
    private var splitter = LineSplitter()
    private var stripper = CIPrefixStripper()
    private let assembler: ReportAssembler

    /// Creates a parser for the input at `input` (its index among the run's inputs).
    ///
    /// - Parameters:
    ///   - recordLines: also emit every recognised report line (for re-rendering); off for plain triage.
    ///   - emit: receives the events in log order.
    public init(input: Int, recordLines: Bool = false, emit: @escaping (LogEvent) -> Void) throws(ParserError) {
        guard let patterns = ReportPatterns.shared else {
            throw .patternsUnavailable("PCRE2 rejected a built-in pattern")
        }
        let classifier: ReportLineClassifier
        do {
            classifier = try ReportLineClassifier(patterns: patterns)
        } catch {
            throw .patternsUnavailable(error.localizedDescription)
        }
        assembler = ReportAssembler(input: input, recordLines: recordLines, classifier: classifier, emit: emit)
    }

    /// Lines read so far.
    public var lineCount: Int { splitter.lineCount }
    /// Bytes read so far.
    public var byteCount: Int { splitter.byteCount }

    /// Reads the next chunk of the log.
    public func feed(_ chunk: UnsafeRawBufferPointer) {
        splitter.feed(chunk) { line, number, cut in
            self.readLine(line, number: number, cut: cut)
        }
    }

    /// Reads the last line (if it had no newline) and closes any report still open.
    public func finish() {
        splitter.finish { line, number, cut in
            self.readLine(line, number: number, cut: cut)
        }
        assembler.finish()
    }

    @inline(__always)
    private func readLine(_ line: UnsafeRawBufferPointer, number: Int, cut: Bool) {
        stripper.clean(line, firstLine: number == 1) { cleaned in
            if !cleaned.isCIMarker {
                assembler.read(cleaned.content, marker: cleaned.marker, lineNumber: number, cut: cut)
            }
        }
    }
}
