/// Prints one kind of document — a run's report, a diff, a trend — in one output format. Every
/// reporter is a stateless struct behind this one protocol (`LeakReporter`, `LeakDiffReporter`
/// and `TrendReporter` only fix the document); it never touches files or the terminal: the
/// command line writes what it returns.
public protocol DocumentReporter<Document>: Sendable {
    /// What this reporter prints.
    associatedtype Document
    /// The whole output for `document`.
    func render(_ document: Document, options: RenderOptions) -> String
    /// The output for `document`, handed to `output` in pieces that join to ``render(_:options:)``,
    /// so that a large document need not be held whole.
    func write(_ document: Document, options: RenderOptions, to output: (String) throws -> Void) rethrows
}

extension DocumentReporter {
    /// The whole output at once.
    public func write(_ document: Document, options: RenderOptions, to output: (String) throws -> Void) rethrows {
        try output(render(document, options: options))
    }
}

/// A reporter that writes its document in pieces (one finding at a time, say, so that a large
/// document is never held whole): it implements ``DocumentReporter/write(_:options:to:)``, and
/// its whole output is those pieces joined.
public protocol StreamingReporter: DocumentReporter {}

extension StreamingReporter {
    /// The pieces of ``DocumentReporter/write(_:options:to:)``, joined.
    public func render(_ document: Document, options: RenderOptions) -> String {
        var text = ""
        write(document, options: options) { text += $0 }
        return text
    }
}
