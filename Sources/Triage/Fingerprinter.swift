import Foundation
import LeakModel

/// Computes versioned fingerprints from normalised keys that never contain addresses, ids,
/// reference counts, sizes, checkout directories or daslang's mangling hashes.
///
/// Recipe `v2`: `v2|<detector>|<kind>|<location>|<stack>|<qualifier>|test=<test file>`, hashed
/// with SHA-256 and shortened to 32 hex digits. Paths are keyed by ``PathNormalizer``; a
/// profiler leak keys on its allocation site (the leaf frame) and its first frame in the user's
/// code, not on the frames between (the profiler records them differently from run to run);
/// other stacks key whole, with repeated frame cycles collapsed. ``legacyKey(for:qualifier:)``
/// is recipe `v1`, kept to read baselines written with it.
public enum Fingerprinter {
    /// The recipe version carried in every key.
    public static let version = FingerprintRecipe.version
    /// The recipe a baseline without a recipe field was written with.
    public static let legacyVersion = "v1"

    /// The fingerprint of a normalised key.
    public static func fingerprint(ofKey key: String) -> String {
        FingerprintRecipe.fingerprint(ofKey: key)
    }

    /// The `v2` key of an occurrence. `qualifier` carries what only the collector knows (for a
    /// Feature, the JobStatus it belongs to); `test` is the test file whose output held it.
    /// Without `withStack`, location and stack are left out: what a leak keeps when the profiler
    /// recorded no stack for it.
    static func key(
        for occurrence: Occurrence, qualifier: String, test: String?, keepLines: Bool, paths: PathNormalizer, frames: FrameClassifier,
        withStack: Bool = true, texts: FrameKeyTexts = FrameKeyTexts()
    ) -> String {
        var location = "*"
        var stack = "*"
        if withStack {
            location = self.location(of: occurrence, frames: frames).map { normalized($0, keepLines: keepLines, paths: paths) } ?? "-"
            switch occurrence.detector {
            case .profiler:
                let leaf = occurrence.stack.first
                let user = frames.firstUserFrame(of: occurrence.stack).map { occurrence.stack[$0] }
                stack = leaf.map { "site=" + texts.text(of: $0, keepLines: keepLines, paths: paths) } ?? "no-stack"
                if let user, user != leaf { stack += ";user=" + texts.text(of: user, keepLines: keepLines, paths: paths) }
            case .cppHeap:
                stack = StackCycles.collapse(occurrence.stack.map { texts.text(of: $0, keepLines: keepLines, paths: paths) }).frames
                    .joined(separator: ";")
            case .gcNode, .heapReport, .jobStatus, .smartPtr, .handleRegistry:
                stack = ""
            }
        }
        let testKey = "test=" + (test.map { paths.key($0) } ?? "")
        let extra = self.extra(of: occurrence, qualifier: qualifier)
        return [version, occurrence.detector.rawValue, occurrence.payload.kindText, location, stack, extra, testKey].joined(separator: "|")
    }

    /// What a key says of an occurrence besides where it is and its stack, in both recipes: the
    /// profiler's context, a smart pointer's name, whether a handle is shared, else `qualifier`.
    private static func extra(of occurrence: Occurrence, qualifier: String) -> String {
        switch occurrence.detector {
        case .profiler: return "context=" + contextText(of: occurrence)
        case .smartPtr: return "name=" + contextText(of: occurrence)
        case .handleRegistry: return (occurrence.referenceCount ?? 1) > 1 ? "rc>1" : "rc=1"
        case .gcNode, .heapReport, .jobStatus, .cppHeap: return qualifier
        }
    }

    /// A profiler leak's context or a Context pointer's name as keyed: without surrounding spaces.
    private static func contextText(of occurrence: Occurrence) -> String {
        // Spaces trimmed over UTF-8 (a space is one byte, never inside another scalar's): Foundation's
        // trimming costs thousands of instructions a call, and every draft keys its context four times.
        let text = occurrence.payload.context?.description ?? ""
        let bytes = text.utf8
        guard bytes.first == 0x20 || bytes.last == 0x20 else { return text }
        guard let start = bytes.firstIndex(where: { $0 != 0x20 }), let end = bytes.lastIndex(where: { $0 != 0x20 }) else { return "" }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }

    /// Where a finding is shown: a profiler leak at its first frame in the user's code (else its
    /// leaf frame), anything else where its report says.
    static func location(of occurrence: Occurrence, frames: FrameClassifier) -> SourceLocation? {
        guard occurrence.detector == .profiler, let leaf = occurrence.stack.first else { return occurrence.location }
        return (frames.firstUserFrame(of: occurrence.stack).map { occurrence.stack[$0] } ?? leaf).location
    }

    /// A location with its path keyed by `paths`; without line and column when `keepLines` is false.
    static func normalized(_ location: SourceLocation, keepLines: Bool = true, paths: PathNormalizer) -> String {
        let path = paths.key(location.file)
        guard keepLines else { return path }
        return SourceLocation(file: path, line: location.line, column: location.column).description
    }

