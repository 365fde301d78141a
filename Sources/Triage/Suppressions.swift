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
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw SyntaxError(file: file, line: index + 1, reason: "expected leak:<pattern>, got '\(line)'")
            }
            let type = line[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)
            let pattern = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
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

    /// The first rule that suppresses `occurrence`: a pattern is checked against each leak's own
    /// stack and location, before leaks are grouped into findings (one finding may group
    /// different stacks).
    public func rule(suppressing occurrence: Occurrence) -> Rule? {
        guard !rules.isEmpty else { return nil }
        var names: [String] = []
        if let file = occurrence.location?.file { names.append(Self.slashed(file)) }
        for frame in occurrence.stack {
            names += [frame.function, frame.location.map { Self.slashed($0.file) }, frame.library.map(Self.slashed)].compactMap { $0 }
        }
        return rules.first { rule in names.contains { rule.glob.matches($0) } }
    }
}
