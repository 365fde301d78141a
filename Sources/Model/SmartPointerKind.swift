/// What a smart pointer of daslang's dump points at, from the first word of its description.
public enum SmartPointerKind: Hashable, Sendable, CustomStringConvertible {
    /// Pointers a silenced dump (`--no-dump-leaks`) only counted.
    case unlisted
    /// A pointer printed without a description.
    case untyped
    /// A `Context`, with the name that follows the word (possibly empty).
    case context(name: String)
    /// A `Program`.
    case program
    /// A `FileAccess`.
    case fileAccess
    /// Any other type, by the description's first word.
    case other(String)

    /// The kind of a pointer printed with `description`.
    public init(description: String?) {
        guard let description, !description.isEmpty else {
            self = .untyped
            return
        }
        if description.hasPrefix("Context") {
            let name = description.dropFirst("Context".count)
            self = .context(name: String(name.first == " " ? name.dropFirst() : name))
            return
        }
        switch description.split(separator: " ", maxSplits: 1).first.map(String.init) ?? description {
        case "object": self = .untyped
        case "Program": self = .program
        case "FileAccess": self = .fileAccess
        case let word: self = .other(word)
        }
    }

    /// As findings and fingerprints print it: the type word, `object` when untyped, `unlisted`.
    public var description: String {
        switch self {
        case .unlisted: return "unlisted"
        case .untyped: return "object"
        case .context: return "Context"
        case .program: return "Program"
        case .fileAccess: return "FileAccess"
        case let .other(word): return word
        }
    }
}
