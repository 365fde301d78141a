/// A place in source code as a report prints it: `file:line:col`, `file:line`, or just a file.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The path exactly as printed (absolute or relative, may contain spaces).
    public var file: String
    /// The line, when printed.
    public var line: Int?
    /// The column, when printed.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Parses `file:line:col` or `file:line`; a text without a numeric suffix is a bare file.
    public init?(parsing text: String) {
        guard !text.isEmpty else { return nil }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var numbers: [Int] = []
        while numbers.count < 2, parts.count > 1, let last = parts.last, let value = Int(last), !last.hasPrefix("+") {
            numbers.insert(value, at: 0)
            parts.removeLast()
        }
        let file = parts.joined(separator: ":")
        guard !file.isEmpty else { return nil }
        self.file = file
        self.line = numbers.first
        self.column = numbers.count > 1 ? numbers[1] : nil
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}
