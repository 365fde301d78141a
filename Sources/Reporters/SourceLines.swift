import LeakModel

/// Lines of source files that findings point at, read by the command line (reporters never
/// touch files) and shown under a finding like a compiler shows them: the line, and a caret
/// under the column.
public struct SourceLines: Sendable, Equatable {
    /// A line kept longer than this is cut: a minified or generated file must not flood a report.
    public static let displayLimit = 240

    /// The text of each line, by file as the log printed it and line number.
    private var lines: [SourceLocation: String]

    /// No lines: nothing is shown.
    public init() { lines = [:] }

    /// Records `text` as line `line` of `file` (the path as the log printed it).
    public mutating func add(_ text: String, file: String, line: Int) {
        lines[SourceLocation(file: file, line: line)] = text
    }

    /// Whether no line is known.
    public var isEmpty: Bool { lines.isEmpty }

    /// The line `location` points at, when known.
    public func line(at location: SourceLocation) -> String? {
        guard let line = location.line else { return nil }
        return lines[SourceLocation(file: location.file, line: line)]
    }

    /// The two lines shown under a finding at `location` — `53 | text` and `   |   ^` — or one
    /// when there is no column (or the column lies beyond the line), none when the line is unknown.
    /// daslang's columns count characters before the token from 0 (`new` at `    var r = new`
    /// is column 12), so the caret stands after that many characters; tabs are kept in the
    /// caret line, so it lines up whatever the tab width.
    public func snippet(at location: SourceLocation) -> [String]? {
        guard let number = location.line, let text = line(at: location) else { return nil }
        let shown = text.count > Self.displayLimit ? String(text.prefix(Self.displayLimit)) + "…" : text
        let gutter = String(number)
        var snippet = ["\(gutter) | \(shown)"]
        if let column = location.column, column <= min(text.count, Self.displayLimit) {
            let padding = String(text.prefix(column).map { $0 == "\t" ? "\t" : " " })
            snippet.append(String(repeating: " ", count: gutter.count) + " | " + padding + "^")
        }
        return snippet
    }
}
