import Foundation

/// Edits of real corpus logs that stand for a code change between two runs: moved code,
/// a fixed leak, another checkout directory. Nothing here invents a report format: each
/// edit rewrites or copies lines that daslang printed.
enum LogEditing {
    /// Every `file:line` of `script` moved by `offset` lines (code added above).
    static func shiftLines(_ text: String, of script: String, by offset: Int) -> String {
        let pattern = try! NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: script) + ":([0-9]+)")
        var result = ""
        var last = text.startIndex
        let nsText = text as NSString
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
            let whole = Range(match.range, in: text)!
            let number = Range(match.range(at: 1), in: text)!
            result += text[last..<number.lowerBound]
            result += String(Int(text[number])! + offset)
            last = whole.upperBound
        }
        return result + text[last...]
    }

    /// The lines for which `predicate` holds removed.
    static func removingLines(_ text: String, where predicate: (String) -> Bool) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !predicate(String($0)) }.joined(separator: "\n")
    }

    /// Each line for which `predicate` holds printed twice.
    static func duplicatingLines(_ text: String, where predicate: (String) -> Bool) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [Substring] in
            predicate(String(line)) ? [line, line] : [line]
        }.joined(separator: "\n")
    }

    /// A corpus log as text.
    static func corpusText(_ name: String) throws -> String {
        String(decoding: try Fixtures.corpus(name), as: UTF8.self)
    }

    /// Every path that starts with one of `prefixes` (a key of `roots`) moved under its new root:
    /// the rest of the path is kept, with backslashes between components when the root is a Windows one.
    static func movingPaths(_ text: String, roots: [(from: String, to: String)]) -> String {
        let alternatives = roots.map { NSRegularExpression.escapedPattern(for: $0.from) }.joined(separator: "|")
        let pattern = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9_/.])(" + alternatives + ")([A-Za-z0-9_./-]*)")
        var result = ""
        var last = text.startIndex
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) {
            let whole = Range(match.range, in: text)!
            let prefix = String(text[Range(match.range(at: 1), in: text)!])
            let rest = String(text[Range(match.range(at: 2), in: text)!])
            let target = roots.first { $0.from == prefix }!.to
            result += text[last..<whole.lowerBound]
            result += target + (target.contains("\\") ? rest.replacingOccurrences(of: "/", with: "\\") : rest)
            last = whole.upperBound
        }
        return result + text[last...]
    }
}
