/// A report line as read from a log: its typed content, the log-level marker daslang's
/// logger put in front of it, and where it was read.
public struct RecognizedLine: Sendable, Equatable {
    /// The logger marker in front of the line (`[I] ` on console profiler lines).
    public var marker: LogMarker?
    /// The typed line.
    public var line: ReportLine
    /// Where it was read.
    public var position: LogPosition

    /// Creates a recognised line.
    public init(marker: LogMarker?, line: ReportLine, position: LogPosition) {
        self.marker = marker
        self.line = line
        self.position = position
    }
}

/// daslang's log-level markers.
public enum LogMarker: String, Sendable, Equatable, Codable {
    /// `[I] `
    case info = "[I] "
    /// `[W] `
    case warning = "[W] "
    /// `[E] `
    case error = "[E] "
}
