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
    /// daslang's (gen2) lexer counts columns from 0 in bytes, a tab being one byte like any
    /// other (`new` in `    var r = new` is column 12), so the caret stands under the character
    /// at that column; tabs before it are kept in the caret line, so it lines up whatever the
    /// terminal's tab width.
    public func snippet(at location: SourceLocation) -> [String]? {
        guard let number = location.line, let text = line(at: location) else { return nil }
        let shown = text.count > Self.displayLimit ? String(text.prefix(Self.displayLimit)) + "…" : text
        let gutter = String(number)
        var snippet = ["\(gutter) | \(shown)"]
        if let column = location.column, let index = Self.characterIndex(ofColumn: column, in: text), index <= Self.displayLimit {
            let padding = String(text.prefix(index).map { $0 == "\t" ? "\t" : " " })
            snippet.append(String(repeating: " ", count: gutter.count) + " | " + padding + "^")
        }
        return snippet
    }

    /// How many characters of `text` come before daslang's `column`; nil beyond the line's end.
    static func characterIndex(ofColumn column: Int, in text: String) -> Int? {
        var current = 0
        for (index, character) in text.enumerated() {
            if current >= column { return index }
            current += character.utf8.count
        }
        return current >= column ? text.count : nil
    }
}
