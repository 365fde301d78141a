import LeakModel

/// The reader of one kind of report: it takes the lines of the report it has open, owns what
/// it has read so far, checks the header's counts and the `total` lines against the entries
/// it saw, and at close reports the last occurrences and what does not add up.
///
/// The ``ReportAssembler`` routes each line: it opens a reader on its header line, offers it
/// every line while it is open, and closes it on the next report, on unrelated output it says
/// ends the report, or at the end of the input. A new report goes in a new reader.
protocol ReportReader: AnyObject {
    /// Reads a line of the open report from its bytes, before the line is classified: the
    /// report's body lines (frames, heap rows) are read here without the general shapes.
    func read(_ content: UnsafeRawBufferPointer, marker: LogMarker?, position: LogPosition,
              context: ReportReaderContext) -> ReportReaderContent
    /// Reads a typed line while the report is open; what the reader does not take is routed
    /// as a line outside the report.
    func read(_ line: ReportLine, marker: LogMarker?, position: LogPosition, context: ReportReaderContext) -> ReportReaderTake
    /// Whether unrelated output at `position` ends the report (a report that is complete, or
    /// waited long enough for its last lines); the reader may note the interleaving instead.
    func endsReport(unrelatedLineAt position: LogPosition, context: ReportReaderContext) -> Bool
    /// Whether a line of the test runner ends the report.
    var endsBeforeTestRunnerLine: Bool { get }
    /// What a line the reader did not take is called, when it looks like one of the report's
    /// own lines (which only it prints): a corrupt line, not interleaved output.
    func halfRecognised(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> String?
    /// Closes the report: emits what is still pending and diagnoses counts that do not add up.
    /// `position` is the line that ended it (nil at the end of the input). Returns the report
    /// as read, when the context records reports (nil otherwise).
    func close(at position: LogPosition?, context: ReportReaderContext) -> ReportState?
}

/// What a reader makes of a line's bytes.
enum ReportReaderContent {
    /// Not a body line of the report: the line is classified with the general shapes.
    case notTaken
    /// Read (and recorded) by the reader.
    case taken
    /// A line of the report, typed: it is read as a typed line, as if classified.
    case typed(ReportLine)
}

/// What a reader does with a typed line.
enum ReportReaderTake {
    /// Not the report's line.
    case notTaken
    /// Read; the report goes on.
    case taken
    /// Read, and the report is over (a `total` or end line): the assembler closes it.
    case ends
}
