import Foundation
import LeakModel

/// Leaks to leave out of the findings, written as LeakSanitizer writes them: one `leak:<pattern>`
/// per line, `#` comments and blank lines. A pattern matches when it occurs in the function name
/// or the file path of any frame of a finding's stack, or in its location's file; `*` matches any
/// run of characters, and as in LeakSanitizer a leading `^` or trailing `$` anchors the pattern
/// to the start or end of the name.
public struct Suppressions: Sendable, Equatable {
    /// One `leak:` line.
    public struct Rule: Sendable, Equatable {
        /// The pattern as written.
        public var pattern: String
        /// Where it was written: file and line.
        public var file: String
        public var line: Int
        fileprivate var glob: Glob
    }

    /// A line that is not a comment, blank or `leak:<pattern>`.
    public struct SyntaxError: Error, Equatable, Sendable {
        /// The file and line.
        public var file: String
        public var line: Int
        /// What is wrong, for people.
        public var reason: String
    }

    /// Every rule, in the order read.
    public private(set) var rules: [Rule] = []

    /// No rules.
    public init() {}

    /// Adds the rules of one file's `text`; throws ``SyntaxError`` naming `file` and the line.
    public mutating func read(_ text: String, file: String) throws {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw SyntaxError(file: file, line: index + 1, reason: "expected leak:<pattern>, got '\(line)'")
            }
            let type = line[..<colon].trimmingWhitespace()
            let pattern = line[line.index(after: colon)...].trimmingWhitespace()
            guard type == "leak" else {
                throw SyntaxError(file: file, line: index + 1, reason: "unknown suppression type '\(type)' (only leak: is read)")
            }
            guard !pattern.isEmpty else {
                throw SyntaxError(file: file, line: index + 1, reason: "leak: without a pattern")
            }
            rules.append(Rule(pattern: pattern, file: file, line: index + 1, glob: Glob(Self.slashed(pattern))))
        }
    }

    private static func slashed(_ path: String) -> String {
        path.contains("\\") ? path.replacingOccurrences(of: "\\", with: "/") : path
    }

    /// Whether there are no rules.
    public var isEmpty: Bool { rules.isEmpty }

    /// The first rule that suppresses a leak at `location` with `stack`, if any.
    public func rule(suppressingLeakAt location: SourceLocation?, stack: [StackFrame]) -> Rule? {
        guard !rules.isEmpty else { return nil }
        var names: [String] = []
        if let file = location?.file { names.append(Self.slashed(file)) }
        for frame in stack {
            names += [frame.function, frame.location.map { Self.slashed($0.file) }, frame.library.map(Self.slashed)].compactMap { $0 }
        }
        return rules.first { rule in names.contains { rule.glob.matches($0) } }
    }

    /// The first rule that suppresses `occurrence`: a pattern is checked against each leak's own
    /// stack, before leaks are grouped into findings (one finding may group different stacks).
    public func rule(suppressing occurrence: Occurrence) -> Rule? {
        rule(suppressingLeakAt: occurrence.location, stack: occurrence.stack)
    }
}

/// A LeakSanitizer suppression pattern: `*` for any run of characters, an optional `^` and `$` anchor.
struct Glob: Sendable, Equatable {
    private let pieces: [Substring]
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    init(_ pattern: String) {
        var body = Substring(pattern)
        anchoredStart = body.hasPrefix("^")
        if anchoredStart { body = body.dropFirst() }
        anchoredEnd = body.hasSuffix("$")
        if anchoredEnd { body = body.dropLast() }
        pieces = body.split(separator: "*", omittingEmptySubsequences: false)
    }

    /// Whether the pattern occurs in `name` (the whole of it with both anchors).
    func matches(_ name: String) -> Bool {
        let text = Array(name.utf8)
        var start = 0
        for (index, piece) in pieces.enumerated() {
            let bytes = Array(piece.utf8)
            let isFirst = index == 0, isLast = index == pieces.count - 1
            if isLast, anchoredEnd {
                // The last piece must end the name, after what the others matched.
                return text.count - bytes.count >= start && text.suffix(bytes.count).elementsEqual(bytes)
                    && (!isFirst || !anchoredStart || text.count == bytes.count)
            }
            if isFirst, anchoredStart {
                guard text.starts(with: bytes) else { return false }
                start = bytes.count
                continue
            }
            guard let found = Self.find(bytes, in: text, from: start) else { return false }
            start = found + bytes.count
        }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

private extension StringProtocol {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
