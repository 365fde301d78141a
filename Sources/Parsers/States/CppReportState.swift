import LeakModel

/// The C++ heap leak report being read: its summary and the current leak site.
struct CppReportState {
    var headerPosition: LogPosition
    var summary: [CppSummaryField: Int] = [:]
    var sitesSeen = 0
    var allocationsSeen = 0
    var bytesSeen = 0
    var currentSite: (allocations: Int, bytes: Int, position: LogPosition)?
    var currentFrames: [StackFrame] = []

    init(headerPosition: LogPosition) {
        self.headerPosition = headerPosition
    }

    /// Finishes the current site as an occurrence of its allocations.
    mutating func takeCurrentSite() -> Occurrence? {
        guard let site = currentSite else { return nil }
        let frames = currentFrames
        currentSite = nil
        currentFrames = []
        return Occurrence(
            detector: .cppHeap, kind: "allocation", location: nil, stack: frames, count: site.allocations,
            bytes: site.bytes, position: site.position)
    }
}
