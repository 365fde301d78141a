/// What a heap-report row counts: a deck of one size class, a big-stuff block, a linear chunk,
/// or their string-heap counterparts.
public enum HeapRowKind: Hashable, Sendable, CustomStringConvertible {
    /// The chunks of a `decks of size` section.
    case deck(size: Int)
    /// The chunks of a string-heap `decks of size` section.
    case stringDeck(size: Int)
    /// A big-stuff row, with its comment (`array`, `new [[ ]]`, …) when printed.
    case block(comment: String?)
    /// A linear-allocator chunk in use.
    case linearChunk
    /// A string-heap linear chunk in use.
    case stringChunk
    /// A string-heap big-stuff row.
    case string

    /// A big-stuff row commented `comment`; an empty comment, or `block`, is no comment.
    public static func block(commented comment: String?) -> HeapRowKind {
        guard let comment, !comment.isEmpty, comment != "block" else { return .block(comment: nil) }
        return .block(comment: comment)
    }

    /// Whether the row lies on the string heap.
    public var isOnStringHeap: Bool {
        switch self {
        case .stringDeck, .stringChunk, .string: return true
        case .deck, .block, .linearChunk: return false
        }
    }

    /// As findings and fingerprints print it (`deck of size 16`, `array`, `block`, `string chunk`, …).
    public var description: String {
        switch self {
        case let .deck(size): return "deck of size \(size)"
        case let .stringDeck(size): return "string deck of size \(size)"
        case let .block(comment): return comment ?? "block"
        case .linearChunk: return "linear chunk"
        case .stringChunk: return "string chunk"
        case .string: return "string"
        }
    }
}
