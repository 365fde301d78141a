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
    /// Live bytes of `big stuff` rows per location, to check `bytes per location`.
    var rowBytesByLocation: [String: Int] = [:]
    var listedBytesByLocation: [(location: String, bytes: Int, position: LogPosition)] = []
    var pendingDeckRange = false

    init(headerPosition: LogPosition) {
        self.headerPosition = headerPosition
    }
}
