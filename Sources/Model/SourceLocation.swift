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
    /// Works on the UTF-8 bytes: parsers call it for every located entry of a log.
    public init?(parsing text: String) {
        let bytes = text.utf8
        var fileEnd = bytes.endIndex
        var numbers: [Int] = []
        // Up to two `:<number>` suffixes, last first. A line or column is unsigned and fits in 32
        // bits; anything else (a sign, 20 digits from a corrupt log) stays part of the file name.
        while numbers.count < 2, let colon = bytes[..<fileEnd].lastIndex(of: UInt8(ascii: ":")) {
            let digits = bytes[bytes.index(after: colon)..<fileEnd]
            guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int32(Substring(digits)).map(Int.init) else { break }
            numbers.insert(value, at: 0)
            fileEnd = colon
        }
        guard fileEnd > bytes.startIndex else { return nil }
        self.file = String(Substring(bytes[..<fileEnd]))
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
