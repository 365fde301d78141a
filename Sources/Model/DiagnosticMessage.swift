/// A diagnostic's text and its template: the same words with every value that changes from
/// one occurrence to the next (line numbers, ids, counts, quoted log text) as `…`. Diagnostics
/// with the same template are the same kind of problem, however many times a log repeats it.
///
/// Written as a string literal: `"a \(kind: name) could not be read: \(snippet)"` gives the
/// template `a profiler header could not be read: …`. A plain interpolation is a value; one
/// labelled `kind:` names what kind of problem it is and stays in the template.
public struct DiagnosticMessage: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The message for people.
    public private(set) var text: String
    /// The message with its values as `…`.
    public private(set) var template: String

    /// A message without values.
    public init(stringLiteral value: String) {
        text = value
        template = value
    }

    /// A message built by interpolation.
    public init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        template = stringInterpolation.template
    }

    /// Builds the text and the template side by side.
    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        var template = ""

        /// Reserves room for the literal.
        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
            template.reserveCapacity(literalCapacity + 4 * interpolationCount)
        }

        /// Fixed words.
        public mutating func appendLiteral(_ literal: String) {
            text += literal
            template += literal
        }

        /// A value that changes between occurrences of the same kind of problem.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += value.description
            // Values side by side are one gap in the template.
            if !template.hasSuffix("…") { template += "…" }
        }

        /// A value that says what kind of problem it is (which report, which detector).
        public mutating func appendInterpolation(kind value: some CustomStringConvertible) {
            text += value.description
            template += value.description
        }
    }
}
