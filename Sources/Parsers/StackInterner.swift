import LeakModel

/// Equal stacks share one array: a profiler block lists the same stack for thousands of leaks,
/// and triage groups occurrences by stack, so every occurrence with that stack compares equal
/// by identity instead of frame by frame. Direct-mapped and bounded like ``FrameCache``.
struct StackInterner {
    private final class Entry {
        let frames: [CachedFrame]
        let stack: [StackFrame]

        init(frames: [CachedFrame], stack: [StackFrame]) {
            self.frames = frames
            self.stack = stack
        }
    }

    /// A power of two.
    private static var slotCount: Int { 1024 }
    /// Deeper stacks are built every time rather than kept.
    private static var maximumDepth: Int { 128 }

    private var slots: [Entry?] = Array(repeating: nil, count: slotCount)

    /// The stack of `frames`, leaf first; the same array as last time for the same frames.
    mutating func stack(of frames: [CachedFrame]) -> [StackFrame] {
        guard !frames.isEmpty, frames.count <= Self.maximumDepth else { return frames.map(\.frame) }
        // Frames come from the cache, so equal frames are the same object: compare references.
        return frames.withUnsafeBytes { references in
            let slot = ByteText.hash(references) & (Self.slotCount - 1)
            if let entry = slots[slot], entry.frames.withUnsafeBytes({ ByteText.equal($0, references) }) {
                return entry.stack
            }
            let stack = frames.map(\.frame)
            slots[slot] = Entry(frames: frames, stack: stack)
            return stack
        }
    }
}
