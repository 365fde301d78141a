import LeakModel

/// What the readers of one input share: the classifier, where their events go, and whether
/// the lines they read are recorded for re-rendering.
struct ReportReaderContext {
    let classifier: ReportLineClassifier
    /// Whether every recognised report line is emitted as ``LogEvent/line(_:)``.
    let recordLines: Bool
    /// Whether each reader builds the ``ReportState`` it reads, returned when it closes.
    let recordReports: Bool
    let emit: (LogEvent) -> Void
    /// Frames kept per profiler leak or C++ leak site, so that memory stays bounded whatever a
    /// log holds; a stack that deep is told apart by its first frames.
    static let frameLimit = 1024

    /// Emits the recognised line when lines are recorded.
    func record(_ line: ReportLine, _ marker: LogMarker?, _ position: LogPosition) {
        if recordLines { emit(.line(RecognizedLine(marker: marker, line: line, position: position))) }
    }

    func diagnose(_ severity: Severity, _ position: LogPosition?, _ message: DiagnosticMessage, untrustworthy: Bool) {
        emit(.diagnostic(Diagnostic(severity: severity, position: position, message: message, untrustworthy: untrustworthy)))
    }

    /// Appends `frame` unless the stack already holds ``frameLimit`` frames, and says so once
    /// per stack (`cut`).
    func append(_ frame: CachedFrame, to frames: inout [CachedFrame], cut: inout Bool, position: LogPosition) {
        guard frames.count < Self.frameLimit else {
            if !cut {
                diagnose(.note, position, "a stack has more than \(Self.frameLimit) frames; only the first \(Self.frameLimit) are kept",
                         untrustworthy: false)
            }
            cut = true
            return
        }
        frames.append(frame)
    }
}
