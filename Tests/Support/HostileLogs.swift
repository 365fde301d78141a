import Foundation

/// Broken and hostile logs made from the real corpus: lines cut, repeated, or corrupted in
/// place. Nothing here writes a report line from scratch; every edit starts from a line that
/// daslang printed.
enum HostileLogs {
    /// A corpus log's lines, without their newlines.
    static func lines(_ name: String) throws -> [[UInt8]] {
        var lines = try Fixtures.corpus(name).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Lines joined with newlines, ending with one.
    static func joined(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [0x0A])) + [0x0A]
    }

    /// A corpus log with every occurrence of `old` (which must occur) replaced by `new`.
    static func replacing(_ old: String, with new: [UInt8], in name: String) throws -> [UInt8] {
        let bytes = try Fixtures.corpus(name)
        let replaced = replacing(Array(old.utf8), with: new, in: bytes)
        guard replaced.count > 0 else { throw Missing(text: old, name: name) }
        return replaced.bytes
    }

    /// `bytes` with every occurrence of `old` replaced by `new`, and how many there were.
    static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> (bytes: [UInt8], count: Int) {
        var output: [UInt8] = []
        var index = 0
        var count = 0
        while index < bytes.count {
            if bytes[index...].starts(with: old) {
                output += new
                index += old.count
                count += 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return (output, count)
    }

    /// The same with a text replacement.
    static func replacing(_ old: String, with new: String, in name: String) throws -> [UInt8] {
        try replacing(old, with: Array(new.utf8), in: name)
    }

    /// The 1-based number of the first line of `name` that contains `text`.
    static func lineNumber(of text: String, in name: String) throws -> Int {
        let pattern = Array(text.utf8)
        for (index, line) in try lines(name).enumerated() where line.indices.contains(where: { line[$0...].starts(with: pattern) }) {
            return index + 1
        }
        throw Missing(text: text, name: name)
    }

    /// Deterministic bytes that look like nothing in particular (xorshift64).
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// An edit whose text is not in the log: the fixture changed, the test must be looked at.
    struct Missing: Error, CustomStringConvertible {
        var text: String
        var name: String
        var description: String { "'\(text)' does not occur in \(name)" }
    }
}
