import LeakModel

/// The C++ heap leak report being read: its summary and the current leak site. A class, so
/// that the frames arriving line by line are appended in place, never copied.
final class CppReportState {
    var headerPosition: LogPosition
    var summary: [CppSummaryField: Int] = [:]
    var sitesSeen = 0
    var allocationsSeen = 0
    var bytesSeen = 0
    var currentSite: (allocations: Int, bytes: Int, position: LogPosition)?
    var currentFrames: [CachedFrame] = []
    /// Whether the current site has more frames than are kept.
    var currentFramesCut = false

    init(headerPosition: LogPosition) {
        self.headerPosition = headerPosition
    }

    /// Finishes the current site as an occurrence of its allocations; its stack comes from `stacks`.
    func takeCurrentSite(stacks: inout StackInterner) -> Occurrence? {
        guard let site = currentSite else { return nil }
        let frames = currentFrames
        currentSite = nil
        currentFrames = []
        currentFramesCut = false
        return Occurrence(.cppSite, stack: stacks.stack(of: frames), count: site.allocations, bytes: site.bytes, position: site.position)
    }
}
