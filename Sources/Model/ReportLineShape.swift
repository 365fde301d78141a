/// One shape of daslang report line, declared once: where it may appear, the literal it
/// starts with, the byte-level steps that make a line distinctively this shape, the PCRE2
/// pattern for the rest, how its captures build the typed ``ReportLine``, how that line is
/// printed back, and real lines of it. ``ReportLineGrammar`` lists them all; the parser's
/// first-bytes tables, matchers and half-recognised names and the emitters' rendering are
/// derived from that list (as SwiftLint derives docs and tests from each `RuleDescription`).
///
/// The pattern is not PCRE2-specific Swift: it is text, compiled by the parsers, so the
/// model stays free of PCRE2 while the declaration stays in one place.
public struct ReportLineShape: Sendable {
    /// Where a line of this shape is read.
    public enum Scope: Sendable, Equatable {
        /// Any line outside (or between) the lines of the open report.
        case anywhere
        /// Only as a line of the open report of that kind.
        case inside(ReportKind)
    }

    /// The reports whose own lines are read (or named) only while they are open.
    public enum ReportKind: Sendable, Equatable {
        /// After `=== Memory leaks in context`: the frames of its leaks.
        case profilerBlock
        /// The line after `EXCEPTION:`.
        case exception
        /// The body of a heap or string-heap report.
        case heap
        /// Only under the heap report's bytes-per-location header.
        case heapBytesPerLocation
        /// The strings under a string-heap chunk.
        case stringHeapChunk
        /// A GC LEAK report (its roots and nodes).
        case gc
        /// The JobStatus dump.
        case jobStatusDump
        /// The Feature dump.
        case featureDump
        /// The handle dump.
        case handleDump
        /// The smart-pointer dump.
        case smartPointerDump
        /// The C++ heap leak report.
        case cppReport
    }

    /// One byte-level check after the literal start (``ReportLineShape/start``), run before
    /// PCRE2 is asked: the distinctive structure of the shape.
    public enum Step: Sendable {
        /// This literal, next.
        case literal(StaticString)
        /// One or more hex digits.
        case hexDigits
        /// A decimal digit, then digits and the commas of grouped numbers.
        case digits
        /// Everything up to and including the next occurrence of this literal.
        case past(StaticString)
        /// A decimal digit next (not consumed).
        case decimalDigitNext
        /// The end of the line.
        case end
        /// The first of these step sequences that holds.
        case either([[Step]])
    }

    /// What a line of this shape is called when it has the shape's structure but does not
    /// parse (or was cut); nil when such a line is simply ordinary output.
    public let name: String?
    /// Where the line is read.
    public let scope: Scope
    /// The literal the line starts with ("" for shapes that start with a number).
    public let start: StaticString
    /// The steps after ``start`` that route a line to ``pattern``.
    public let structure: [Step]
    /// PCRE2 for the rest of the line after ``start``, up to its end.
    public let pattern: String
    /// Inside this report, a line with ``start`` and ``nameStructure`` that did not parse is
    /// named (corrupt, not interleaved): only that report prints such lines.
    public let namedInside: ReportKind?
    /// The steps after ``start`` that name a line inside ``namedInside``.
    public let nameStructure: [Step]
    /// A line of a report's own shape seen outside that report, with ``start`` and
    /// ``structure``, is named (it belongs inside the report), never read.
    public let namedAnywhere: Bool
    /// The typed line from the pattern's captures; nil when a capture does not hold a value.
    public let build: @Sendable (any LineCaptures) -> ReportLine?
    /// The line as printed (without marker or newline) when `line` is of this shape.
    public let render: @Sendable (ReportLine) -> String?
    /// Real lines of this shape, copied from daslang logs.
    public let examples: [String]

    /// Declares a shape; see the properties for each part.
    public init(
        name: String?, scope: Scope, start: StaticString, structure: [Step] = [], pattern: String,
        namedInside: ReportKind? = nil, nameStructure: [Step] = [], namedAnywhere: Bool = false,
        build: @escaping @Sendable (any LineCaptures) -> ReportLine?, render: @escaping @Sendable (ReportLine) -> String?,
        examples: [String]
    ) {
        self.name = name
        self.scope = scope
        self.start = start
        self.structure = structure
        self.pattern = pattern
        self.namedInside = namedInside
        self.nameStructure = nameStructure
        self.namedAnywhere = namedAnywhere
        self.build = build
        self.render = render
        self.examples = examples
    }

    /// The whole line's PCRE2 pattern: ``start`` escaped, then ``pattern``, then the end.
    public var linePattern: String {
        var escaped = ""
        for byte in UnsafeBufferPointer(start: start.utf8Start, count: start.utf8CodeUnitCount) {
            let character = Character(Unicode.Scalar(byte))
            if #"\^$.|?*+()[]{}"#.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + pattern + "$"
    }
}

/// The captures of a shape's pattern on one line, as the shape's builder reads them.
public protocol LineCaptures {
    /// Whether capture `group` took part in the match.
    func has(_ group: Int) -> Bool
    /// The bytes of capture `group` as text ("" when it did not take part).
    func text(_ group: Int) -> String
    /// Capture `group` as a decimal number (commas of grouped numbers skipped), within the parser's quantity limit.
    func decimal(_ group: Int) -> Int?
    /// Capture `group` as hex digits (an address or id, up to 64 bits).
    func hex(_ group: Int) -> HexNumber?
    /// Capture `group` as a size printed in hex, within the parser's quantity limit.
    func hexQuantity(_ group: Int) -> HexNumber?
    /// Whether capture `group` starts with `byte`.
    func startsWith(_ group: Int, _ byte: UInt8) -> Bool
}
