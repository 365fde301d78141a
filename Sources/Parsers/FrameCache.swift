import Foundation
import LeakModel

/// A parsed stack-frame line, shared by every occurrence of that line.
final class CachedFrame {
    /// The bytes the frame was parsed from (the cache key).
    let key: [UInt8]
    let frame: StackFrame
    /// The typed line, when the key is the whole line (a profiler frame), for re-rendering.
    let line: ReportLine?
    /// Whether the frame is in user code (has a location outside daslib): a leak is born there.
    let isUserCode: Bool

    init(key: [UInt8], frame: StackFrame, line: ReportLine?) {
        self.key = key
        self.frame = frame
        self.line = line
        self.isUserCode = frame.location.map { !$0.isLibrary } ?? false
    }
}

/// Stack-frame lines repeat thousands of times (a recursive profiler stack prints the same few
/// lines over and over; C++ leak sites share their callers), so each distinct line is parsed
/// once: a repeated line costs a hash and a `memcmp`, and allocates nothing. The cache keeps
/// lines until a byte budget is spent, then parses further new lines each time, so memory
/// stays bounded whatever the log holds.
struct FrameCache {
    /// Bytes of keys kept at most.
    private static var byteBudget: Int { 4 << 20 }

    private var frames: [Int: [CachedFrame]] = [:]
    private var bytesKept = 0

    /// The frame for `key`, from `parse` when the key is not cached; nil when `parse` says it is no frame.
    mutating func frame(for key: UnsafeRawBufferPointer, parse: () -> (frame: StackFrame, line: ReportLine?)?) -> CachedFrame? {
        let hash = ByteText.hash(key)
        if let cached = frames[hash]?.first(where: { $0.key.withUnsafeBytes { ByteText.equal($0, key) } }) {
            return cached
        }
        guard let parsed = parse() else { return nil }
        guard bytesKept + key.count <= Self.byteBudget else { return CachedFrame(key: [], frame: parsed.frame, line: parsed.line) }
        let cached = CachedFrame(key: Array(key), frame: parsed.frame, line: parsed.line)
        frames[hash, default: []].append(cached)
        bytesKept += key.count
        return cached
    }
}
