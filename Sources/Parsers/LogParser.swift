import LeakModel
import PCRE2Regex

/// Reads one daslang log as a stream of byte chunks and reports, in log order, every
/// leak-report line, occurrence, trace, panic and diagnostic it finds.
///
/// Memory does not grow with the log: lines are never kept, only the report being read.
/// Feed chunks of any size with ``feed(_:)`` and call ``finish()`` once at the end.
public final class LogParser {
    private var splitter = LineSplitter()
    /// The per-line state. Taken out into a local while a chunk is read: a class's stored
    /// properties would be checked for exclusive access at run time on every line.
    private var reader: LineReader?

    /// Creates a parser for the input at `input` (its index among the run's inputs).
    ///
    /// - Parameters:
    ///   - recordLines: also emit every recognised report line; off for plain triage.
    ///   - recordReports: also emit each report as read (``LogEvent/report(_:)``), for re-rendering;
    ///     off for plain triage, which then keeps no report in memory.
    ///   - emit: receives the events in log order.
    public convenience init(input: Int, recordLines: Bool = false, recordReports: Bool = false,
                            emit: @escaping (LogEvent) -> Void) throws(ParserError) {
        try self.init(input: input, recordLines: recordLines, recordReports: recordReports, readsEveryLine: false, emit: emit)
    }

    /// `readsEveryLine` hands every line to the assembler, even those the ``ReportLineFilter``
    /// says cannot matter: the reference that the filtered read must equal.
    init(input: Int, recordLines: Bool, recordReports: Bool, readsEveryLine: Bool,
         emit: @escaping (LogEvent) -> Void) throws(ParserError) {
        guard let patterns = ReportPatterns.shared else {
            throw .patternsUnavailable("PCRE2 rejected a built-in pattern")
        }
        let classifier: ReportLineClassifier
        do {
            classifier = try ReportLineClassifier(patterns: patterns)
        } catch {
            throw .patternsUnavailable(error.localizedDescription)
        }
        reader = LineReader(
            assembler: ReportAssembler(
                input: input, recordLines: recordLines, recordReports: recordReports, classifier: classifier, emit: emit),
            filter: readsEveryLine ? .keepingEveryLine : classifier.filter)
    }

    /// Lines read so far.
    public var lineCount: Int { splitter.lineCount }
    /// Bytes read so far.
    public var byteCount: Int { splitter.byteCount }

    /// Reads the next chunk of the log.
    public func feed(_ chunk: UnsafeRawBufferPointer) {
        withReader { splitter.feed(chunk, to: &$0) }
    }

    /// Reads the last line (if it had no newline) and closes any report still open.
    public func finish() {
        withReader { reader in
            splitter.finish(to: &reader)
            reader.assembler.finish()
        }
    }

    /// Reads a block's digest whose first line is line `lineBase + 1` of the input (a parallel parse).
    func read(_ digest: LineDigest, lineBase: Int) {
        withReader { reader in
            digest.bytes.withUnsafeBytes { bytes in
                for entry in digest.entries {
                    switch entry {
                    case let .line(range, number, marker, cut, general):
                        let reading: ReportLineClassifier.Reading?
                        switch general {
                        case .unknown: reading = nil
                        case .ordinary: reading = .ordinary
                        case let .reading(index): reading = digest.readings[index]
                        }
                        reader.assembler.read(UnsafeRawBufferPointer(rebasing: bytes[range]), marker: marker,
                                              lineNumber: lineBase + number, cut: cut, general: reading)
                    case let .ordinary(first, count):
                        reader.assembler.readOrdinaryLines(first: lineBase + first, count: count)
                    }
                }
            }
        }
    }

    private func withReader(_ body: (inout LineReader) -> Void) {
        guard var current = reader.take() else {
            preconditionFailure("LogParser was fed from inside its own emit callback")
        }
        body(&current)
        reader = current
    }
}
