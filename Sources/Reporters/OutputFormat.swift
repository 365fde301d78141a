/// The output formats of `leaktriage run`. A closed set: a new case does not compile until
/// ``reporter`` maps it to its reporter.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For people, one screen.
    case text
    /// `leaktriage/1`, per CONTRACT.md.
    case json

    /// The reporter that prints this format.
    public var reporter: any LeakReporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        }
    }
}
