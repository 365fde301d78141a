import LeakModel
import PCRE2Regex

/// Turns a line's bytes into a typed ``ReportLine`` with the shapes of ``ReportLineGrammar``.
/// Lines are routed on their first bytes before PCRE2 is asked, so ordinary output costs a
/// byte comparison or two; every table that routes them is derived from the grammar.
///
/// Which lines are possible depends on the report being read (a tab-indented line is a
/// heap row only inside a heap report), so the assembler calls the family it expects.
final class ReportLineClassifier {
    /// Per first byte, the shapes a line outside the open report's own lines may be (and the
    /// report shapes named there), in grammar order.
    private let general: [[CandidateGroup]]
    /// Per first byte, the shapes of a heap or string-heap body.
    private let heapBody: [[CandidateGroup]]
    /// Per first byte, the shapes of the C++ report's body (after its header).
    private let cppBody: [[CandidateGroup]]
    /// The shapes named inside each report when a line of theirs does not parse.
    private let named: [(report: ReportLineShape.ReportKind, matcher: ShapeMatcher)]
    private let profilerFrame: ShapeMatcher?
    private let exceptionLocation: ShapeMatcher?
    private let smartPointer: ShapeMatcher?
    private let heapStrings: [ShapeMatcher]
    /// The starts of these shapes' general lines cut to two bytes (indexed by `first << 8 | second`):
    /// outside a report, a line that starts with none of them is ordinary output.
    private let generalFirstTwoBytes: [Bool]
    /// Which lines may matter to some report, for these shapes.
    let filter: ReportLineFilter
    /// Keeps the patterns, and so the filter's tables, alive while this classifier is.
    private let patterns: ReportPatterns

    /// Creates matchers for the shared compiled patterns (the built-in grammar, or one a test extends).
    init(patterns: ReportPatterns) throws(RegexError) {
        var matchers: [ShapeMatcher] = []
        for (shape, regex) in zip(patterns.shapes, patterns.regexes) { matchers.append(try ShapeMatcher(shape, regex)) }
        general = Self.byFirstByte(matchers.filter { Self.isGeneral($0.shape) })
        heapBody = Self.byFirstByte(matchers.filter { $0.shape.scope == .inside(.heap) })
        // The empty line is read before any shape is tried.
        cppBody = Self.byFirstByte(matchers.filter { $0.shape.scope == .inside(.cppReport) && !Self.isBlank($0.shape) })
        named = matchers.compactMap { matcher in matcher.shape.namedInside.map { ($0, matcher) } }
        profilerFrame = matchers.first { $0.shape.scope == .inside(.profilerBlock) }
        exceptionLocation = matchers.first { $0.shape.scope == .inside(.exception) }
        smartPointer = matchers.first { $0.shape.scope == .inside(.smartPointerDump) }
        heapStrings = matchers.filter { $0.shape.scope == .inside(.stringHeapChunk) }
        generalFirstTwoBytes = Self.firstTwoBytesTable(patterns.shapes.filter(Self.isGeneral).map(\.start))
        filter = patterns.filter
        self.patterns = patterns
    }

    /// Shapes read (or named) outside the open report's own lines.
    private static func isGeneral(_ shape: ReportLineShape) -> Bool {
        shape.scope == .anywhere || shape.namedAnywhere
    }

    private static func isBlank(_ shape: ReportLineShape) -> Bool {
        shape.start.utf8CodeUnitCount == 0 && shape.pattern.isEmpty
    }

    /// Shapes that share a literal start, so that a line is compared with it once.
    private struct CandidateGroup {
        let start: StaticString
        var matchers: [ShapeMatcher]
    }

    /// Per first byte, the matchers whose start begins with it, then those with no literal start
    /// (they may begin with any byte), each in grammar order, grouped by start.
    private static func byFirstByte(_ matchers: [ShapeMatcher]) -> [[CandidateGroup]] {
        var table = [[ShapeMatcher]](repeating: [], count: 256)
        for matcher in matchers where matcher.shape.start.utf8CodeUnitCount > 0 {
            table[Int(matcher.shape.start.utf8Start[0])].append(matcher)
        }
        let unanchored = matchers.filter { $0.shape.start.utf8CodeUnitCount == 0 }
        return table.map { grouped($0 + unanchored) }
    }

