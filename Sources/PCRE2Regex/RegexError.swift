import Foundation

/// Why a pattern could not be prepared.
public enum RegexError: Error, Equatable, LocalizedError {
    /// PCRE2 rejected the pattern; `offset` is the byte offset it stopped at.
    case compile(pattern: String, offset: Int, message: String)
    /// PCRE2 could not allocate its match data.
    case outOfMemory

    public var errorDescription: String? {
        switch self {
        case let .compile(pattern, offset, message):
            return "cannot compile pattern /\(pattern)/ at offset \(offset): \(message)"
        case .outOfMemory:
            return "PCRE2 could not allocate match data"
        }
    }
}
