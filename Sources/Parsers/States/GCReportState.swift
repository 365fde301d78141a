import LeakModel

/// A `GC … LEAK` report being read: the header's count and the roots and nodes seen.
final class GCReportState {
    var phase: GCPhase
    var declaredCount: Int
    var headerPosition: LogPosition
    var rootCountSum = 0
    var currentRootCount = 0
    var nodesInCurrentRoot = 0
    var nodesSeen = 0
    var rootsSeen = 0

    init(phase: GCPhase, declaredCount: Int, headerPosition: LogPosition) {
        self.phase = phase
        self.declaredCount = declaredCount
        self.headerPosition = headerPosition
    }

    var isComplete: Bool {
        rootsSeen > 0 && nodesSeen >= declaredCount && nodesInCurrentRoot >= currentRootCount
    }
}
