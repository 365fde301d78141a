import Foundation

/// Why the parser could not start.
public enum ParserError: Error, Equatable, LocalizedError {
    /// The built-in patterns did not compile (a defect of this build, never of the input).
    case patternsUnavailable(String)

    public var errorDescription: String? {
        switch self {
        case let .patternsUnavailable(reason): return "internal error: report patterns unavailable: \(reason)"
        }
    }
}
