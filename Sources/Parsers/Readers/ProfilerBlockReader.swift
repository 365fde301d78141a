import LeakModel

/// Reads a `--das-profiler-leaks` block: its header and the leaks and frames under it; each
/// leak becomes an occurrence once its frames are over. Frames are appended in place, never
/// copied, and each distinct frame line is parsed once per input.
///
/// Its properties are used on every frame line, and the assembler calls one reader method at a
/// time: `@exclusivity(unchecked)` spares them the run-time access checks of a class's properties.
final class ProfilerBlockReader: ReportReader {
    @exclusivity(unchecked) private var context = ""
    @exclusivity(unchecked) private(set) var declaredAllocations = 0
    @exclusivity(unchecked) private var declaredBytes: UInt64 = 0
    @exclusivity(unchecked) private var headerPosition = LogPosition(input: 0, line: 0)
    @exclusivity(unchecked) private(set) var leaksSeen = 0
    @exclusivity(unchecked) private var bytesSeen: UInt64 = 0
    @exclusivity(unchecked) private var currentSize: UInt64?
    @exclusivity(unchecked) private var currentPosition: LogPosition?
    @exclusivity(unchecked) private var currentFrames: [CachedFrame] = []
    /// Whether the current leak has more frames than are kept.
    @exclusivity(unchecked) private var currentFramesCut = false
    /// Where unrelated output began after every announced leak had arrived, the last one
    /// without a frame so far: the block may have ended there (the last leak has no stack) or
    /// the last leak's frames may still come after interleaved lines.
    @exclusivity(unchecked) private var unrelatedAfterLastLeak: (first: LogPosition, lines: Int)?
    /// How many unrelated lines may stand between a block's last leak and its frames. Lines
    /// from another thread come in ones and twos; a block is closed after this many.
    static let interleavingWindow = 64

    /// Whether interleaving was noted for this input (it is noted once).
    @exclusivity(unchecked) private var interleavingNoted = false
    @exclusivity(unchecked) private var frames = FrameCache()
    @exclusivity(unchecked) private var stacks = StackInterner()
    /// The block as read, when reports are recorded.
    @exclusivity(unchecked) private var block: ProfilerBlock?

    /// Opens the block of a `profilerHeader` line.
    func begin(context: String, allocations: Int, bytes: UInt64, marker: LogMarker?, position: LogPosition,
               reading: ReportReaderContext) {
        self.context = context
        block = reading.recordReports ? ProfilerBlock(context: context, allocations: [], marker: marker) : nil
        declaredAllocations = allocations
        declaredBytes = bytes
        headerPosition = position
        leaksSeen = 0
        bytesSeen = 0
        currentSize = nil
        currentPosition = nil
        currentFrames = []
        currentFramesCut = false
        unrelatedAfterLastLeak = nil
    }

    /// Whether every announced leak has arrived and the last one has a frame.
    private var isComplete: Bool {
        leaksSeen >= declaredAllocations && (currentSize == nil || !currentFrames.isEmpty)
    }

    /// Whether every announced leak has arrived, the last one so far without a frame.
    private var awaitsLastFrames: Bool {
        leaksSeen >= declaredAllocations && currentSize != nil && currentFrames.isEmpty
    }

    func read(_ content: UnsafeRawBufferPointer, marker: LogMarker?, position: LogPosition,
              context: ReportReaderContext) -> ReportReaderContent {
        guard currentSize != nil, ByteText.hasPrefix(content, ReportLineGrammar.profilerFrameStart),
              let frame = frame(content, classifier: context.classifier) else {
            return .notTaken
        }
        if let unrelated = unrelatedAfterLastLeak {
            // The last leak's frames after other output: the block was interleaved.
            unrelatedAfterLastLeak = nil
            noteInterleaving(at: unrelated.first, context: context)
        }
        context.append(frame, to: &currentFrames, cut: &currentFramesCut, position: position)
        if context.recordLines, let line = frame.line { context.record(line, marker, position) }
        if block != nil, case let .profilerFrame(function, location)? = frame.line, let last = block?.allocations.indices.last {
            block?.allocations[last].frames.append(ProfilerBlock.Frame(function: function, location: location))
        }
        return .taken
    }

    func read(_ line: ReportLine, marker: LogMarker?, position: LogPosition, context: ReportReaderContext) -> ReportReaderTake {
        guard case let .profilerLeak(size) = line else { return .notTaken }
        if let leak = takeCurrentLeak() { context.emit(.occurrence(leak)) }
        leaksSeen += 1
        bytesSeen &+= size.value
        currentSize = size.value
        currentPosition = position
        block?.allocations.append(ProfilerBlock.Allocation(size: size, frames: [], position: position))
        return .taken
    }

    func endsReport(unrelatedLineAt position: LogPosition, context: ReportReaderContext) -> Bool {
        if isComplete { return true }
        if awaitsLastFrames {
            // The header's count is reached: the block has ended unless the last leak's frames still come.
            let unrelated = unrelatedAfterLastLeak.map { (first: $0.first, lines: $0.lines + 1) } ?? (first: position, lines: 1)
            unrelatedAfterLastLeak = unrelated
            return unrelated.lines > Self.interleavingWindow
        }
        noteInterleaving(at: position, context: context)
        return false
    }

    /// A block whose count is reached is over, even when its last leak had no frame.
    var endsBeforeTestRunnerLine: Bool { leaksSeen >= declaredAllocations }

    func halfRecognised(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> String? { nil }

    func close(at position: LogPosition?, context: ReportReaderContext) -> ReportState? {
        if let leak = takeCurrentLeak() { context.emit(.occurrence(leak)) }
        if leaksSeen != declaredAllocations || bytesSeen != declaredBytes {
            context.diagnose(.warning, headerPosition,
                             "profiler block of context '\(self.context)' announces \(declaredAllocations) allocations (0x\(String(declaredBytes, radix: 16)) bytes) but lists \(leaksSeen) (0x\(String(bytesSeen, radix: 16)) bytes): truncated or interleaved",
                             untrustworthy: true)
        }
        defer { block = nil }
        return block.map(ReportState.profiler)
    }

    /// Notes, once per input, that a profiler block had other output inside it.
    private func noteInterleaving(at position: LogPosition, context: ReportReaderContext) {
        guard !interleavingNoted else { return }
        context.diagnose(.note, position, "unrelated output interleaved inside the profiler block of context '\(self.context)'",
                         untrustworthy: false)
        interleavingNoted = true
    }

    /// The frame of a `  at …` line, parsed once per distinct line.
    private func frame(_ content: UnsafeRawBufferPointer, classifier: ReportLineClassifier) -> CachedFrame? {
        frames.frame(for: content) {
            guard let line = classifier.classifyProfilerFrame(content), case let .profilerFrame(function, location) = line else {
                return nil
            }
            return (StackFrame(function: function, location: location.flatMap(SourceLocation.init(parsing:))), line)
        }
    }

    /// Finishes the current leak, if any, as an occurrence; equal stacks share one array.
    private func takeCurrentLeak() -> Occurrence? {
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
