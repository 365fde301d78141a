import LeakModel

/// A profiler block being read: its header and the leak whose frames are arriving.
struct ProfilerBlockState {
    var context: String
    var declaredAllocations: Int
    var declaredBytes: UInt64
    var headerPosition: LogPosition
    var leaksSeen = 0
    var bytesSeen: UInt64 = 0
    var currentSize: UInt64?
    var currentPosition: LogPosition?
    var currentFrames: [StackFrame] = []

    /// Whether every announced leak has arrived and the last one has a frame.
    var isComplete: Bool {
        leaksSeen >= declaredAllocations && (currentSize == nil || !currentFrames.isEmpty)
    }

    /// Finishes the current leak, if any, as an occurrence.
    mutating func takeCurrentLeak() -> Occurrence? {
        guard let size = currentSize, let position = currentPosition else { return nil }
        let frames = currentFrames
        currentSize = nil
        currentPosition = nil
        currentFrames = []
        let born = frames.first { $0.location.map { !$0.isLibrary } ?? false }?.location ?? frames.first?.location
        return Occurrence(
            detector: .profiler, kind: "allocation", location: born, stack: frames, count: 1,
            bytes: Int(clamping: size), position: position, context: context)
    }
}
