import LeakModel
import PCRE2Regex

/// The PCRE2 pattern of every shape of ``ReportLineGrammar``, compiled and JIT-compiled once
/// per process, with the ``ReportLineFilter`` derived from the same shapes. All are anchored at
/// the start of the line's content and at its end.
final class ReportPatterns: Sendable {
    /// The shared, compiled set of the built-in grammar.
    static let shared: ReportPatterns? = try? ReportPatterns(shapes: ReportLineGrammar.shapes)

    /// The shapes, in grammar order.
    let shapes: [ReportLineShape]
    /// Each shape's whole-line pattern, in the order of ``shapes``.
    let regexes: [Regex]
    /// The lines that may matter to some report of these shapes (its tables live as long as this object).
    let filter: ReportLineFilter

    /// Compiles `shapes` (the built-in grammar, or one a test extends).
    init(shapes: [ReportLineShape]) throws(RegexError) {
        self.shapes = shapes
        var regexes: [Regex] = []
        for shape in shapes { regexes.append(try Regex(shape.linePattern)) }
        self.regexes = regexes
        filter = ReportLineFilter(shapes: shapes)
    }

    deinit {
        filter.deallocate()
    }
}
