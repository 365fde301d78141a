import LeakModel
import PCRE2Regex

/// Reads lines of one ``ReportLineShape``: its literal start and structure with byte
/// comparisons, then its pattern with PCRE2, then its builder. Holds PCRE2 match data: one
/// matcher per shape per thread.
final class ShapeMatcher {
    let shape: ReportLineShape
    private let matcher: RegexMatcher
    /// The parts of the shape the hot path reads, held apart so that reading one copies
    /// nothing else of the shape.
    private let structure: [StructureOp]
    private let nameStructure: [StructureOp]
    private let startLength: Int
    private let build: @Sendable (any LineCaptures) -> ReportLine?
    /// The shape's ``ReportLineShape/name``.
    let name: String?
    /// Whether the shape is read anywhere (not only named there).
    let isReadAnywhere: Bool

    init(_ shape: ReportLineShape, _ regex: Regex) throws(RegexError) {
        self.shape = shape
        matcher = try RegexMatcher(regex)
        structure = StructureOp.compile(shape.structure)
        nameStructure = StructureOp.compile(shape.nameStructure)
        startLength = shape.start.utf8CodeUnitCount
        build = shape.build
        name = shape.name
        isReadAnywhere = shape.scope == .anywhere
    }

    /// Whether `line`, which starts with the shape's literal, continues with its structure.
    @inline(__always)
    func hasStructure(afterStart line: UnsafeRawBufferPointer) -> Bool {
        guard !structure.isEmpty else { return true }
        var cursor = ByteCursor(line, at: startLength)
        return StructureOp.follow(structure, &cursor)
    }

    /// Whether `line` starts with the shape's literal and continues with its structure.
    func hasStructure(_ line: UnsafeRawBufferPointer) -> Bool {
        ByteText.hasPrefix(line, shape.start) && hasStructure(afterStart: line)
    }

    /// Whether `line`, inside the report that names the shape's lines, starts like one of them.
    func isNamed(_ line: UnsafeRawBufferPointer) -> Bool {
        guard ByteText.hasPrefix(line, shape.start) else { return false }
        var cursor = ByteCursor(line, at: startLength)
        return StructureOp.follow(nameStructure, &cursor)
    }

    /// The typed line, when `line` (already known to have the structure) matches the pattern
    /// and its captures hold values.
    @inline(__always)
    func read(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard matcher.matches(line) else { return nil }
        return build(MatchedLine(matcher: matcher, line: line))
    }
}

/// A shape's ``ReportLineShape/Step``s flattened into plain values (no arrays inside), so
/// that checking a line against them copies and retains nothing: `either` becomes
/// `alternatives(n)` followed by `n` branches, each `branch(length)` and its ops.
enum StructureOp {
    case literal(StaticString)
    case hexDigits
    case digits
    case past(StaticString)
    case decimalDigitNext
    case end
    case alternatives(Int)
    case branch(length: Int)

    static func compile(_ steps: [ReportLineShape.Step]) -> [StructureOp] {
        var ops: [StructureOp] = []
        for step in steps {
            switch step {
            case let .literal(text): ops.append(.literal(text))
            case .hexDigits: ops.append(.hexDigits)
            case .digits: ops.append(.digits)
            case let .past(text): ops.append(.past(text))
            case .decimalDigitNext: ops.append(.decimalDigitNext)
            case .end: ops.append(.end)
            case let .either(options):
                ops.append(.alternatives(options.count))
                for option in options {
                    let branch = compile(option)
                    ops.append(.branch(length: branch.count))
                    ops.append(contentsOf: branch)
                }
            }
        }
        return ops
    }

    /// Whether the cursor's line continues with `ops` (consuming them).
    static func follow(_ ops: [StructureOp], _ cursor: inout ByteCursor) -> Bool {
        ops.withUnsafeBufferPointer { follow($0, 0..<$0.count, &cursor) }
    }

    /// Whether the cursor's line continues with `ops[range]` (consuming them).
    static func follow(_ ops: UnsafeBufferPointer<StructureOp>, _ range: Range<Int>, _ cursor: inout ByteCursor) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            switch ops[index] {
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
            case let .alternatives(count):
                var branchStart = index + 1
                var followed = false
                for _ in 0..<count {
                    guard case let .branch(length) = ops[branchStart] else { return false }
                    let body = (branchStart + 1)..<(branchStart + 1 + length)
                    if !followed {
                        var attempt = cursor
                        if follow(ops, body, &attempt) {
                            cursor = attempt
                            followed = true
                        }
                    }
                    branchStart = body.upperBound
                }
                guard followed else { return false }
                index = branchStart
                continue
            case .branch:
                return false
            }
            index += 1
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
