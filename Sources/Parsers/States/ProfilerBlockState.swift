import LeakModel

/// A profiler block being read: its header and the leak whose frames are arriving. A class,
/// so that frames are appended in place, never copied.
final class ProfilerBlockState {
    var context: String
    var declaredAllocations: Int
    var declaredBytes: UInt64
    var headerPosition: LogPosition
    var leaksSeen = 0
    var bytesSeen: UInt64 = 0
    var currentSize: UInt64?
    var currentPosition: LogPosition?
    var currentFrames: [CachedFrame] = []
    /// Whether the current leak has more frames than are kept.
    var currentFramesCut = false

    init(context: String, declaredAllocations: Int, declaredBytes: UInt64, headerPosition: LogPosition) {
        self.context = context
        self.declaredAllocations = declaredAllocations
        self.declaredBytes = declaredBytes
        self.headerPosition = headerPosition
    }

    /// Where unrelated output began after every announced leak had arrived, the last one
    /// without a frame so far: the block may have ended there (the last leak has no stack) or
    /// the last leak's frames may still come after interleaved lines.
    var unrelatedAfterLastLeak: (first: LogPosition, lines: Int)?
    /// How many unrelated lines may stand between a block's last leak and its frames. Lines
    /// from another thread come in ones and twos; a block is closed after this many.
    static let interleavingWindow = 64

    /// Whether every announced leak has arrived and the last one has a frame.
    var isComplete: Bool {
        leaksSeen >= declaredAllocations && (currentSize == nil || !currentFrames.isEmpty)
    }

    /// Whether every announced leak has arrived, the last one so far without a frame.
    var awaitsLastFrames: Bool {
        leaksSeen >= declaredAllocations && currentSize != nil && currentFrames.isEmpty
    }

    /// Finishes the current leak, if any, as an occurrence; its stack comes from `stacks`.
    func takeCurrentLeak(stacks: inout StackInterner) -> Occurrence? {
        guard let size = currentSize, let position = currentPosition else { return nil }
        let frames = currentFrames
        currentSize = nil
        currentPosition = nil
        currentFramesCut = false
        // The next leak's stack is usually as deep: one allocation instead of several while it grows.
        currentFrames = []
        currentFrames.reserveCapacity(frames.count)
        // Born at the first frame in user code, else wherever the leaf frame says.
        let born = (frames.first { $0.isUserCode } ?? frames.first)?.frame.location
        return Occurrence(
            .profilerLeak(context: context), location: born, stack: stacks.stack(of: frames), count: 1, bytes: Int(clamping: size),
            position: position)
    }
}
