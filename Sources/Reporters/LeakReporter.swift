import LeakModel

/// Prints a finished report of one run in one output format.
public protocol LeakReporter: DocumentReporter where Document == LeakReport {}

/// What a reporter may need besides the report itself.
public struct RenderOptions: Sendable {
    /// Use ANSI colour (text only).
    public var color: Bool
    /// Show fingerprint keys (`--explain`).
    public var explain: Bool
    /// The absolute directory that CI formats make paths relative to (`--root`); nil keeps
    /// paths as the log prints them.
    public var root: String?
    /// The absolute directory that relative paths in the log are relative to (where daslang
    /// and leaktriage ran); nil means ``root``.
    public var workingDirectory: String?
    /// The source lines findings point at, shown under them by the text and HTML formats.
    public var sourceLines: SourceLines
    /// The flame graphs the HTML formats draw, per detector: a run's leaked bytes, or a diff's
    /// byte deltas (built by triage: `FlameGraph.graphs(of:)`).
    public var flameGraphs: [Detector: FlameGraph]

    /// Creates options.
    public init(
        color: Bool = false, explain: Bool = false, root: String? = nil, workingDirectory: String? = nil,
        sourceLines: SourceLines = SourceLines(), flameGraphs: [Detector: FlameGraph] = [:]
    ) {
        self.color = color
        self.explain = explain
        self.root = root
        self.workingDirectory = workingDirectory
        self.sourceLines = sourceLines
        self.flameGraphs = flameGraphs
    }
}
