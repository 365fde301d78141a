import LeakModel

/// A LeakSanitizer-style pattern, used by `--suppressions` and `--library`: `*` for any run of
/// characters, an optional `^` and `$` anchor; unanchored, it matches a name it occurs in.
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
