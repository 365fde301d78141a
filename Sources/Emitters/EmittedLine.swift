import LeakModel

/// A line a reference emitter prints: the logger marker in front of it and its content.
public struct EmittedLine: Sendable, Equatable {
    /// `[I] ` for console profiler lines, nil elsewhere.
    public var marker: LogMarker?
    /// The typed line.
    public var line: ReportLine

    /// Creates a line.
    public init(_ line: ReportLine, marker: LogMarker? = nil) {
        self.marker = marker
        self.line = line
    }

    /// The text as daslang prints it, without the newline.
    public var text: String {
        (marker?.rawValue ?? "") + ReportLineRenderer.render(line)
    }
}
