import Foundation

/// What stops the command line from doing its job (exit code 2), each naming the file concerned.
enum CLIError: Error, Equatable, LocalizedError {
    /// An input could not be opened or read.
    case unreadableInput(path: String, reason: String)
    /// The output could not be written.
    case unwritableOutput(path: String, reason: String)
    /// A baseline file could not be read.
    case invalidBaseline(path: String, line: Int?, reason: String)
    /// The options do not fit together.
    case usage(String)

    var errorDescription: String? {
        switch self {
        case let .unreadableInput(path, reason): return "cannot read \(path): \(reason)"
        case let .unwritableOutput(path, reason): return "cannot write \(path): \(reason)"
        case let .invalidBaseline(path, line, reason):
            return "invalid baseline \(path)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case let .usage(message): return message
        }
    }
}
