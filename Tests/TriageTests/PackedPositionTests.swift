import LeakModel
@testable import LeakTriage
import Testing

/// A draft keeps its positions packed in one integer each: they must come back as they went in
/// and sort as positions do, across inputs.
@Suite struct PackedPositionTests {
    @Test func packedPositionsRoundTripAndSortAsPositions() {
        let positions = [
            LogPosition(input: 0, line: 1), LogPosition(input: 0, line: 1 << 32), LogPosition(input: 1, line: 1),
            LogPosition(input: 3, line: 7), LogPosition(input: 2, line: (1 << 40) - 1), LogPosition(input: 0, line: 2),
        ]
        #expect(positions.map { LogPosition(packed: $0.packed) } == positions)
        #expect(positions.map(\.packed).sorted().map(LogPosition.init(packed:)) == positions.sorted())
    }

    @Test func recentIDsForgetTheOldestKeyFirst() {
        var recent = RecentIDs<Int>(capacity: 2)
        recent.remember(10, id: 0)
        recent.remember(11, id: 1)
        recent.remember(12, id: 2)
        #expect(recent.id(of: 10) == nil)
        #expect(recent.id(of: 11) == 1)
        #expect(recent.id(of: 12) == 2)
    }
}
