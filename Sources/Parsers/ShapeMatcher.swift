import LeakModel
import PCRE2Regex

/// Reads lines of one ``ReportLineShape``: its literal start and structure with byte
/// comparisons, then its pattern with PCRE2, then its builder. Holds PCRE2 match data: one
/// matcher per shape per thread.
final class ShapeMatcher {
    let shape: ReportLineShape
    private let matcher: RegexMatcher
    /// The shape's structure and start length, held apart: the hot path reads them for every candidate line.
    private let structure: [ReportLineShape.Step]
    private let startLength: Int

    init(_ shape: ReportLineShape, _ regex: Regex) throws(RegexError) {
        self.shape = shape
        matcher = try RegexMatcher(regex)
        structure = shape.structure
        startLength = shape.start.utf8CodeUnitCount
    }

    /// Whether `line`, which starts with the shape's literal, continues with its structure.
    @inline(__always)
    func hasStructure(afterStart line: UnsafeRawBufferPointer) -> Bool {
        guard !structure.isEmpty else { return true }
        var cursor = ByteCursor(line, at: startLength)
        return Self.follows(structure, &cursor)
    }

    /// Whether `line` starts with the shape's literal and continues with its structure.
    func hasStructure(_ line: UnsafeRawBufferPointer) -> Bool {
        ByteText.hasPrefix(line, shape.start) && hasStructure(afterStart: line)
    }

    /// Whether `line`, inside the report that names the shape's lines, starts like one of them.
    func isNamed(_ line: UnsafeRawBufferPointer) -> Bool {
        guard ByteText.hasPrefix(line, shape.start) else { return false }
        var cursor = ByteCursor(line, at: startLength)
        return Self.follows(shape.nameStructure, &cursor)
    }

    /// The typed line, when `line` (already known to have the structure) matches the pattern
    /// and its captures hold values.
    @inline(__always)
    func read(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard matcher.matches(line) else { return nil }
        return shape.build(MatchedLine(matcher: matcher, line: line))
    }

    /// Whether the cursor's line continues with `steps` (consuming them).
    static func follows(_ steps: [ReportLineShape.Step], _ cursor: inout ByteCursor) -> Bool {
        for step in steps {
            switch step {
            case let .literal(text):
                guard cursor.skip(text) else { return false }
            case .hexDigits:
                guard cursor.skipHexDigits() else { return false }
            case .digits:
                guard cursor.skipDigits() else { return false }
            case let .past(text):
                guard cursor.skip(past: text) else { return false }
            case .decimalDigitNext:
                guard !cursor.atEnd, cursor.line[cursor.index] >= 0x30, cursor.line[cursor.index] <= 0x39 else { return false }
            case .end:
                guard cursor.atEnd else { return false }
            case let .either(options):
                var followed = false
                for option in options {
                    var attempt = cursor
                    if follows(option, &attempt) {
                        cursor = attempt
                        followed = true
                        break
                    }
                }
                guard followed else { return false }
            }
        }
        return true
    }
}

/// The captures of the last match of a shape's pattern on `line`.
private struct MatchedLine: LineCaptures {
    let matcher: RegexMatcher
    let line: UnsafeRawBufferPointer

    func has(_ group: Int) -> Bool { matcher.range(group) != nil }

    func text(_ group: Int) -> String {
        guard let range = matcher.range(group) else { return "" }
        return ByteText.string(line, range)
    }

    func decimal(_ group: Int) -> Int? {
        guard let range = matcher.range(group) else { return nil }
        return ByteText.decimal(line, range)
    }

    func hex(_ group: Int) -> HexNumber? {
        guard let range = matcher.range(group) else { return nil }
        return ByteText.hex(line, range)
    }

    /// A size printed in hex: an address may use all 64 bits, a size stays under ``ByteText/quantityLimit``.
    func hexQuantity(_ group: Int) -> HexNumber? {
        hex(group).flatMap { $0.value <= UInt64(ByteText.quantityLimit) ? $0 : nil }
    }

    func startsWith(_ group: Int, _ byte: UInt8) -> Bool {
        guard let range = matcher.range(group), !range.isEmpty else { return false }
        return line[range.lowerBound] == byte
    }
}