    /// `matchers` grouped by equal start. A shape joins an earlier group of its start only when
    /// no group in between has a start that one of the two begins with: then no line could be
    /// read by both, and the order the grammar gives is kept wherever it matters.
    private static func grouped(_ matchers: [ShapeMatcher]) -> [CandidateGroup] {
        var groups: [CandidateGroup] = []
        for matcher in matchers {
            let start = matcher.shape.start
            if let index = groups.lastIndex(where: { same($0.start, start) }),
               groups[(index + 1)...].allSatisfy({ !isPrefix($0.start, of: start) && !isPrefix(start, of: $0.start) }) {
                groups[index].matchers.append(matcher)
            } else {
                groups.append(CandidateGroup(start: start, matchers: [matcher]))
            }
        }
        return groups
    }

    private static func same(_ left: StaticString, _ right: StaticString) -> Bool {
        left.utf8CodeUnitCount == right.utf8CodeUnitCount && isPrefix(left, of: right)
    }

    private static func isPrefix(_ prefix: StaticString, of text: StaticString) -> Bool {
        prefix.utf8CodeUnitCount <= text.utf8CodeUnitCount
            && (0..<prefix.utf8CodeUnitCount).allSatisfy { prefix.utf8Start[$0] == text.utf8Start[$0] }
    }

    // MARK: Lines that may appear anywhere

    /// What a line outside the open report's own lines is.
    enum Reading {
        /// A report line, read.
        case line(ReportLine)
        /// A line with the distinctive structure of a report line that did not parse (or was
        /// cut): named, never dropped silently.
        case halfRecognised(String)
        /// Ordinary output, including lines that merely share a report line's first word.
        case ordinary

        var isOrdinary: Bool {
            if case .ordinary = self { return true }
            return false
        }
    }

    private static func firstTwoBytesTable(_ starts: [StaticString]) -> [Bool] {
        var table = [Bool](repeating: false, count: 1 << 16)
        for prefix in starts where prefix.utf8CodeUnitCount >= 2 {
            table[Int(prefix.utf8Start[0]) << 8 | Int(prefix.utf8Start[1])] = true
        }
        return table
    }

    /// Whether `line` may be a line that ``classifyGeneral(_:cut:)`` reads or names.
    func mayStartReportLine(_ line: UnsafeRawBufferPointer) -> Bool {
        line.count >= 2 && generalFirstTwoBytes[Int(line[0]) << 8 | Int(line[1])]
    }

    /// A line that starts a report, belongs to a self-delimited dump, or marks a panic, trace or
    /// usage error.
    ///
    /// Each shape is first checked for its distinctive structure with byte comparisons (its
    /// literal start, then its ``ReportLineShape/structure``); only a line that has it reaches
    /// PCRE2, and only the pattern of that shape. A line with a named shape's structure that the
    /// pattern (or its numbers) rejects is half-recognised, as is any such line when it was
    /// `cut` (longer than the splitter keeps): no report line is that long.
    func classifyGeneral(_ line: UnsafeRawBufferPointer, cut: Bool) -> Reading {
        guard let first = line.first else { return .ordinary }
        for group in general[Int(first)] where ByteText.hasPrefix(line, group.start) {
            for candidate in group.matchers where candidate.hasStructure(afterStart: line) {
                if let name = candidate.name {
                    guard !cut, candidate.isReadAnywhere, let read = candidate.read(line) else { return .halfRecognised(name) }
                    return .line(read)
                }
                if !cut, let read = candidate.read(line) { return .line(read) }
            }
        }
        return .ordinary
    }

    // MARK: Lines that belong to an open report

    /// A `  at …` frame of a profiler leak.
    func classifyProfilerFrame(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let profilerFrame, profilerFrame.hasStructure(line), Self.hasProfilerFrameStructure(line) else { return nil }
        return profilerFrame.read(line)
    }

