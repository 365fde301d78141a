import LeakModel

/// A heap report being read: which body (heap or string heap) and which part of it,
/// so that each body line is accepted only where the format allows it.
final class HeapReportState {
    enum Section { case heap, strings }
    enum Part: Equatable {
        case start
        case decks(size: Int)
        case bigStuff
        case bytesPerLocation
        case linear
        case stringDecks(size: Int)
        case stringBigStuff
    }

    var section: Section = .heap
    var part: Part = .start
    var headerPosition: LogPosition
    /// Set when an unrelated line came in between; weak lines (bare strings) are then refused.
    var interrupted = false
    /// Locations checked against `bytes per location` at most, so that memory stays bounded.
    static let locationLimit = 4096

    /// Live bytes of `big stuff` rows per location, to check `bytes per location`.
    private(set) var rowBytesByLocation: [String: Int] = [:]
    private(set) var listedBytesByLocation: [(location: String, bytes: Int, position: LogPosition)] = []
    /// Whether the report named more locations than are checked.
    private(set) var tooManyLocations = false
    var pendingDeckRange = false

    /// How many tabs stand before a string where the report lists strings now: one under a
    /// string-heap linear chunk, two under a string deck's chunk; nil where it lists none, or
    /// once unrelated output came in between (a bare string is then too weak a line to take).
    var stringIndent: Int? {
        guard section == .strings, !interrupted else { return nil }
        switch part {
        case .linear: return 1
        case .stringDecks: return 2
        default: return nil
        }
    }

    init(headerPosition: LogPosition) {
        self.headerPosition = headerPosition
    }

    /// Adds a `big stuff` row's bytes to its location's sum (wrapping: the sum is only compared).
    func addRowBytes(_ bytes: Int, at location: String) {
        if rowBytesByLocation[location] == nil, rowBytesByLocation.count >= Self.locationLimit {
            tooManyLocations = true
            return
        }
        rowBytesByLocation[location, default: 0] &+= bytes
    }

    /// Keeps a `bytes per location` line for the check when the report closes.
    func addListedBytes(_ bytes: Int, at location: String, position: LogPosition) {
        guard listedBytesByLocation.count < Self.locationLimit else {
            tooManyLocations = true
            return
        }
        listedBytesByLocation.append((location, bytes, position))
    }
}
