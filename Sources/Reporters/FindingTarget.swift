import LeakModel

/// Where a CI format shows a finding: its source location when the report gives one, else the
/// log line that first listed it, so that every finding can be located somewhere.
public struct FindingTarget: Equatable, Sendable, CustomStringConvertible {
    /// The file, resolved against the root; a log's path when ``isLogLine``.
    public var path: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The column as daslang prints it, when known: counted from 0, in bytes (its locations point
    /// at the first character of the expression: `new Blob` in `    var b = new Blob()` is at
    /// column 12; see ``SourceLines/snippet(at:)``).
    public var column: Int?
    /// Whether this is a line of the log rather than a place in the source.
    public var isLogLine: Bool

    /// Creates a target.
    public init(path: String, line: Int?, column: Int?, isLogLine: Bool) {
        self.path = path
        self.line = line
        self.column = column
        self.isLogLine = isLogLine
    }

    /// The target of `finding` in `report`.
    public init(_ finding: Finding, in report: LeakReport, paths: PathResolver) {
        if let location = finding.location {
            self.init(path: paths.resolve(location.file), line: location.line.flatMap(Self.positive),
                      column: location.column.flatMap { $0 >= 0 ? $0 : nil }, isLogLine: false)
        } else {
            self.init(logLine: finding.occurrences.first, in: report, paths: paths)
        }
    }

    /// The name standard input (`-`) goes by.
    public static let standardInputName = "<stdin>"

    /// The log line at `position`; the first input, without a line, when there is no position.
    public init(logLine position: LogPosition?, in report: LeakReport, paths: PathResolver) {
        let input = position?.input ?? 0
        let path = input < report.inputs.count ? report.inputs[input].path : "-"
        self.init(path: Self.logName(path, paths: paths), line: position.map(\.line).flatMap(Self.positive), column: nil, isLogLine: true)
    }

    /// An input's path resolved against the root, or ``standardInputName`` for `-`.
    public static func logName(_ path: String, paths: PathResolver) -> String {
        path == "-" ? standardInputName : paths.resolve(path)
    }

    /// The column counted from 1, as SARIF's `startColumn` and GitHub's `col` take it (the same
    /// character on an ASCII line).
    public var oneBasedColumn: Int? { column.map { $0 + 1 } }

    /// `path:line:column` as daslang prints it, as far as known.
    public var description: String {
        guard let line else { return path }
        return column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
    }

    /// Lines are 1-based; a 0 printed by a report means "unknown".
    private static func positive(_ value: Int) -> Int? { value > 0 ? value : nil }
}