    /// Whether a `  at ` line has a profiler frame's structure: a function name without
    /// parentheses (a Java frame's `Foo.bar(Foo.java:12)` has them), alone or followed by a space
    /// and a location that ends in `:<line>` (a node frame's ends in `)`).
    static func hasProfilerFrameStructure(_ line: UnsafeRawBufferPointer) -> Bool {
        let nameStart = 5
        var index = nameStart
        while index < line.count, line[index] != 0x20 {
            if line[index] == UInt8(ascii: "(") || line[index] == UInt8(ascii: ")") { return false }
            index += 1
        }
        guard index > nameStart else { return false }
        guard index < line.count else { return true }
        var end = line.count
        while end > index + 1, line[end - 1] >= 0x30, line[end - 1] <= 0x39 { end -= 1 }
        return end < line.count && line[end - 1] == UInt8(ascii: ":")
    }

    /// A pointer line of the smart-pointer dump.
    func classifySmartPointer(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let smartPointer, smartPointer.hasStructure(line) else { return nil }
        return smartPointer.read(line)
    }

    /// The ` at <loc>` line that follows `EXCEPTION:`.
    func classifyExceptionLocation(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let exceptionLocation, exceptionLocation.hasStructure(line) else { return nil }
        return exceptionLocation.read(line)
    }

    /// A line of a heap or string-heap body: each pattern is tried only on a line that starts as its lines do.
    func classifyHeapBody(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let first = line.first else { return nil }
        return Self.firstRead(heapBody[Int(first)], line)
    }

    /// A string of the string heap: `indent` tabs, then its text (any bytes at all).
    func classifyHeapString(_ line: UnsafeRawBufferPointer, indent: Int) -> ReportLine? {
        guard isHeapString(line, indent: indent),
              let shape = heapStrings.first(where: { $0.shape.start.utf8CodeUnitCount == indent }) else { return nil }
        return shape.read(line)
    }

    /// Whether `line` is indented as a string of the string heap is (`indent` tabs).
    func isHeapString(_ line: UnsafeRawBufferPointer, indent: Int) -> Bool {
        line.count >= indent && line.prefix(indent).allSatisfy { $0 == 0x09 }
    }

    /// A line of the C++ heap leak report (after its header).
    func classifyCppBody(_ line: UnsafeRawBufferPointer) -> ReportLine? {
        guard let first = line.first else { return .cppBlank }
        return Self.firstRead(cppBody[Int(first)], line)
    }

    /// The line as read by the first of `candidates` that has its structure and parses.
    @inline(__always)
    private static func firstRead(_ groups: [CandidateGroup], _ line: UnsafeRawBufferPointer) -> ReportLine? {
        for group in groups where ByteText.hasPrefix(line, group.start) {
            for candidate in group.matchers where candidate.hasStructure(afterStart: line) {
                if let read = candidate.read(line) { return read }
            }
        }
        return nil
    }

    // MARK: Half-recognised lines

    /// Inside an open report of kind `report`: a name for `line` when it starts like one of the
    /// lines that report names (``ReportLineShape/namedInside``) but did not parse. Inside the
    /// report, where nothing else is printed, the start alone says so.
    func halfRecognised(_ line: UnsafeRawBufferPointer, inside report: ReportLineShape.ReportKind) -> String? {
        named.first { $0.report == report && $0.matcher.isNamed(line) }?.matcher.shape.name
    }

    /// Inside the heap body of a heap report (not the string heap, whose lines are free text):
    /// whether `line` has the structure of one of the lines it names though it did not parse
    /// or came where the report does not put it. Other tab-indented output is not the report's.
    func looksLikeHeapBodyLine(_ line: UnsafeRawBufferPointer, inBytesPerLocation: Bool) -> Bool {
        named.contains { entry in
            (entry.report == .heap || (inBytesPerLocation && entry.report == .heapBytesPerLocation)) && entry.matcher.isNamed(line)
        }
    }
}
