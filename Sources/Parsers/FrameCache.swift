import Foundation
import LeakModel

/// A parsed stack-frame line, shared by every occurrence of that line.
final class CachedFrame {
    /// The bytes the frame was parsed from (the cache key).
    let key: [UInt8]
    let frame: StackFrame
    /// Whether the frame is in user code (has a location outside daslib): a leak is born there.
    let isUserCode: Bool

    init(key: [UInt8], frame: StackFrame) {
        self.key = key
        self.frame = frame
        self.isUserCode = frame.location.map { !$0.isLibrary } ?? false
    }
}

/// Stack-frame lines repeat thousands of times (a recursive profiler stack prints the same few
/// lines over and over; C++ leak sites share their callers), so each distinct line is parsed
/// once. The cache is direct-mapped, like a CPU cache: a line's bytes pick one slot, a hit
/// costs a hash and a `memcmp` and allocates nothing, and a new line takes the slot over, so
/// memory stays bounded whatever the log holds.
struct FrameCache {
    /// A power of two.
    private static var slotCount: Int { 2048 }
    /// Longer lines are parsed every time rather than kept.
    private static var maximumKeyLength: Int { 2048 }

    private var slots: [CachedFrame?] = Array(repeating: nil, count: slotCount)

    /// The frame for `key`, from `parse` when the key is not cached; nil when `parse` says it is no frame.
    mutating func frame(for key: UnsafeRawBufferPointer, parse: () -> StackFrame?) -> CachedFrame? {
        guard key.count <= Self.maximumKeyLength else {
            return parse().map { CachedFrame(key: [], frame: $0) }
        }
        let slot = ByteText.hash(key) & (Self.slotCount - 1)
        if let cached = slots[slot], cached.key.withUnsafeBytes({ ByteText.equal($0, key) }) { return cached }
        guard let frame = parse() else { return nil }
        let cached = CachedFrame(key: Array(key), frame: frame)
        slots[slot] = cached
        return cached
    }
}