    /// A frame's key text: function without its mangling hash, `@` its keyed location or shared object.
    static func frame(_ frame: StackFrame, keepLines: Bool, paths: PathNormalizer) -> String {
        let function = frame.function.map { normalizedFunction($0, keepLines: keepLines) } ?? "?"
        if let location = frame.location { return function + "@" + normalized(location, keepLines: keepLines, paths: paths) }
        if let library = frame.library { return function + "@" + (library.split(separator: "/").last.map(String.init) ?? library) }
        return function
    }

    /// A function name without daslang's mangling hash (``builtin`push`4379…`` → ``builtin`push``),
    /// and, for the line-insensitive key, without a lambda's line-derived numbering.
    public static func normalizedFunction(_ name: String, keepLines: Bool = true) -> String {
        if let kept = asciiNormalizedFunction(name, keepLines: keepLines) { return kept }
        var parts = name.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) {
            parts.removeLast()
        }
        if !keepLines {
            parts = parts.map { part in
                guard part.hasPrefix("_lambda_") else { return part }
                return part.split(separator: "_", omittingEmptySubsequences: false)
                    .filter { $0.isEmpty || !$0.allSatisfy(\.isNumber) }.joined(separator: "_")
            }
        }
        // A C++ symbol's `+0x…` offset moves with every rebuild.
        var joined = parts.joined(separator: "`")
        if let plus = joined.range(of: "+0x", options: .backwards) { joined = String(joined[..<plus.lowerBound]) }
        return joined
    }

    /// ``normalizedFunction(_:keepLines:)`` of an ASCII name without lambdas to renumber, on its
    /// bytes (a C++ symbol runs to thousands of characters, each one byte there): cut at a last
    /// backtick that only digits follow, then at the last `+0x`. Nil for other names.
    private static func asciiNormalizedFunction(_ name: String, keepLines: Bool) -> String? {
        let normalized = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var end = bytes.count
            if let backtick = bytes.lastIndex(of: UInt8(ascii: "`")), backtick + 1 < end,
               bytes[(backtick + 1)...].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                end = backtick
            }
            if !keepLines, lastOffset(of: Array("_lambda_".utf8), in: bytes[..<end]) != nil { return nil }
            if let plus = lastOffset(of: Array("+0x".utf8), in: bytes[..<end]) { end = plus }
            return end == bytes.count ? name : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
        return normalized ?? nil
    }

    /// Where `pattern` last starts in `bytes`.
    private static func lastOffset(of pattern: [UInt8], in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return stride(from: bytes.endIndex - pattern.count, through: bytes.startIndex, by: -1).first { start in
            pattern.indices.allSatisfy { bytes[start + $0] == pattern[$0] }
        }
    }

    // MARK: Recipe v1

    /// The `v1` key of an occurrence: `v1|<detector>|<kind>|<location>|<stack>|<qualifier>`, paths
    /// as `daslib/…` or their last two components, the whole stack. Only read back from baselines.
    static func legacyKey(for occurrence: Occurrence, qualifier: String, texts: FrameKeyTexts = FrameKeyTexts()) -> String {
        let location = occurrence.location.map(legacyNormalized) ?? "-"
        let stack = occurrence.stack.map { texts.legacyText(of: $0) }.joined(separator: ";")
        let extra = self.extra(of: occurrence, qualifier: qualifier)
        return [legacyVersion, occurrence.detector.rawValue, occurrence.payload.kindText, location, stack, extra].joined(separator: "|")
    }

    /// A frame's `v1` key text: function without its mangling hash, `@` its `v1` location or shared object.
    static func legacyFrame(_ frame: StackFrame) -> String {
        let function = frame.function.map { normalizedFunction($0) } ?? "?"
        if let location = frame.location { return function + "@" + legacyNormalized(location) }
        if let library = frame.library { return function + "@" + (library.split(separator: "/").last.map(String.init) ?? library) }
        return function
    }

    private static func legacyNormalized(_ location: SourceLocation) -> String {
        // Worked on UTF-8 bytes ("\\", "/" and "/daslib/" are ASCII): Foundation's searches cost
        // tens of thousands of instructions a location, and every draft keys its frames' locations.
        let slash = UInt8(ascii: "/")
        let path = location.file.utf8.map { $0 == UInt8(ascii: "\\") ? slash : $0 }
        let marker = Array("/daslib/".utf8)
        let keyed: String
        if let start = stride(from: path.count - marker.count, through: 0, by: -1).first(where: { path[$0..<($0 + marker.count)].elementsEqual(marker) }) {
            keyed = "daslib/" + String(decoding: path[(start + marker.count)...], as: UTF8.self)
        } else {
            keyed = path.split(separator: slash, omittingEmptySubsequences: true).suffix(2)
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
        }
        return SourceLocation(file: keyed, line: location.line, column: location.column).description
    }
}
