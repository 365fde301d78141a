import LeakModel

/// Equal stacks share one array: a profiler block lists the same stack for thousands of leaks,
/// and triage groups occurrences by stack, so every occurrence with that stack compares equal
/// by identity instead of frame by frame. Stacks are kept until a frame budget is spent, so
/// memory stays bounded like the ``FrameCache``'s.
struct StackInterner {
    private final class Entry {
        let frames: [CachedFrame]
        let stack: [StackFrame]

        init(frames: [CachedFrame], stack: [StackFrame]) {
            self.frames = frames
            self.stack = stack
        }
    }

    /// Frames kept at most, over all stacks.
    private static var frameBudget: Int { 1 << 16 }

    private var entries: [Int: [Entry]] = [:]
    private var framesKept = 0

    /// The stack of `frames`, leaf first; the same array as last time for the same frames.
    mutating func stack(of frames: [CachedFrame]) -> [StackFrame] {
        // Frames come from the cache, so equal frames are the same object: compare references.
        frames.withUnsafeBytes { references in
            let hash = ByteText.hash(references)
            if let entry = entries[hash]?.first(where: { $0.frames.withUnsafeBytes { ByteText.equal($0, references) } }) {
                return entry.stack
            }
            let stack = frames.map(\.frame)
            if framesKept + frames.count <= Self.frameBudget {
                entries[hash, default: []].append(Entry(frames: frames, stack: stack))
                framesKept += frames.count
            }
            return stack
        }
    }
}
